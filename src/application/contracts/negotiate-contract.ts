import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { mayHaveHappened, ShipAction, ShipCommand } from '../ships/ship-action.js';
import { type ContractView, toContractView } from './contract-view.js';

/**
 * Asks the faction at the ship's waypoint for a new contract. The server refuses with its own codes
 * (no faction there, an open contract already: 4511), which the player sees as they are.
 */
export class NegotiateContract extends ShipCommand<ContractView> {}

@injectable()
export class NegotiateContractHandler implements RequestHandler<NegotiateContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(ShipAction) private readonly action: ShipAction,
  ) {}

  async handle(request: NegotiateContract): Promise<ContractView> {
    const { player, ship } = await this.action.load(request);
    const contract = await mayHaveHappened(
      `${ship.symbol} may have negotiated a contract; run \`spacetraders contract list\``,
      ship.symbol,
      () => this.api.negotiateContract(player.token, ship.symbol),
    );
    return toContractView(contract);
  }
}
