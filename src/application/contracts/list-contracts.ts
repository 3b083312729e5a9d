import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { type ContractView, toContractView } from './contract-view.js';

/** The player's contracts as the server shows them now. */
export class ListContracts extends Query<ContractView[]> {
  readonly player?: string;

  constructor(props: { player?: string } = {}) {
    super();
    this.player = props.player;
  }
}

@injectable()
export class ListContractsHandler implements RequestHandler<ListContracts> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
  ) {}

  async handle(request: ListContracts): Promise<ContractView[]> {
    const player = this.players.resolve(request.player);
    return (await this.api.listContracts(player.token)).map(toContractView);
  }
}
