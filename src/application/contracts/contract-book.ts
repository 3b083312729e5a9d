import { inject, injectable } from 'inversify';
import { type Contract, deliveryFor } from '../../domain/contracts/contract.js';
import type { LedgerEntry } from '../../domain/market/ledger.js';
import type { Player } from '../../domain/player/player.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { AgentDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';

/**
 * What accepting and fulfilling share: the step sent once (a lost answer is settled by reading the
 * contract back, never by sending again), then the agent's credits and a CONTRACT ledger row with the
 * payment and the balance after, in the caller's unit of work.
 */
@injectable()
export class ContractBook {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Sends the step and books its payment: the contract after it, and the agent's credits. */
  async step(
    player: Player,
    contract: Contract,
    step: 'accept' | 'fulfill',
    ship = '',
  ): Promise<{ contract: Contract; credits: number }> {
    const result = await this.send(player, contract.id, step);
    player.recordAgent(result.agent, this.clock.now());
    this.players.save(player);
    const credits = step === 'accept' ? result.contract.payment.onAccepted : result.contract.payment.onFulfilled;
    this.ledger.record(
      player.agentSymbol,
      contractEntry(result.contract, ship, credits, result.agent.credits, this.clock.now()),
    );
    return { contract: result.contract, credits: result.agent.credits };
  }

  /** The step, once; its lost answer is settled by the contract's own state, read again. */
  private async send(
    player: Player,
    id: string,
    step: 'accept' | 'fulfill',
  ): Promise<{ agent: AgentDto; contract: Contract }> {
    const verb = step === 'accept' ? 'accepted' : 'fulfilled';
    try {
      return step === 'accept'
        ? await this.api.acceptContract(player.token, id)
        : await this.api.fulfillContract(player.token, id);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      const contract = await this.api.getContract(player.token, id).catch(() => undefined);
      if (contract && (step === 'accept' ? contract.accepted : contract.fulfilled))
        return { contract, agent: await this.api.getMyAgent(player.token) };
      throw new OutcomeUnknownError(
        `the answer was lost and contract ${id} may have been ${verb}: not sent again — run \`spacetraders contract show ${id}\``,
      );
    }
  }
}

/** The ledger row of a contract payment: the ship working it (if any), the good and destination it is for, the payment. */
function contractEntry(
  contract: Contract,
  ship: string,
  credits: number,
  balanceAfter: number,
  at: number,
): LedgerEntry {
  const delivery = contract.deliver.length > 0 ? deliveryFor(contract) : undefined;
  return {
    at,
    ship,
    kind: 'CONTRACT',
    good: delivery?.good ?? '',
    units: 0,
    credits,
    waypoint: delivery?.destination ?? '',
    pricePerUnit: 0,
    balanceAfter,
  };
}
