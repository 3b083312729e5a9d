import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { hasSurveyor } from '../../domain/mining/extraction.js';
import { type AsteroidYield, goodsToJettison, yieldsNothingSellable } from '../../domain/mining/jettison.js';
import { bestSurvey } from '../../domain/mining/survey.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ApiError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import type { TradeProgressStore } from '../../ports/trade-progress.js';
import { TOKENS } from '../../ports/tokens.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { jettisonGoods } from './jettison-goods.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { requireGoodSymbol } from '../ships/trade-input.js';
import { requireShipSymbol, requireWaypointSymbol } from '../ships/ship-symbol.js';
import { HandToHauler } from './hand-to-hauler.js';
import type { HoldUnloader } from './hold-unloader.js';
import { DeliverHold } from './deliver-hold.js';
import {
  asteroidYielding,
  chooseAsteroid,
  nextAsteroid,
  requireSomeBuyer,
  spaceWorthAt,
  yieldsGood,
} from './mining-plan.js';
import { contractToMineFor } from './contract-to-mine.js';
import { MiningOps, SurveyRefusedError } from './mining-ops.js';
import { type MiningSite, MiningSites } from './mining-site.js';
import { SellHold } from './sell-hold.js';

/** What `mine run` reports when it ends (the JSON keys are a contract). */
export interface MineRunReport {
  ship: string;
  asteroid: string;
  trips: number;
  extractions: number;
  unitsExtracted: number;
  unitsJettisoned: number;
  unitsSold: number;
  /** Units handed to the hauler (`--hauler`); the hauler's sales are its own. */
  unitsTransferred: number;
  credits: number;
}

/**
 * The mining loop, as a container or in the foreground: go to the asteroid that pays best for the ship
 * (or the one given), survey if asked (else use stored surveys), extract with the best survey on every
 * cooldown until the hold is full, jettison what is worth less than the space it takes, empty the hold
 * (sell, or the contract seam), repeat. Every decision is made from the ship as the server shows it, so
 * a restart resumes where it stands; finished trips are counted under `runId` in the trade progress store.
 */
export class MineRun extends ShipCommand<MineRunReport> {
  static override readonly workClass = 'revenue' as const;
  readonly at?: string;
  readonly survey: boolean;
  readonly keep: string[];
  readonly sell: string;
  readonly deliver?: string;
  readonly hauler?: string;
  readonly maxTrips?: number;
  readonly runId: string;

  constructor(props: {
    shipSymbol: string;
    player?: string;
    at?: string;
    survey?: boolean;
    keep?: string[];
    sell?: string;
    deliver?: string;
    hauler?: string;
    maxTrips?: number;
    runId?: string;
  }) {
    super(props);
    if (props.at !== undefined) this.at = props.at;
    this.survey = props.survey ?? false;
    this.keep = props.keep ?? [];
    this.sell = props.sell ?? 'best';
    if (props.deliver !== undefined) this.deliver = props.deliver;
    if (props.hauler !== undefined) this.hauler = props.hauler;
    if (props.maxTrips !== undefined) this.maxTrips = props.maxTrips;
    this.runId = props.runId ?? this.requestId;
  }

  override validate(): void {
    super.validate();
    if (this.at !== undefined) requireWaypointSymbol(this.at);
    if (typeof this.survey !== 'boolean') throw new ValidationError('survey must be true or false');
    if (!Array.isArray(this.keep)) throw new ValidationError('keep must be a list of goods');
    for (const good of this.keep) requireGoodSymbol(good);
    if (this.sell !== 'best' && this.sell !== 'nearest')
      throw new ValidationError(`--sell must be best or nearest, got "${this.sell}"`);
    if (this.deliver !== undefined && (typeof this.deliver !== 'string' || this.deliver.length === 0))
      throw new ValidationError('--deliver needs a contract id');
    if (this.hauler !== undefined) {
      requireShipSymbol(this.hauler);
      if (this.hauler.toUpperCase() === this.shipSymbol.toUpperCase())
        throw new ValidationError('--hauler must be another ship than the miner');
    }
    if (this.maxTrips !== undefined && (!Number.isInteger(this.maxTrips) || this.maxTrips < 1))
      throw new ValidationError(`--max-trips must be a whole number of at least 1, got ${this.maxTrips}`);
    if (typeof this.runId !== 'string' || this.runId.length === 0 || this.runId.length > 100)
      throw new ValidationError('runId must be a non-empty string');
  }
}

/** The server's code for an asteroid destabilized by over-extraction. */
const DESTABILIZED = 4253;

@injectable()
export class MineRunHandler implements RequestHandler<MineRun> {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningOps) private readonly ops: MiningOps,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(SellHold) private readonly selling: SellHold,
    @inject(DeliverHold) private readonly delivering: DeliverHold,
    @inject(HandToHauler) private readonly handing: HandToHauler,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
    @inject(TOKENS.TradeProgress) private readonly progress: TradeProgressStore,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: MineRun): Promise<MineRunReport> {
    const unloader = this.unloaderFor(request);
    const keep = request.keep.map((g) => g.toUpperCase());
    let { player, ship } = await this.action.load(request);
    const site = await this.sites.load(player, ship.nav.systemSymbol);
    const contract =
      request.deliver === undefined ? undefined : await contractToMineFor(this.api, player, request.deliver);
    if (contract) keep.push(contract.good);
    let asteroid =
      request.at?.toUpperCase() ??
      (contract && [...site.waypoints.keys()].some((w) => yieldsGood(site, w, contract.good))
        ? asteroidYielding(site, ship.location(), contract.good)
        : chooseAsteroid(ship, site));
    const avoid = new Set<string>(); // destabilized (4253), or found to yield nothing worth its space
    const seen = new Map<string, AsteroidYield>();
    const key = `mine:${request.runId}`;
    const report: MineRunReport = {
      ship: ship.symbol,
      asteroid,
      trips: this.progress.find(key)?.unitsDone ?? 0,
      extractions: 0,
      unitsExtracted: 0,
      unitsJettisoned: 0,
      unitsSold: 0,
      unitsTransferred: 0,
      credits: 0,
    };
    let cooldownMs = 0;
    if (!contract || !yieldsGood(site, asteroid, contract.good)) requireSomeBuyer(site, asteroid);
    this.logger.info({ asteroid }, `mining at ${asteroid}`);
    while (request.maxTrips === undefined || report.trips < request.maxTrips) {
      if (ship.cargoSpace <= 0 || (contract && ship.unitsOf(contract.good) >= contract.stillRequired)) {
        const unloaded = await unloader.unload({ player, ship, site, keep, asteroid, cooldownMs });
        report.unitsTransferred += unloaded.unitsTransferred ?? 0;
        if (contract) {
          // With a hauler, the hauler delivers: the contract may be fulfilled while this ship mines on.
          const now = await contractToMineFor(this.api, player, request.deliver!, true);
          if (now.fulfilled) unloaded.finished = true;
          contract.stillRequired = now.stillRequired;
        }
        if (unloaded.finished) {
          report.unitsSold += unloaded.unitsSold;
          report.credits += unloaded.credits;
          report.trips += 1;
          this.progress.save(player.agentSymbol, key, { unitsDone: report.trips, inFlight: null }, this.clock.now());
          this.logger.info({ contract: request.deliver }, `contract ${request.deliver} fulfilled: the run is done`);
          return report;
        }
        ship = await this.jettison(player, unloaded.ship, site, asteroid, keep, report, true);
        if (ship.cargoSpace <= 0)
          throw new DomainRuleError(
            `${ship.symbol}'s hold is still full after unloading: no known market takes ${ship.cargo.inventory.map((i) => i.symbol).join(', ')}`,
            'HOLD_FULL',
          );
        report.unitsSold += unloaded.unitsSold;
        report.credits += unloaded.credits;
        report.trips += 1;
        this.progress.save(player.agentSymbol, key, { unitsDone: report.trips, inFlight: null }, this.clock.now());
        await currentUnitOfWork()?.checkpoint();
        this.logger.info({ trip: report.trips, credits: unloaded.credits }, `trip ${report.trips} done`);
        continue;
      }
      if (ship.location() !== asteroid || ship.statusAt(this.clock.now()) === 'IN_TRANSIT') {
        await this.mediator.send(
          new NavigateShip({ shipSymbol: ship.symbol, destination: asteroid, player: player.agentSymbol }),
        );
        ship = (await this.action.load(request)).ship;
      }
      const extracted = await this.extractOnce(request, player, ship, site, report);
      ship = extracted.ship;
      if (!extracted.destabilized) cooldownMs = Math.max(0, ship.cooldownUntil - this.clock.now());
      if (extracted.destabilized) {
        // The server refuses this asteroid for now (4253): move on to the next best one, if it may choose.
        avoid.add(asteroid);
        if (request.at !== undefined)
          throw new DomainRuleError(`${asteroid} is destabilized (4253): choose another asteroid`, 'DESTABILIZED');
        asteroid = chooseAsteroid(ship, site, avoid);
        report.asteroid = asteroid;
        this.logger.warn({ asteroid }, `asteroid destabilized: moving on to ${asteroid}`);
        continue;
      }
      ship = await this.jettison(player, ship, site, asteroid, keep, report, false);
      if (!extracted.good) continue;
      const here = seen.get(asteroid) ?? { extractions: 0, kept: 0 };
      here.extractions += 1;
      if (ship.unitsOf(extracted.good) > 0) here.kept += 1;
      seen.set(asteroid, here);
      if (!yieldsNothingSellable(here)) continue;
      // Not one yield kept: what this asteroid gives is worth nothing here. Another may do (unless --at).
      const why = `none of the ${here.extractions} extractions at ${asteroid} was worth its space at a known market`;
      avoid.add(asteroid);
      asteroid = request.at === undefined ? nextAsteroid(ship, site, avoid) : '';
      if (!asteroid) throw new DomainRuleError(`${why}: nothing it yields sells`, 'NOTHING_TO_SELL');
      report.asteroid = asteroid;
      this.logger.warn({ asteroid }, `${why}: moving on to ${asteroid}`);
    }
    return report;
  }

  /** `--deliver CONTRACT` delivers the hold to the contract (DeliverHold); else it is sold. */
  private unloaderFor(request: MineRun): HoldUnloader {
    const own =
      request.deliver !== undefined
        ? this.delivering.to(request.deliver)
        : this.selling.as(request.sell === 'nearest' ? 'nearest' : 'best');
    return request.hauler === undefined ? own : this.handing.to(request.hauler, own);
  }

  private async extractOnce(request: MineRun, player: Player, ship: Ship, site: MiningSite, report: MineRunReport) {
    const now = () => this.clock.now();
    let usable = this.surveys.usable(player.agentSymbol, ship.location(), now());
    if (request.survey && usable.length === 0 && hasSurveyor(ship.snapshot().mounts)) {
      ship = (await this.ops.survey(player, ship, site)).ship;
      usable = this.surveys.usable(player.agentSymbol, ship.location(), now());
    }
    const survey = bestSurvey(usable, ship.location(), site.value, now());
    try {
      const done = await this.ops.extract(player, ship, site, survey);
      report.extractions += 1;
      report.unitsExtracted += done.extraction.units;
      this.logger.info(
        { good: done.extraction.good, units: done.extraction.units, survey: survey?.signature ?? null },
        `extracted ${done.extraction.units} ${done.extraction.good} (hold ${done.ship.cargo.units}/${done.ship.cargo.capacity})`,
      );
      return { ship: done.ship, destabilized: false, good: done.extraction.good };
    } catch (error) {
      // A refused survey is marked; the next round picks another (or none). A full hold is read back.
      const code = error instanceof ApiError ? error.apiCode : undefined;
      if (error instanceof SurveyRefusedError) this.logger.warn({ survey: error.signature }, error.message);
      else if (code !== 4228 && code !== DESTABILIZED) throw error;
      const fresh = (await this.action.load({ shipSymbol: ship.symbol, player: player.agentSymbol })).ship;
      return { ship: fresh, destabilized: code === DESTABILIZED };
    }
  }

  /** Dumps what is worth less than the space it takes (or, after unloading, what no market buys). */
  private async jettison(
    player: Player,
    ship: Ship,
    site: MiningSite,
    asteroid: string,
    keep: readonly string[],
    report: MineRunReport,
    unsold: boolean,
  ): Promise<Ship> {
    const space = unsold
      ? 0
      : spaceWorthAt(ship, site, asteroid, this.surveys.usable(player.agentSymbol, asteroid, this.clock.now()));
    const dump = goodsToJettison(ship.cargo.inventory, site.worth, space, keep);
    return jettisonGoods(this.mediator, this.logger, player.agentSymbol, ship, dump, report);
  }
}
