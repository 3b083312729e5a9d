import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { ApiError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { systemOf } from '../ships/ship-symbol.js';
import { toShipView, type ShipView } from '../ships/ship-view.js';

/** What `shipyard buy` prints (the JSON keys are a contract). */
export interface ShipPurchaseView {
  ship: ShipView;
  price: number;
  waypoint: string;
}

/**
 * A purchase sent and not yet recorded, committed before it is sent: if the process dies before its
 * answer is booked (kill -9, a lost answer, a stop), it is settled before anything else is bought.
 */
export interface PendingPurchase {
  type: string;
  yard: string;
  /** The fleet before the purchase: a ship not in it is the one bought. */
  fleet: string[];
  /** The daemon job whose own command the purchase is (a resumed job returns its booking, never buys again). */
  job?: string;
}

/** The server's answer to a purchase, or the same read back after a lost answer. */
export type PurchaseResult = Awaited<ReturnType<SpaceTradersApi['buyShip']>> & { readBack?: true };

const pendingKey = (agent: string) => `shipPurchase.pending.${agent}`;
const jobKey = (job: string) => `shipPurchase.job.${job}`;

/**
 * The books of ship purchases: the pending record of one in flight, its settlement by reading back
 * (the fleet and the shipyard's own record of the sale, never by sending again), and the booking of
 * one bought (the ship, the credits, one SHIP row, the event).
 */
@injectable()
export class ShipPurchases {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly ships: ShipRepository,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  /** Records the purchase about to be sent, committed before it is sent. */
  async begin(player: Player, pending: PendingPurchase): Promise<void> {
    this.settings.set(pendingKey(player.agentSymbol), JSON.stringify(pending));
    await currentUnitOfWork()?.checkpoint();
  }

  /** Clears the pending record, committed at once (the error that follows discards the unit of work). */
  async forget(player: Player): Promise<void> {
    this.settings.set(pendingKey(player.agentSymbol), '');
    await currentUnitOfWork()?.checkpoint();
  }

  /** Books a purchase: the ship, the agent's credits, one SHIP row and the event, its pending record cleared in the same commit. */
  book(player: Player, pending: PendingPurchase, result: PurchaseResult): ShipPurchaseView {
    const { type, yard } = pending;
    const bought = this.clock.now();
    this.ships.save(player.agentSymbol, result.ship, bought);
    player.recordAgent(result.agent, bought);
    this.players.save(player);
    const { price, at } = result.transaction;
    this.ledger.record(player.agentSymbol, {
      at,
      ship: result.ship.symbol,
      kind: 'SHIP',
      good: type,
      units: 1,
      credits: -price,
      waypoint: yard,
      pricePerUnit: price,
      // Read back after a lost answer, the credits may hold other movements: no balance after then.
      balanceAfter: result.readBack ? null : result.agent.credits,
    });
    this.settings.set(pendingKey(player.agentSymbol), '');
    currentUnitOfWork()?.record(
      domainEvent('ShipPurchased', { ship: result.ship.symbol, shipType: type, waypoint: yard, price }, bought),
    );
    const view = { ship: toShipView(result.ship, bought), price, waypoint: yard };
    if (pending.job) this.settings.set(jobKey(pending.job), JSON.stringify(view));
    return view;
  }

  /** The purchase a job made, if it was booked (whoever booked it): the job, resumed, has nothing left to do. */
  bookedFor(job: string): ShipPurchaseView | undefined {
    const stored = this.settings.get(jobKey(job));
    return stored ? (JSON.parse(stored) as ShipPurchaseView) : undefined;
  }

  /**
   * A purchase sent before and never recorded, settled by reading back: booked (and committed) when the
   * fleet and the shipyard show it, forgotten when the fleet shows no new ship. An outage is an error
   * to retry; when the read-back cannot tell, it is reported once (not retryable: a job retried at once
   * would buy again without anyone having looked) and forgotten, so purchases are not blocked for good.
   */
  async settle(player: Player): Promise<{ view: ShipPurchaseView; type: string } | undefined> {
    const stored = this.settings.get(pendingKey(player.agentSymbol));
    if (!stored) return undefined;
    const pending = JSON.parse(stored) as PendingPurchase;
    // A refusal (the yard is gone after a server reset) cannot tell either.
    const settled = await this.readBack(player, pending).catch((error: unknown) => {
      if (error instanceof ServerUnavailableError || !(error instanceof ApiError)) throw error;
      return undefined;
    });
    if (settled !== 'NOT_BOUGHT' && settled !== undefined) {
      const view = this.book(player, pending, settled);
      await currentUnitOfWork()?.checkpoint();
      return { view, type: pending.type };
    }
    await this.forget(player);
    if (settled === undefined)
      throw new DomainRuleError(
        `an earlier purchase of a ${pending.type} at ${pending.yard} was never recorded and reading back cannot tell whether it was bought: run \`spacetraders ship list\``,
        'OUTCOME_UNKNOWN',
      );
    return undefined;
  }

  /**
   * The purchase as the server shows it: the one ship not in the fleet before, at the yard, and the
   * shipyard's one sale to this agent of this type after the newest SHIP row of the ledger; no new
   * ship means it was not bought; anything else cannot tell (undefined).
   */
  async readBack(player: Player, pending: PendingPurchase): Promise<PurchaseResult | 'NOT_BOUGHT' | undefined> {
    const { type, yard } = pending;
    const known = new Set(pending.fleet);
    const fresh = (await this.api.listShips(player.token)).filter((ship) => !known.has(ship.symbol));
    if (fresh.length === 0) return 'NOT_BOUGHT';
    const booked = this.ledger
      .entries(player.agentSymbol)
      .filter((e) => e.kind === 'SHIP')
      .reduce((newest, e) => Math.max(newest, e.at), Number.NEGATIVE_INFINITY);
    const shipyard = await this.api.getShipyard(player.token, systemOf(yard), yard);
    const sales = (shipyard.transactions ?? []).filter(
      (t) => t.agentSymbol === player.agentSymbol && t.shipType === type && Date.parse(t.timestamp) > booked,
    );
    if (fresh.length !== 1 || sales.length !== 1 || fresh[0]!.location() !== yard) return undefined;
    const agent = await this.api.getMyAgent(player.token);
    const transaction = { price: sales[0]!.price, at: Date.parse(sales[0]!.timestamp) };
    return { ship: fresh[0]!, agent, transaction, readBack: true };
  }
}
