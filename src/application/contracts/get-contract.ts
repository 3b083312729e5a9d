import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { type ContractView, requireContractId, toContractView } from './contract-view.js';

/** One contract as the server shows it now. */
export class GetContract extends Query<ContractView> {
  readonly contractId: string;
  readonly player?: string;

  constructor(props: { contractId: string; player?: string }) {
    super();
    this.contractId = props.contractId;
    this.player = props.player;
  }

  override validate(): void {
    requireContractId(this.contractId);
  }
}

@injectable()
export class GetContractHandler implements RequestHandler<GetContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
  ) {}

  async handle(request: GetContract): Promise<ContractView> {
    const player = this.players.resolve(request.player);
    return toContractView(await this.api.getContract(player.token, request.contractId));
  }
}
