import { inject, injectable } from 'inversify';
import { offerExpired } from '../../domain/contracts/contract.js';
import { DomainRuleError } from '../../domain/errors.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { ContractBook } from './contract-book.js';
import { type ContractView, requireContractId, toContractView } from './contract-view.js';

/** What `contract accept` reports: the contract, the payment received and the credits after. */
export interface ContractPaid {
  contract: ContractView;
  payment: number;
  credits: number;
}

/** Accepts a contract offer: the accept payment lands in the ledger as a CONTRACT row. */
export class AcceptContract extends Command<ContractPaid> {
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
export class AcceptContractHandler implements RequestHandler<AcceptContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(ContractBook) private readonly book: ContractBook,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: AcceptContract): Promise<ContractPaid> {
    const player = this.players.resolve(request.player);
    const before = await this.api.getContract(player.token, request.contractId);
    if (before.accepted) throw new DomainRuleError(`contract ${before.id} is already accepted`, 'CONTRACT_STATE');
    if (offerExpired(before, this.clock.now()))
      throw new DomainRuleError(
        `the offer of contract ${before.id} expired at ${new Date(before.deadlineToAccept!).toISOString()}`,
        'CONTRACT_STATE',
      );
    const { contract, credits } = await this.book.step(player, before, 'accept', request.ship);
    return { contract: toContractView(contract), payment: contract.payment.onAccepted, credits };
  }
}
