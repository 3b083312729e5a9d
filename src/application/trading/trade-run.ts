import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import type { TradeRow } from '../../domain/trading/trade-planner.js';
import { routeKey } from '../../domain/trading/trade-route.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { currentContainer } from '../containers/container-scope.js';
import { Players } from '../player/players.js';
import { ShipCommand } from '../ships/ship-action.js';
import { TradePlanning } from './trade-planning.js';
import { type LegReport, TradeTrips } from './trade-trips.js';

/** With no free route worth running, a trader that runs until stopped looks again after this long. */
const NO_ROUTE_RETRY_MS = 5 * 60_000;
/** Rows of the plan a trader tries, best first, before it says no route is free. */
const ROWS_CONSIDERED = 20;

/** One trip: the route it reserved and what each leg did. */
export interface TripReport {
  route: string[];
  legs: LegReport[];
  profit: number;
}

/** What `trade run` reports (the JSON keys are a contract). */
export interface TradeRunReport {
  ship: string;
  trips: TripReport[];
  /** Credits earned minus spent over every trip (the ledger has each lot). */
  profit: number;
  /** Why it stopped before its trips were done: NO_ROUTE; null when it did them all. A first trip
   * with an empty route sold what the hold carried at the start. */
  stoppedBecause: string | null;
}

/**
 * Trades with one ship until stopped (or for `trips` trips): plan from stored markets, reserve the
 * route, fly, buy, fly, sell, repeat. In the daemon its routes are claims (`route:GOOD:A>B`) next to
 * the ship's, so two traders never work the same route: the second takes the next best free one.
 * A restart first sells what the hold carries where the reserved route sells it.
 */
export class TradeRun extends ShipCommand<TradeRunReport> {
  static override readonly workClass = 'revenue' as const;
  readonly minProfitPerHour: number;
  /** 0: until stopped. */
  readonly trips: number;

  constructor(props: { shipSymbol: string; minProfitPerHour?: number; trips?: number; player?: string }) {
    super(props);
    this.minProfitPerHour = props.minProfitPerHour ?? 0;
    this.trips = props.trips ?? 0;
  }

  override validate(): void {
    super.validate();
    if (
      typeof this.minProfitPerHour !== 'number' ||
      !Number.isFinite(this.minProfitPerHour) ||
      this.minProfitPerHour < 0
    )
      throw new ValidationError(
        `--min-profit-per-hour must be a number of credits of at least 0, got ${this.minProfitPerHour}`,
      );
    if (!Number.isInteger(this.trips) || this.trips < 0 || this.trips > 100_000)
      throw new ValidationError(`--trips must be a whole number (0: until stopped), got ${this.trips}`);
  }
}

@injectable()
export class TradeRunHandler implements RequestHandler<TradeRun> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TradePlanning) private readonly planning: TradePlanning,
    @inject(TradeTrips) private readonly trading: TradeTrips,
    @inject(TOKENS.ContainerStore) private readonly containers: ContainerStore,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: TradeRun): Promise<TradeRunReport> {
    const player = this.players.resolve(request.player);
    const symbol = request.shipSymbol.toUpperCase();
    const holder = currentContainer()?.containerId;
    const report: TradeRunReport = { ship: symbol, trips: [], profit: 0, stoppedBecause: null };
    let trips = 0;
    while (request.trips === 0 || trips < request.trips) {
      let ship = await this.api.getShip(player.token, symbol);
      if (ship.cargo.units > 0) {
        // What a restart cut short, or a sale the floor stopped: sold before the next trip is planned.
        const legs = await this.trading.sellHeld(player, ship, holder);
        this.finish(report, { route: [], legs, profit: legs.reduce((sum, leg) => sum + leg.earned, 0) }, holder);
        if (holder) this.containers.unclaim(holder, this.ownRoutes(holder));
        ship = await this.api.getShip(player.token, symbol);
      }
      const credits = (await this.api.getMyAgent(player.token)).credits;
      const plan = await this.planning.plan(player, ship, { limit: ROWS_CONSIDERED, credits, holder });
      const row = this.reserve(plan.rows, request.minProfitPerHour, holder);
      if (!row) {
        const why = `no free trade route earns at least ${request.minProfitPerHour}/h (${plan.rows.length} planned, ${plan.reserved.length} route(s) reserved by other traders)`;
        if (request.trips !== 0) {
          this.logger.warn({}, why);
          report.stoppedBecause = 'NO_ROUTE';
          break;
        }
        this.logger.info({}, `${why}; looking again in ${NO_ROUTE_RETRY_MS / 60_000} min`);
        await this.clock.sleep(NO_ROUTE_RETRY_MS);
        continue;
      }
      trips += 1;
      const keys = row.legs.map(routeKey);
      this.logger.info(
        { row },
        `trip ${trips}: reserved ${keys.join(', ')}; ${plan.reserved.length} route(s) reserved by other traders left out; expecting ${row.expectedProfit} credits in ${row.seconds}s (${row.creditsPerHour}/h)`,
      );
      const legs: LegReport[] = [];
      for (const leg of row.legs) {
        const done = await this.trading.leg(player, symbol, leg, request.minProfitPerHour);
        legs.push(done);
        if (done.aborted) break;
      }
      this.finish(report, { route: keys, legs, profit: legs.reduce((sum, l) => sum + l.earned - l.spent, 0) }, holder);
    }
    return report;
  }

  private ownRoutes(holder: string): string[] {
    return this.containers
      .claimed('route:')
      .filter((claim) => claim.holder === holder)
      .map((claim) => claim.resource);
  }

  /** The best row worth running whose routes this trader can reserve (in the daemon: claims them all). */
  private reserve(rows: TradeRow[], minPerHour: number, holder: string | undefined): TradeRow | undefined {
    for (const row of rows) {
      if (row.creditsPerHour < minPerHour) return undefined;
      if (!holder) return row;
      const conflict = this.containers.claim(holder, row.legs.map(routeKey), this.clock.now());
      if (!conflict) return row;
      this.logger.info(
        { conflict },
        `${conflict.resource} is reserved by container ${conflict.holder}; trying the next route`,
      );
    }
    return undefined;
  }

  private finish(report: TradeRunReport, trip: TripReport, holder: string | undefined): void {
    report.trips.push(trip);
    report.profit += trip.profit;
    if (holder && trip.route.length > 0) this.containers.unclaim(holder, trip.route);
    this.logger.info({ trip }, `trip done: ${trip.profit >= 0 ? '+' : ''}${trip.profit} credits`);
  }
}
