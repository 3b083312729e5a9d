import { inject, injectable } from 'inversify';
import { deliveryFor, isOpen, unitsStillRequired } from '../../domain/contracts/contract.js';
import { depositShare } from '../../domain/contracts/mining-estimate.js';
import { AppError, ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { FEEDER_WAIT_COOLDOWNS, feederMove } from '../../domain/mining/feeding.js';
import { surveyForGood } from '../../domain/mining/survey.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ApiError, OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { requireContractId } from '../contracts/contract-view.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { requireShipSymbol, requireWaypointSymbol } from '../ships/ship-symbol.js';
import { TransferCargo } from '../ships/transfer-cargo.js';
import { DeliverHold } from './deliver-hold.js';
import { jettisonGoods } from './jettison-goods.js';
import { MiningOps, SurveyRefusedError } from './mining-ops.js';
import { type MiningSite, MiningSites } from './mining-site.js';

/** What a feeding run reports when it ends. */
export interface FeedContractReport {
  ship: string;
  contract: string;
  good: string;
  extractions: number;
  unitsHanded: number;
  unitsDelivered: number;
  unitsJettisoned: number;
  /** Why the run ended. */
  reason: string;
}

/**
 * A mining ship helps another ship (the contract ship) finish a contract's mined good: at the asteroid
 * `at` it mines, hands the contract's good — and only it — to the contract ship whenever that ship is
 * there with room (never more than the contract still needs beyond what it holds), dumps other goods when
 * its hold is full, and delivers the hold itself when the contract ship stays away (DeliverHold). It ends
 * once the contract needs no more than the contract ship holds. Every step starts from fresh reads of the
 * contract and both ships, so a restart resumes.
 */
export class FeedContract extends ShipCommand<FeedContractReport> {
  static override readonly workClass = 'revenue' as const;
  readonly contractId: string;
  readonly to: string;
  readonly at: string;

  constructor(props: { shipSymbol: string; contractId: string; to: string; at: string; player?: string }) {
    super(props);
    this.contractId = props.contractId;
    this.to = props.to;
    this.at = props.at;
  }

  override validate(): void {
    super.validate();
    requireContractId(this.contractId);
    requireShipSymbol(this.to);
    requireWaypointSymbol(this.at);
    if (this.to.toUpperCase() === this.shipSymbol.toUpperCase()) throw new ValidationError('a ship cannot feed itself');
  }
}

/** The cooldown assumed before the run has timed one (a MINING_LASER_I: 60 s + 10 s per power point). */
const DEFAULT_COOLDOWN_MS = 70_000;
/** A feeder with a full hold reads the contract ship this many times per cooldown while it waits (ours). */
const POLLS_PER_COOLDOWN = 4;
/** The server's refusals of a transfer that mean "the contract ship is not ready after all" (see HandToHauler). */
const NOT_READY_API = new Set([4214, 4217, 4234, 4271]);
const NOT_READY_RULES = new Set(['IN_TRANSIT', 'NOT_AT_WAYPOINT', 'CARGO']);
/** The server's codes for a full hold, and for an asteroid destabilized by over-extraction (the run ends). */
const HOLD_FULL = 4228;
const DESTABILIZED = 4253;

/** Errors of a ship still busy with the job this one replaced: 4000 on cooldown, 4214 in transit (and our check). */
const SETTLING_API = new Set([4000, 4214]);
/** Such errors in a row before the run gives up (ours). */
const MAX_UNSETTLED = 10;

function settling(error: unknown): boolean {
  if (error instanceof ApiError) return SETTLING_API.has(error.apiCode);
  return error instanceof AppError && error.code === 'IN_TRANSIT';
}

/** A feeding run's state between steps. */
interface Run {
  request: FeedContract;
  player: Player;
  ship: Ship;
  site: MiningSite;
  cooldownMs: number;
  /** Since when the hold has been full of the good with the contract ship away. */
  waitingSince?: number;
  report: FeedContractReport;
}

@injectable()
export class FeedContractHandler implements RequestHandler<FeedContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningOps) private readonly ops: MiningOps,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(DeliverHold) private readonly delivering: DeliverHold,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: FeedContract): Promise<FeedContractReport> {
    const loaded = await this.action.load(request);
    const run: Run = {
      request,
      player: loaded.player,
      ship: loaded.ship,
      site: await this.sites.load(loaded.player, loaded.ship.nav.systemSymbol),
      cooldownMs: DEFAULT_COOLDOWN_MS,
      report: {
        ship: loaded.ship.symbol,
        contract: request.contractId,
        good: '',
        extractions: 0,
        unitsHanded: 0,
        unitsDelivered: 0,
        unitsJettisoned: 0,
        reason: '',
      },
    };
    for (let unsettled = 0; ; ) {
      try {
        if (await this.step(run)) return run.report;
        unsettled = 0;
      } catch (error) {
        // The job this one replaced may still have been finishing a step (a flight, an extraction): wait it out.
        if (!settling(error) || ++unsettled > MAX_UNSETTLED) throw error;
        this.logger.info(
          { ship: run.ship.symbol },
          `waiting for ${run.ship.symbol} to settle: ${(error as Error).message}`,
        );
        await this.clock.sleep(run.cooldownMs / POLLS_PER_COOLDOWN);
        run.ship = await this.reload(run.player, run.ship.symbol);
      }
    }
  }

  /** One decision from fresh reads of the contract and the contract ship, and its step; true when the run ends. */
  private async step(run: Run): Promise<boolean> {
    const { request, player, report } = run;
    const [to, at] = [request.to.toUpperCase(), request.at.toUpperCase()];
    if (run.ship.statusAt(this.clock.now()) === 'IN_TRANSIT') {
      await this.clock.sleep(run.ship.secondsToArrival(this.clock.now()) * 1000 + 50);
      run.ship = await this.reload(player, run.ship.symbol);
    }
    const ship = run.ship;
    const contract = await this.api.getContract(player.token, request.contractId);
    const delivery = deliveryFor(contract);
    report.good = delivery.good;
    const fed = (await this.action.load({ shipSymbol: to, player: player.agentSymbol })).ship;
    const now = this.clock.now();
    const move = feederMove({
      good: delivery.good,
      contractOpen: contract.accepted && isOpen(contract, now),
      stillRequired: unitsStillRequired(delivery),
      inventory: ship.cargo.inventory,
      space: ship.cargoSpace,
      fed: { here: fed.isAt(ship.location(), now), holds: fed.unitsOf(delivery.good), room: fed.cargoSpace },
      waitedMs: run.waitingSince === undefined ? 0 : now - run.waitingSince,
      maxWaitMs: FEEDER_WAIT_COOLDOWNS * run.cooldownMs,
    });
    if (move.kind !== 'wait') run.waitingSince = undefined;
    if (move.kind === 'done') {
      report.reason = move.reason;
      this.logger.info({ contract: request.contractId }, `feeding done: ${move.reason}`);
      return true;
    }
    if (move.kind === 'hand') run.ship = await this.hand(player, ship, fed, delivery.good, move.units, report);
    else if (move.kind === 'dump')
      run.ship = await jettisonGoods(this.mediator, this.logger, player.agentSymbol, ship, move.items, report);
    else if (move.kind === 'wait') {
      if (run.waitingSince === undefined) this.logger.info({ to }, `hold full of ${delivery.good}: waiting for ${to}`);
      run.waitingSince ??= now;
      await this.clock.sleep(run.cooldownMs / POLLS_PER_COOLDOWN);
    } else if (move.kind === 'deliver') {
      const held = ship.unitsOf(delivery.good);
      this.logger.info({ to }, `${to} stayed away: delivering ${held} ${delivery.good} itself`);
      const unloader = this.delivering.to(request.contractId);
      run.ship = (await unloader.unload({ player, ship, site: run.site, keep: [], asteroid: at })).ship;
      report.unitsDelivered += held - run.ship.unitsOf(delivery.good);
    } else {
      const mined = await this.mineOnce(player, ship, at, delivery.good, run.site, report, run.cooldownMs);
      if (mined === 'destabilized') {
        report.reason = `${at} is destabilized (4253): the coordinator points the feeder where the contract ship mines next`;
        this.logger.warn({ asteroid: at }, report.reason);
        return true;
      }
      run.ship = mined;
      const cooling = mined.cooldownUntil - this.clock.now();
      if (cooling > 0) run.cooldownMs = cooling;
    }
    return false;
  }

  /** Flies to the asteroid when elsewhere, then one extraction with the survey that lists the good most. */
  private async mineOnce(
    player: Player,
    ship: Ship,
    at: string,
    good: string,
    site: MiningSite,
    report: { extractions: number },
    cooldownMs: number,
  ): Promise<Ship | 'destabilized'> {
    if (!ship.isAt(at, this.clock.now())) {
      await this.mediator.send(
        new NavigateShip({ shipSymbol: ship.symbol, destination: at, player: player.agentSymbol }),
      );
      ship = await this.reload(player, ship.symbol);
    }
    const traits = site.waypoints.get(at)?.traits.map((t) => t.symbol as string) ?? [];
    const usable = this.surveys.usable(player.agentSymbol, at, this.clock.now());
    const survey = surveyForGood(usable, at, good, depositShare(good, traits), this.clock.now());
    try {
      const done = await this.ops.extract(player, ship, site, survey);
      report.extractions += 1;
      this.logger.info(
        { good: done.extraction.good, units: done.extraction.units },
        `extracted ${done.extraction.units} ${done.extraction.good} (${done.ship.unitsOf(good)} ${good}, hold ${done.ship.cargo.units}/${done.ship.cargo.capacity})`,
      );
      return done.ship;
    } catch (error) {
      const code = error instanceof ApiError ? error.apiCode : undefined;
      if (code === DESTABILIZED) return 'destabilized';
      if (error instanceof SurveyRefusedError) this.logger.warn({ survey: error.signature }, error.message);
      else if (code === HOLD_FULL) await this.clock.sleep(cooldownMs / POLLS_PER_COOLDOWN);
      else throw error;
      return this.reload(player, ship.symbol);
    }
  }

  /** Matches the contract ship's dock/orbit status and hands it the units; a refusal only means "not now". */
  private async hand(
    player: Player,
    ship: Ship,
    fed: Ship,
    good: string,
    units: number,
    report: { unitsHanded: number },
  ): Promise<Ship> {
    const now = this.clock.now();
    ship =
      fed.statusAt(now) === 'DOCKED' ? await this.action.dock(player, ship) : await this.action.orbit(player, ship);
    try {
      const command = new TransferCargo({
        shipSymbol: ship.symbol,
        toShip: fed.symbol,
        good,
        units,
        player: player.agentSymbol,
      });
      const done = await this.mediator.send(command);
      report.unitsHanded += units;
      this.logger.info(
        { to: fed.symbol, good, units },
        `handed ${units} ${good} to ${fed.symbol} (its hold ${done.targetCargo.units}/${done.targetCargo.capacity})`,
      );
      await currentUnitOfWork()?.checkpoint();
      return ship.withCargo(done.cargo);
    } catch (error) {
      const notReady =
        (error instanceof ApiError && NOT_READY_API.has(error.apiCode)) ||
        (error instanceof AppError && NOT_READY_RULES.has(error.code));
      if (!notReady && !(error instanceof OutcomeUnknownError)) throw error;
      // Not ready (it left, docked, filled up) or the answer was lost: the next round reads both holds afresh.
      this.logger.info({ to: fed.symbol }, `${fed.symbol} did not take ${good}: ${(error as Error).message}`);
      return this.reload(player, ship.symbol);
    }
  }

  private async reload(player: Player, shipSymbol: string): Promise<Ship> {
    return (await this.action.load({ shipSymbol, player: player.agentSymbol })).ship;
  }
}
