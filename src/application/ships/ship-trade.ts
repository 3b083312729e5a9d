import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { ledgerEntryFor } from '../../domain/market/ledger.js';
import { nextLot, type StopReason, type TradeSide } from '../../domain/market/lots.js';
import { goodIn, type MarketGood, type MarketTrade, tradesGood } from '../../domain/market/market.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Ledger } from '../../ports/ledger.js';
import type { TradeProgressStore } from '../../ports/trade-progress.js';
import type { AgentDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Markets } from '../markets/markets.js';
import { Players } from '../player/players.js';
import { LotSettlement } from './lot-settlement.js';
import { ShipAction, ShipCommand } from './ship-action.js';

/** What `ship buy` and `ship sell` report (the JSON keys are a contract). */
export interface TradeReport {
  ship: string;
  good: string;
  /** Units moved in all. */
  units: number;
  /** Credits paid (a purchase) or received (a sale) in all. */
  totalPrice: number;
  lots: Array<{ units: number; pricePerUnit: number }>;
  /** Units asked for; fewer were moved when the trade stopped early. */
  requested: number;
  /** Why it stopped before every unit was moved; null when it did not. */
  stoppedBecause: StopReason | null;
  waypoint: string;
  credits: number;
}

/** A purchase or sale of one good by one ship, and the player's limits on it. */
export abstract class TradeCommand extends ShipCommand<TradeReport> {
  readonly good: string;
  readonly limit?: number;
  /** Names the trade's progress: kept in the stored payload, so a restarted trade moves only the rest. */
  readonly tradeId: string;

  constructor(props: { shipSymbol: string; good: string; limit?: number; player?: string; tradeId?: string }) {
    super(props);
    this.good = props.good;
    if (props.limit !== undefined) this.limit = props.limit;
    this.tradeId = props.tradeId ?? this.requestId;
  }

  override validate(): void {
    super.validate();
    if (typeof this.tradeId !== 'string' || this.tradeId.length === 0 || this.tradeId.length > 100)
      throw new ValidationError('tradeId must be a non-empty string');
  }
}

/** The side of a trade the handler runs, and how many units it asks for once the ship and market are known. */
export interface TradeOrder {
  side: TradeSide;
  good: string;
  limit?: number;
  /** Units still to move, given those a previous run of the same trade moved already. */
  units: (ship: Ship, good: MarketGood, done: number) => number;
}

/**
 * A trade in lots: a fresh read of the ship, docked if needed, the market read live (and stored),
 * then lots no larger than the good's trade volume while the price stays within the limit: every lot
 * moves the price, so after each one the market is read again (and stored) for the next lot's price,
 * or, should that read show none, the lot's own price is taken.
 * Each lot updates the hold, the agent's credits and the ledger from the server's own record and
 * is committed before the next one is sent, so a crash never repeats a lot. A lot whose answer is
 * lost, or that was in flight when the daemon died, is settled by reading the state back (the
 * market's own record of it, the hold): booked when it was applied, planned afresh when it was not,
 * reported when that cannot be told — never sent again blindly.
 */
@injectable()
export class ShipTrade {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(Markets) private readonly markets: Markets,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.TradeProgress) private readonly progress: TradeProgressStore,
    @inject(LotSettlement) private readonly settlement: LotSettlement,
  ) {}

  async run(request: TradeCommand, order: TradeOrder): Promise<TradeReport> {
    const before = { ...(this.progress.find(request.tradeId) ?? { unitsDone: 0, inFlight: null }) };
    const loaded = await this.action.load(request);
    const player = loaded.player;
    const track = (unitsDone: number, inFlight: number | null) =>
      this.progress.save(player.agentSymbol, request.tradeId, { unitsDone, inFlight }, this.clock.now());
    await this.settleOrphan(player, loaded.ship.symbol, request.tradeId);
    if (before.inFlight !== null) {
      // The daemon died (or the answer was lost) with a lot in flight: what did the server do?
      const lot = { side: order.side, good: order.good, units: before.inFlight };
      const settled = await this.settlement.settle(player, loaded.ship.symbol, lot);
      if (settled.applied === 'unknown')
        throw new DomainRuleError(
          `a lot of ${before.inFlight} ${order.good} was sent and its answer never recorded, and the market's record does not tell whether it was applied: not sent again — run \`spacetraders ship cargo ${request.shipSymbol.toUpperCase()}\``,
          'OUTCOME_UNKNOWN',
        );
      if (settled.applied) this.book(player, settled.ship, order.side, { ...settled, readBack: true });
      before.unitsDone += settled.applied ? before.inFlight : 0;
      before.inFlight = null;
      track(before.unitsDone, null);
      this.settlement.mark(player, loaded.ship.symbol, null);
      await currentUnitOfWork()?.checkpoint();
      loaded.ship = settled.ship;
    }
    let ship = await this.action.dock(player, loaded.ship);
    const waypoint = ship.location();
    const read = await this.markets.read(player, waypoint);
    await currentUnitOfWork()?.checkpoint();
    const market = 'observation' in read ? read.observation : undefined;
    const good = market ? goodIn(market, order.good) : undefined;
    if (!good || !tradesGood(market!, order.good))
      throw new DomainRuleError(`the market at ${waypoint} does not trade ${order.good}`, 'NOT_TRADED');
    const requested = order.units(ship, good, before.unitsDone);
    const agent = await this.api.getMyAgent(player.token);
    const report: TradeReport = {
      ship: ship.symbol,
      good: order.good,
      units: 0,
      totalPrice: 0,
      lots: [],
      requested,
      stoppedBecause: null,
      waypoint,
      credits: agent.credits,
    };
    const quote = (g: MarketGood) => (order.side === 'BUY' ? g.purchasePrice : g.sellPrice);
    let price = quote(good);
    let tradeVolume = good.tradeVolume;
    let credits = order.side === 'BUY' ? agent.credits : undefined;
    if (credits !== undefined && credits < price && requested > 0)
      throw new DomainRuleError(
        `not enough credits: ${order.good} costs ${price} a unit, you have ${credits}`,
        'CREDITS',
      );
    for (;;) {
      const step = nextLot({
        side: order.side,
        unitsLeft: requested - report.units,
        tradeVolume,
        price,
        limit: order.limit,
        credits,
      });
      if ('done' in step) break;
      if ('stop' in step) {
        report.stoppedBecause = step.stop;
        break;
      }
      // The lot is marked in flight (committed) before it is sent: a crash or restart never sends it again.
      track(before.unitsDone + report.units, step.units);
      const inFlight = { tradeId: request.tradeId, side: order.side, good: order.good, units: step.units, waypoint };
      this.settlement.mark(player, ship.symbol, inFlight);
      await currentUnitOfWork()?.checkpoint();
      const result = await this.lot(player, ship, order, step.units, report);
      if ('notApplied' in result && result.notApplied) {
        // Read back: the lot was not applied. Its progress is cleared and the next lot planned afresh.
        track(before.unitsDone + report.units, null);
        this.settlement.mark(player, ship.symbol, null);
        ship = this.action.save(player, result.notApplied);
        await currentUnitOfWork()?.checkpoint();
        continue;
      }
      ship = this.book(player, ship.withCargo(result.cargo), order.side, result);
      const { units, pricePerUnit, totalPrice } = result.transaction;
      track(before.unitsDone + report.units + units, null);
      this.settlement.mark(player, ship.symbol, null);
      await currentUnitOfWork()?.checkpoint();
      report.units += units;
      report.totalPrice += totalPrice;
      report.lots.push({ units, pricePerUnit });
      report.credits = result.agent.credits;
      price = pricePerUnit;
      if (report.units < requested) {
        const again = await this.markets.read(player, waypoint);
        const now = 'observation' in again ? goodIn(again.observation, order.good) : undefined;
        if (now) ({ price, tradeVolume } = { price: quote(now), tradeVolume: now.tradeVolume });
        await currentUnitOfWork()?.checkpoint();
      }
      if (credits !== undefined) credits = result.agent.credits;
    }
    return report;
  }

  /**
   * A lot another trade of this ship left in flight (its container died with it and started a new
   * trade): settled from the market's record and booked when it was applied. When that cannot be
   * told it is let go (the ledger's unexplained credits then show it): it must not stop the ship.
   */
  private async settleOrphan(player: Player, shipSymbol: string, tradeId: string): Promise<void> {
    const orphan = this.settlement.inFlight(player, shipSymbol);
    if (!orphan || orphan.tradeId === tradeId) return;
    const settled = await this.settlement.settle(player, shipSymbol, orphan);
    if (settled.applied === true) this.book(player, settled.ship, orphan.side, { ...settled, readBack: true });
    this.settlement.mark(player, shipSymbol, null);
    await currentUnitOfWork()?.checkpoint();
  }

  /**
   * A lot applied: the ship, the agent's credits, a ledger row from the server's record (with the
   * balance after only when the server answered it) and the event. Returns the ship as saved.
   */
  private book(
    player: Player,
    ship: Ship,
    side: TradeSide,
    result: { agent: AgentDto; transaction: MarketTrade; readBack?: boolean },
  ): Ship {
    const saved = this.action.save(player, ship);
    player.recordAgent(result.agent, this.clock.now());
    this.players.save(player);
    // Read back later, the agent's credits may hold other ships' movements too: no balance after then.
    const balanceAfter = result.readBack ? undefined : result.agent.credits;
    this.ledger.record(player.agentSymbol, ledgerEntryFor(result.transaction, { balanceAfter }));
    const { units, pricePerUnit, totalPrice, waypoint, good } = result.transaction;
    currentUnitOfWork()?.record(
      domainEvent(
        side === 'BUY' ? 'CargoPurchased' : 'CargoSold',
        { ship: ship.symbol, waypoint, good, units, pricePerUnit, totalPrice },
        this.clock.now(),
      ),
    );
    return saved;
  }

  /**
   * One lot; a lost answer is settled by reading back: the server's answer, the read-back's when it
   * was applied, the ship as read back when it was not. When that cannot be told the trade stops with what was
   * done and how to check the rest.
   */
  private async lot(player: Player, ship: Ship, order: TradeOrder, units: number, done: TradeReport) {
    try {
      const send = order.side === 'BUY' ? this.api.purchase.bind(this.api) : this.api.sell.bind(this.api);
      return await send(player.token, ship.symbol, order.good, units);
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      const lot = { side: order.side, good: order.good, units, heldBefore: ship.unitsOf(order.good) };
      const settled = await this.settlement.settle(player, ship.symbol, lot).catch(() => undefined);
      if (settled?.applied === true)
        return { agent: settled.agent, cargo: settled.ship.cargo, transaction: settled.transaction, readBack: true };
      if (settled?.applied === false) return { notApplied: settled.ship };
      const verb = order.side === 'BUY' ? 'bought' : 'sold';
      throw new OutcomeUnknownError(
        `${ship.symbol} ${verb} ${done.units} ${order.good} in ${done.lots.length} lot(s); the answer to the next lot of ${units} was lost and it may have been ${verb}: not sent again — run \`spacetraders ship cargo ${ship.symbol}\``,
      );
    }
  }
}
