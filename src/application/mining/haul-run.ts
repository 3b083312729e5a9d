import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { haulerShouldLeave } from '../../domain/mining/hauling.js';
import { goodsToJettison } from '../../domain/mining/jettison.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { TradeProgressStore } from '../../ports/trade-progress.js';
import { TOKENS } from '../../ports/tokens.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { jettisonGoods } from './jettison-goods.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import { DeliverHold } from './deliver-hold.js';
import type { HoldUnloader } from './hold-unloader.js';
import { type MiningSite, MiningSites } from './mining-site.js';
import { SellHold } from './sell-hold.js';

/** What `mine haul` reports when it ends (the JSON keys are a contract). */
export interface HaulRunReport {
  ship: string;
  asteroid: string;
  trips: number;
  /** Units that came aboard from miners while it waited. */
  unitsReceived: number;
  unitsSold: number;
  unitsJettisoned: number;
  credits: number;
}

/** Without `--idle`, a hauler holding something leaves after this long with nothing new aboard (ours):
 * longer than one miner takes to fill a 40-unit hold on the real server (8 or so cooldowns of 70–80 s). */
const DEFAULT_IDLE_SECONDS = 900;

/**
 * The hauler's side of `mine run --hauler H`: wait in orbit at the asteroid while miners hand it their
 * holds; leave for market when it is nearly full (or holds something and nothing came aboard for
 * `idleSeconds`); sell where best (or nearest), or deliver to a contract and sell the rest; come back.
 * Sales are the hauler's own ledger rows. Decided from the hold as the server shows it, so a restart
 * away from the asteroid with cargo finishes that trip first.
 */
export class HaulRun extends ShipCommand<HaulRunReport> {
  readonly at: string;
  readonly sell: string;
  readonly deliver?: string;
  readonly idleSeconds: number;
  readonly maxTrips?: number;
  readonly runId: string;

  constructor(props: {
    shipSymbol: string;
    player?: string;
    at: string;
    sell?: string;
    deliver?: string;
    idleSeconds?: number;
    maxTrips?: number;
    runId?: string;
  }) {
    super(props);
    this.at = props.at;
    this.sell = props.sell ?? 'best';
    if (props.deliver !== undefined) this.deliver = props.deliver;
    this.idleSeconds = props.idleSeconds ?? DEFAULT_IDLE_SECONDS;
    if (props.maxTrips !== undefined) this.maxTrips = props.maxTrips;
    this.runId = props.runId ?? this.requestId;
  }

  override validate(): void {
    super.validate();
    requireWaypointSymbol(this.at);
    if (this.sell !== 'best' && this.sell !== 'nearest')
      throw new ValidationError(`--sell must be best or nearest, got "${this.sell}"`);
    if (this.deliver !== undefined && (typeof this.deliver !== 'string' || this.deliver.length === 0))
      throw new ValidationError('--deliver needs a contract id');
    if (typeof this.idleSeconds !== 'number' || !(this.idleSeconds > 0) || this.idleSeconds > 86_400)
      throw new ValidationError(`--idle must be a number of seconds above 0, at most a day, got ${this.idleSeconds}`);
    if (this.maxTrips !== undefined && (!Number.isInteger(this.maxTrips) || this.maxTrips < 1))
      throw new ValidationError(`--max-trips must be a whole number of at least 1, got ${this.maxTrips}`);
    if (typeof this.runId !== 'string' || this.runId.length === 0 || this.runId.length > 100)
      throw new ValidationError('runId must be a non-empty string');
  }
}

@injectable()
export class HaulRunHandler implements RequestHandler<HaulRun> {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(SellHold) private readonly selling: SellHold,
    @inject(DeliverHold) private readonly delivering: DeliverHold,
    @inject(TOKENS.TradeProgress) private readonly progress: TradeProgressStore,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: HaulRun): Promise<HaulRunReport> {
    const asteroid = request.at.toUpperCase();
    let { player, ship } = await this.action.load(request);
    const site = await this.sites.load(player, ship.nav.systemSymbol);
    if (!site.waypoints.has(asteroid))
      throw new DomainRuleError(
        `${asteroid} is not a waypoint of ${site.system}, where ${ship.symbol} is`,
        'NOT_FOUND',
      );
    const unloader: HoldUnloader =
      request.deliver !== undefined
        ? this.delivering.to(request.deliver)
        : this.selling.as(request.sell === 'nearest' ? 'nearest' : 'best');
    const key = `haul:${request.runId}`;
    const saved = this.progress.find(key);
    // A trip under way when the job stopped: `inFlight` holds the units it left with.
    let underway = saved?.inFlight !== null && saved?.inFlight !== undefined;
    const report: HaulRunReport = {
      ship: ship.symbol,
      asteroid,
      trips: saved?.unitsDone ?? 0,
      unitsReceived: 0,
      unitsSold: 0,
      unitsJettisoned: 0,
      credits: 0,
    };
    const idleMs = request.idleSeconds * 1000;
    const pollMs = Math.min(15_000, Math.max(500, idleMs / 20));
    let lastUnits = ship.cargo.units;
    let lastArrival = this.clock.now();
    this.logger.info({ asteroid }, `hauling from ${asteroid}`);
    while (request.maxTrips === undefined || report.trips < request.maxTrips) {
      if (underway && ship.cargo.units === 0) {
        // The trip sold everything before the job stopped, but was not counted: count it now.
        underway = false;
        this.endTrip(player, key, report);
        await currentUnitOfWork()?.checkpoint();
        this.logger.info({ trip: report.trips }, `haul ${report.trips} was done before the restart`);
        continue;
      }
      const now = this.clock.now();
      const here = ship.isAt(asteroid, now) && !ship.awaitingArrival(now);
      // Away with cargo: a trip to market a restart cut short; finish it before going back.
      const leave = here
        ? haulerShouldLeave({
            units: ship.cargo.units,
            capacity: ship.cargo.capacity,
            lastArrivalMs: lastArrival,
            now,
            idleMs,
          })
        : ship.cargo.units > 0 && 'resumed';
      if (leave) {
        this.logger.info(
          { reason: leave },
          `leaving ${asteroid} with ${ship.cargo.units}/${ship.cargo.capacity} (${leave})`,
        );
        const trip = { unitsDone: report.trips, inFlight: ship.cargo.units };
        this.progress.save(player.agentSymbol, key, trip, this.clock.now());
        await currentUnitOfWork()?.checkpoint();
        const unloaded = await unloader.unload({ player, ship, site, keep: [], asteroid });
        ship = await this.jettisonUnsold(player, unloaded.ship, site, report);
        report.unitsSold += unloaded.unitsSold;
        report.credits += unloaded.credits;
        underway = false;
        this.endTrip(player, key, report);
        await currentUnitOfWork()?.checkpoint();
        this.logger.info({ trip: report.trips, credits: unloaded.credits }, `haul ${report.trips} done`);
        if (unloaded.finished) return report;
        if (ship.cargoSpace <= 0)
          throw new DomainRuleError(`${ship.symbol}'s hold is still full after unloading`, 'HOLD_FULL');
        lastUnits = ship.cargo.units;
        lastArrival = this.clock.now();
        continue;
      }
      if (!here) {
        await this.mediator.send(
          new NavigateShip({ shipSymbol: ship.symbol, destination: asteroid, player: player.agentSymbol }),
        );
        ship = (await this.action.load(request)).ship;
        lastArrival = this.clock.now();
        continue;
      }
      // In orbit, as miners are: a miner matches the hauler's status, so none has to dock to hand over.
      ship = await this.action.orbit(player, ship);
      await this.clock.sleep(pollMs);
      ship = (await this.action.load(request, 'background')).ship;
      if (ship.cargo.units > lastUnits) {
        report.unitsReceived += ship.cargo.units - lastUnits;
        lastArrival = this.clock.now();
        this.logger.info({}, `hold ${ship.cargo.units}/${ship.cargo.capacity}`);
      }
      lastUnits = ship.cargo.units;
    }
    return report;
  }

  private endTrip(player: Player, key: string, report: HaulRunReport): void {
    report.trips += 1;
    this.progress.save(player.agentSymbol, key, { unitsDone: report.trips, inFlight: null }, this.clock.now());
  }

  /** After a trip, dumps what no market of the system buys, so that it does not take the miners' room. */
  private async jettisonUnsold(player: Player, ship: Ship, site: MiningSite, report: HaulRunReport): Promise<Ship> {
    return jettisonGoods(
      this.mediator,
      this.logger,
      player.agentSymbol,
      ship,
      goodsToJettison(ship.cargo.inventory, site.worth, 0),
      report,
    );
  }
}
