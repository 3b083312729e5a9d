import { inject, injectable } from 'inversify';
import type { ContractDelivery } from '../../domain/contracts/contract.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { depositShare } from '../../domain/contracts/mining-estimate.js';
import { hasSurveyor } from '../../domain/mining/extraction.js';
import { shareOf, surveyAgainForGood, surveyForGood } from '../../domain/mining/survey.js';
import type { Player } from '../../domain/player/player.js';
import type { Mediator } from '../../mediator/mediator.js';
import { ApiError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { asteroidYielding, yieldsGood } from '../mining/mining-plan.js';
import { MiningOps, SurveyRefusedError } from '../mining/mining-ops.js';
import { type MiningSite, MiningSites } from '../mining/mining-site.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { JettisonCargo } from '../ships/jettison-cargo.js';
import { ShipAction } from '../ships/ship-action.js';

/** The server's codes for a full hold and for an asteroid destabilized by over-extraction. */
const HOLD_FULL = 4228;
const DESTABILIZED = 4253;
/** Extractions for one trip before the run gives up on an asteroid that never yields the good (ours). */
const MAX_EXTRACTIONS_PER_TRIP = 400;

/**
 * The "mine it" branch of a contract's goods: at the asteroid that yields the good (the evaluation's
 * choice, else the nearest that yields it), extract on every cooldown with the usable survey that lists
 * the good most (surveying when none does and the ship has a surveyor), dump what no market buys and,
 * when space runs short, whatever else is not the contract's good, until the hold holds `target` units
 * of it or is full. Every step starts from the ship as the server shows it, so a restart resumes.
 */
@injectable()
export class ContractMining {
  constructor(
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningOps) private readonly ops: MiningOps,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  /** Mines until the hold holds `target` units of the delivery's good (or is full); returns the units gained. */
  async mine(player: Player, ship: Ship, delivery: ContractDelivery, target: number, asteroid?: string) {
    const good = delivery.good;
    const site = await this.sites.load(player, ship.nav.systemSymbol);
    const avoid = new Set<string>();
    let at =
      asteroid && yieldsGood(site, asteroid, good) ? asteroid : asteroidYielding(site, ship.location(), good, avoid);
    const start = ship.unitsOf(good);
    for (let extraction = 0; extraction < MAX_EXTRACTIONS_PER_TRIP; extraction++) {
      if (extraction > 0) ship = await this.afterCooldown(player, ship);
      ship = await this.makeRoom(player, ship, site, good, target);
      if (ship.unitsOf(good) >= target || ship.cargoSpace <= 0) break;
      if (ship.location() !== at || ship.statusAt(this.clock.now()) === 'IN_TRANSIT') {
        this.logger.info({ asteroid: at }, `flying ${ship.symbol} to ${at} to mine ${good}`);
        await this.mediator.send(
          new NavigateShip({ shipSymbol: ship.symbol, destination: at, player: player.agentSymbol }),
        );
        ship = await this.reload(player, ship);
      }
      const result = await this.extractOnce(player, ship, site, good);
      ship = result.ship;
      if (result.destabilized) {
        avoid.add(at);
        at = asteroidYielding(site, ship.location(), good, avoid);
        this.logger.warn({ asteroid: at }, `asteroid destabilized: mining ${good} at ${at} instead`);
      }
    }
    const surplus = ship.unitsOf(good) - target;
    if (surplus > 0 && site.worth(good) === 0) {
      // The last pull brought more than the contract takes, and no market buys it: it would only take space.
      const result = await this.mediator.send(
        new JettisonCargo({ shipSymbol: ship.symbol, good, units: surplus, player: player.agentSymbol }),
      );
      ship = ship.withCargo(result.cargo);
      this.logger.info({ good, units: surplus }, `jettisoned ${surplus} ${good} the contract does not need`);
    }
    return { ship, units: ship.unitsOf(good) - start };
  }

  /**
   * One extraction with the usable survey that lists the good most, when it beats mining without one;
   * a ship with a surveyor first surveys (a few times at most) while no usable survey lists the good well
   * (surveyAgainForGood): every ship mining for the contract extracts with the survey it finds.
   */
  private async extractOnce(player: Player, ship: Ship, site: MiningSite, good: string) {
    const traits = site.waypoints.get(ship.location())?.traits.map((t) => t.symbol as string) ?? [];
    const plain = depositShare(good, traits);
    const usable = () => this.surveys.usable(player.agentSymbol, ship.location(), this.clock.now());
    const best = () => surveyForGood(usable(), ship.location(), good, plain, this.clock.now());
    if (hasSurveyor(ship.snapshot().mounts))
      for (
        let surveys = 0;
        surveyAgainForGood({ bestShare: shareOf(best(), good), plainShare: plain, surveysInARow: surveys });
        surveys++
      )
        ship = (await this.ops.survey(player, ship, site)).ship;
    const survey = best();
    try {
      const done = await this.ops.extract(player, ship, site, survey);
      this.logger.info(
        { good: done.extraction.good, units: done.extraction.units, survey: survey?.signature ?? null },
        `extracted ${done.extraction.units} ${done.extraction.good} (${done.ship.unitsOf(good)} ${good}, hold ${done.ship.cargo.units}/${done.ship.cargo.capacity})`,
      );
      return { ship: done.ship, destabilized: false };
    } catch (error) {
      const code = error instanceof ApiError ? error.apiCode : undefined;
      if (error instanceof SurveyRefusedError) this.logger.warn({ survey: error.signature }, error.message);
      else if (code !== HOLD_FULL && code !== DESTABILIZED) throw error;
      return { ship: await this.reload(player, ship), destabilized: code === DESTABILIZED };
    }
  }

  /**
   * Makes room when the free space no longer covers what the contract still needs: jettisons the other
   * goods, least worth first — whole stacks of what no market of the system buys, and only as many units
   * of the rest as needed (a good traded at an unobserved price goes last). Waiting until the room is
   * needed sends one jettison per good per hold instead of one per extraction.
   */
  private async makeRoom(player: Player, ship: Ship, site: MiningSite, good: string, target: number) {
    let short = target - ship.unitsOf(good) - ship.cargoSpace;
    if (short <= 0) return ship;
    const worth = (symbol: string) => site.worth(symbol) ?? Number.POSITIVE_INFINITY;
    const others = ship.cargo.inventory
      .filter((i) => i.symbol !== good && i.units > 0)
      .sort((a, b) => worth(a.symbol) - worth(b.symbol));
    for (const item of others) {
      if (short <= 0) break;
      const units = worth(item.symbol) === 0 ? item.units : Math.min(item.units, short);
      const result = await this.mediator.send(
        new JettisonCargo({ shipSymbol: ship.symbol, good: item.symbol, units, player: player.agentSymbol }),
      );
      ship = ship.withCargo(result.cargo);
      short -= units;
      this.logger.info({ good: item.symbol, units }, `jettisoned ${units} ${item.symbol} (room for ${good})`);
    }
    return ship;
  }

  /**
   * Sleeps through the cooldown and reads the hold again: units other ships handed over meanwhile (a
   * fleet's miners feeding this contract, FeedContract) count before the next extraction, so the ship
   * leaves as soon as the hold holds the target instead of one extraction later.
   */
  private async afterCooldown(player: Player, ship: Ship): Promise<Ship> {
    const wait = ship.cooldownUntil - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait + 50);
    return this.reload(player, ship);
  }

  private async reload(player: Player, ship: Ship): Promise<Ship> {
    return (await this.action.load({ shipSymbol: ship.symbol, player: player.agentSymbol })).ship;
  }
}
