import { inject, injectable } from 'inversify';
import { type Contract, deliveryFor } from '../../domain/contracts/contract.js';
import type { LedgerEntry } from '../../domain/market/ledger.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { AgentDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';

/** A step sent and not yet booked. */
interface StepInFlight {
  contractId: string;
  step: 'accept' | 'fulfill';
  ship: string;
}

/**
 * What accepting and fulfilling share: the step sent once (a lost answer is settled by reading the
 * contract back, never by sending again), then the agent's credits and a CONTRACT ledger row with the
 * payment and the balance after, in the caller's unit of work. The step is marked in flight (committed)
 * before it is sent, so one whose daemon died with it is settled by the player's next step: booked
 * when the contract shows it applied.
 */
@injectable()
export class ContractBook {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  /** Sends the step and books its payment: the contract after it, and the agent's credits. */
  async step(
    player: Player,
    contract: Contract,
    step: 'accept' | 'fulfill',
    ship = '',
  ): Promise<{ contract: Contract; credits: number }> {
    await this.settlePending(player);
    this.mark(player, { contractId: contract.id, step, ship });
    await currentUnitOfWork()?.checkpoint();
    const result = await this.send(player, contract.id, step);
    player.recordAgent(result.agent, this.clock.now());
    this.players.save(player);
    const credits = step === 'accept' ? result.contract.payment.onAccepted : result.contract.payment.onFulfilled;
    this.ledger.record(
      player.agentSymbol,
      contractEntry(result.contract, ship, credits, result.agent.credits, this.clock.now()),
    );
    this.mark(player, null);
    return { contract: result.contract, credits: result.agent.credits };
  }

  /**
   * A step left in flight by a daemon that died with it: read the contract back and book the payment
   * when the step was applied (the balance after is unknown then); forgotten when it was not.
   */
  private async settlePending(player: Player): Promise<void> {
    const stored = this.settings.get(stepKey(player.agentSymbol));
    if (!stored) return;
    const pending = JSON.parse(stored) as StepInFlight;
    const contract = await this.api.getContract(player.token, pending.contractId);
    if (pending.step === 'accept' ? contract.accepted : contract.fulfilled) {
      const credits = pending.step === 'accept' ? contract.payment.onAccepted : contract.payment.onFulfilled;
      const entry = contractEntry(contract, pending.ship, credits, 0, this.clock.now());
      this.ledger.record(player.agentSymbol, { ...entry, balanceAfter: null });
    }
    this.mark(player, null);
  }

  private mark(player: Player, step: StepInFlight | null): void {
    this.settings.set(stepKey(player.agentSymbol), step ? JSON.stringify(step) : '');
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

function stepKey(agentSymbol: string): string {
  return `contract-step-in-flight:${agentSymbol}`;
}
