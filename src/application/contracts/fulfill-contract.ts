import { inject, injectable } from 'inversify';
import { termsMet, unitsStillRequired } from '../../domain/contracts/contract.js';
import { DomainRuleError } from '../../domain/errors.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import type { ContractPaid } from './accept-contract.js';
import { ContractBook } from './contract-book.js';
import { requireContractId, toContractView } from './contract-view.js';

/** Fulfils a contract whose deliveries are complete: the fulfil payment lands in the ledger as a CONTRACT row. */
export class FulfillContract extends Command<ContractPaid> {
  readonly contractId: string;
  readonly player?: string;
  /** The ship working the contract, when one is: its ledger row names it, so the ship's earnings count the payment. */
  readonly ship?: string;

  constructor(props: { contractId: string; player?: string; ship?: string }) {
    super();
    this.contractId = props.contractId;
    this.player = props.player;
    this.ship = props.ship;
  }

  override validate(): void {
    requireContractId(this.contractId);
  }
}

@injectable()
export class FulfillContractHandler implements RequestHandler<FulfillContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(ContractBook) private readonly book: ContractBook,
  ) {}

  async handle(request: FulfillContract): Promise<ContractPaid> {
    const player = this.players.resolve(request.player);
    const before = await this.api.getContract(player.token, request.contractId);
    if (before.fulfilled) throw new DomainRuleError(`contract ${before.id} is already fulfilled`, 'CONTRACT_STATE');
    if (!before.accepted)
      throw new DomainRuleError(
        `contract ${before.id} is not accepted: run \`spacetraders contract accept ${before.id}\``,
        'CONTRACT_STATE',
      );
    if (!termsMet(before)) {
      const missing = before.deliver
        .filter((d) => unitsStillRequired(d) > 0)
        .map((d) => `${unitsStillRequired(d)} ${d.good} to ${d.destination}`);
      throw new DomainRuleError(`contract ${before.id} still needs ${missing.join(', ')}`, 'CONTRACT_STATE');
    }
    const { contract, credits } = await this.book.step(player, before, 'fulfill', request.ship);
    return { contract: toContractView(contract), payment: contract.payment.onFulfilled, credits };
  }
}
