import { inject, injectable } from 'inversify';
import type { Ship } from '../../domain/fleet/ship.js';
import { goodIn } from '../../domain/market/market.js';
import { distance } from '../../domain/navigation/flight-mode.js';
import type { Player } from '../../domain/player/player.js';
import { expectedLots } from '../../domain/trading/price-impact.js';
import type { TradeLeg } from '../../domain/trading/trade-planner.js';
import { parseRouteKey, valueHop } from '../../domain/trading/trade-route.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Markets } from '../markets/markets.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { BuyCargo } from '../ships/buy-cargo.js';
import { JettisonCargo } from '../ships/jettison-cargo.js';
import { SellCargo } from '../ships/sell-cargo.js';
import { SystemMap } from '../systems/system-map.js';
import { TradePlanning } from './trade-planning.js';

/** What one leg of a trip did (the JSON keys are a contract). */
export interface LegReport {
  good: string;
  buyAt: string;
  sellAt: string;
  bought: number;
  sold: number;
  spent: number;
  earned: number;
  /** Why the leg stopped short: the spread moved on arrival, the price cap or floor, the credits. */
  aborted: string | null;
}

/**
 * One leg of a trade, done with the ordinary use cases (NavigateShip, BuyCargo, SellCargo: every lot
 * in the ledger): fly to where the good is bought, read the market there and value the hop again on
 * the fresh ask (fewer units, or none when the spread fell below the trader's threshold), buy in
 * lots under a cap (no lot whose price leaves no margin at the expected bid), fly to where it sells,
 * sell in lots over a floor (never below what the units cost).
 */
@injectable()
export class TradeTrips {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Markets) private readonly markets: Markets,
    @inject(TradePlanning) private readonly planning: TradePlanning,
    @inject(TOKENS.ContainerStore) private readonly containers: ContainerStore,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(SystemMap) private readonly systems: SystemMap,
  ) {}

  async leg(player: Player, shipSymbol: string, leg: TradeLeg, minPerHour: number): Promise<LegReport> {
    const report: LegReport = { ...pick(leg), bought: 0, sold: 0, spent: 0, earned: 0, aborted: null };
    await this.fly(player, shipSymbol, leg.buyAt);
    const read = await this.markets.read(player, leg.buyAt);
    await currentUnitOfWork()?.checkpoint();
    const ask = 'observation' in read ? goodIn(read.observation, leg.good) : undefined;
    const stored = this.markets.latest(player, leg.sellAt);
    const bid = stored ? goodIn(stored, leg.good) : undefined;
    const ship = await this.api.getShip(player.token, shipSymbol);
    const credits = (await this.api.getMyAgent(player.token)).credits;
    const now = this.clock.now();
    const hop =
      ask && bid
        ? valueHop(
            { waypoint: leg.buyAt, good: leg.good, ...ask, observedAt: now },
            { waypoint: leg.sellAt, good: leg.good, ...bid, observedAt: stored!.observedAt },
            ship.cargoSpace,
            now,
            credits,
          )
        : undefined;
    const perHour = hop ? (hop.expectedGross * 3600) / Math.max(1, leg.seconds) : 0;
    if (!hop || !bid || perHour < minPerHour || hop.expectedGross <= 0) {
      report.aborted = `the spread moved: ${leg.good} asks ${ask?.purchasePrice ?? '?'} at ${leg.buyAt} against a bid of ${bid?.sellPrice ?? '?'} at ${leg.sellAt} (${Math.round(perHour)}/h expected, at least ${minPerHour}/h wanted)`;
      this.logger.warn({ leg: report }, `aborted: ${report.aborted}`);
      return report;
    }
    if (hop.units !== leg.units)
      this.logger.info(
        { planned: leg.units, now: hop.units },
        `${leg.good}: ${hop.units} units on the fresh ask (planned ${leg.units})`,
      );
    // The cap: no lot dearer than the bid the last unit is expected to fetch.
    const lastBid = expectedLots('SELL', bid.sellPrice, bid.tradeVolume, hop.units).at(-1)!.pricePerUnit;
    const bought = await this.mediator.send(
      new BuyCargo({
        shipSymbol,
        good: leg.good,
        units: hop.units,
        limit: Math.max(1, lastBid - 1),
        player: player.agentSymbol,
      }),
    );
    report.bought = bought.units;
    report.spent = bought.totalPrice;
    if (bought.stoppedBecause) report.aborted = `buying stopped: ${bought.stoppedBecause}`;
    if (bought.units === 0) return report;
    this.logger.info(
      { units: bought.units, spent: bought.totalPrice },
      `bought ${bought.units} ${leg.good} at ${leg.buyAt} for ${bought.totalPrice}`,
    );
    const sold = await this.sell(player, shipSymbol, leg.good, leg.sellAt, Math.ceil(bought.totalPrice / bought.units));
    report.sold = sold.units;
    report.earned = sold.earned;
    if (sold.stoppedBecause) report.aborted = `selling stopped at the floor: ${sold.stoppedBecause}`;
    return report;
  }

  /**
   * Sells what the hold carries (a trip a restart cut short, a contract's by-products): each good where
   * this trader's reserved route sells it, else at the stored market that bids most for it in the ship's
   * system, else at the nearest market whose listing trades it (its price never observed); what no market
   * of the system trades is jettisoned, so the trader starts with the space it has.
   */
  async sellHeld(player: Player, ship: Ship, holder: string | undefined): Promise<LegReport[]> {
    const reports: LegReport[] = [];
    const routes = holder
      ? this.containers
          .claimed('route:')
          .filter((claim) => claim.holder === holder)
          .map((claim) => parseRouteKey(claim.resource))
      : [];
    const system = ship.nav.systemSymbol;
    const map = await this.systems.load(player, system);
    const here = map.waypoints.find((w) => w.symbol === ship.location());
    const far = (waypoint: string) => {
      const there = map.waypoints.find((w) => w.symbol === waypoint);
      return here && there ? distance(here, there) : Number.POSITIVE_INFINITY;
    };
    for (const item of ship.cargo.inventory) {
      const report = { good: item.symbol, buyAt: '', sellAt: '', bought: 0, sold: 0, spent: 0, earned: 0 };
      let sellAt = routes.find((route) => route?.good === item.symbol)?.sellAt;
      sellAt ??= this.planning
        .quotes(player, system)
        .filter((quote) => quote.good === item.symbol)
        .sort((a, b) => b.sellPrice - a.sellPrice)[0]?.waypoint;
      sellAt ??= map.markets
        .filter((m) => [...m.imports, ...m.exports, ...m.exchange].some((g) => g.symbol === item.symbol))
        .map((m) => m.symbol)
        .sort((a, b) => far(a) - far(b))[0];
      if (!sellAt) {
        await this.mediator.send(
          new JettisonCargo({
            shipSymbol: ship.symbol,
            good: item.symbol,
            units: item.units,
            player: player.agentSymbol,
          }),
        );
        const why = `jettisoned ${item.units} ${item.symbol}: no market of ${system} trades it`;
        this.logger.info({ good: item.symbol, units: item.units }, why);
        reports.push({ ...report, aborted: why });
        continue;
      }
      this.logger.info(
        { good: item.symbol, sellAt },
        `selling the ${item.units} ${item.symbol} in the hold at ${sellAt}`,
      );
      const sold = await this.sell(player, ship.symbol, item.symbol, sellAt, undefined);
      reports.push({ ...report, sellAt, sold: sold.units, earned: sold.earned, aborted: null });
    }
    return reports;
  }

  private async sell(player: Player, shipSymbol: string, good: string, at: string, floor: number | undefined) {
    await this.fly(player, shipSymbol, at);
    const sold = await this.mediator.send(
      new SellCargo({ shipSymbol, good, player: player.agentSymbol, ...(floor ? { limit: floor } : {}) }),
    );
    this.logger.info(
      { units: sold.units, earned: sold.totalPrice },
      `sold ${sold.units} ${good} at ${at} for ${sold.totalPrice}`,
    );
    return { units: sold.units, earned: sold.totalPrice, stoppedBecause: sold.stoppedBecause };
  }

  private async fly(player: Player, shipSymbol: string, destination: string): Promise<void> {
    await this.mediator.send(new NavigateShip({ shipSymbol, destination, player: player.agentSymbol }));
    await currentUnitOfWork()?.checkpoint();
  }
}

function pick(leg: TradeLeg) {
  return { good: leg.good, buyAt: leg.buyAt, sellAt: leg.sellAt };
}
