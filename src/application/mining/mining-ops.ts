import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { type Extraction, hasMiningLaser, hasSurveyor, isMinable } from '../../domain/mining/extraction.js';
import { type StoredSurvey, statusForRefusal, type Survey } from '../../domain/mining/survey.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { ApiError, OutcomeUnknownError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { mayHaveHappened, ShipAction } from '../ships/ship-action.js';
import type { MiningSite } from './mining-site.js';

/** A survey the server refused: marked (and committed) so that it is never sent again. */
export class SurveyRefusedError extends DomainRuleError {
  constructor(
    readonly signature: string,
    readonly status: string,
    reason: string,
  ) {
    super(`survey ${signature} is ${status.toLowerCase()} (${reason}): it will not be used again`, 'SURVEY_REFUSED');
  }
}

/**
 * Surveying and extracting with one ship: the checks that give a one-line error before anything is
 * sent (no mount, not at an asteroid, full hold), the wait for the ship's cooldown (like a gate jump's
 * in navigation: slept through, never refused), orbit, the call, and the store.
 */
@injectable()
export class MiningOps {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Surveys where the ship is; the surveys are stored for every ship of the player. */
  async survey(player: Player, ship: Ship, site: MiningSite): Promise<{ ship: Ship; surveys: Survey[] }> {
    if (!hasSurveyor(ship.snapshot().mounts))
      throw new DomainRuleError(`${ship.symbol} has no surveyor`, 'NO_SURVEYOR');
    this.requireAsteroid(ship, site, 'survey');
    ship = await this.ready(player, ship);
    const waypoint = ship.location();
    const result = await mayHaveHappened(`${ship.symbol} may have surveyed ${waypoint}`, ship.symbol, () =>
      this.api.survey(player.token, ship.symbol),
    );
    ship = this.action.save(player, ship.withCooldownUntil(result.cooldownUntil));
    this.surveys.save(player.agentSymbol, result.surveys, this.clock.now());
    currentUnitOfWork()?.record(
      domainEvent(
        'ShipSurveyed',
        { ship: ship.symbol, waypoint, surveys: result.surveys.map((s) => s.signature) },
        this.clock.now(),
      ),
    );
    await currentUnitOfWork()?.checkpoint();
    return { ship, surveys: result.surveys };
  }

  /** One extraction, with a stored survey when given; a survey the server refuses is marked before the error. */
  async extract(
    player: Player,
    ship: Ship,
    site: MiningSite,
    survey?: StoredSurvey,
  ): Promise<{ ship: Ship; extraction: Extraction }> {
    this.requireCanExtract(ship, site);
    ship = await this.ready(player, ship);
    const waypoint = ship.location();
    let result: Awaited<ReturnType<SpaceTradersApi['extract']>>;
    try {
      result = await this.sendExtraction(player, ship, waypoint, survey);
    } catch (error) {
      const status = survey && error instanceof ApiError ? statusForRefusal(error.apiCode) : undefined;
      if (!survey || !status) throw error;
      this.surveys.mark(player.agentSymbol, survey.signature, status);
      currentUnitOfWork()?.record(domainEvent('SurveyRefused', { survey: survey.signature, status }, this.clock.now()));
      await currentUnitOfWork()?.checkpoint();
      throw new SurveyRefusedError(survey.signature, status, (error as ApiError).message);
    }
    ship = this.action.save(player, ship.withCargo(result.cargo).withCooldownUntil(result.cooldownUntil));
    const { good, units } = result.extraction;
    currentUnitOfWork()?.record(
      domainEvent(
        'ResourcesExtracted',
        { ship: ship.symbol, waypoint, good, units, survey: survey?.signature ?? null },
        this.clock.now(),
      ),
    );
    await currentUnitOfWork()?.checkpoint();
    return { ship, extraction: result.extraction };
  }

  /**
   * The extraction, never re-sent blindly: a lost answer is settled by reading the ship back. The
   * ship was ready (no cooldown) and is claimed, so a cooldown and more in the hold mean it was
   * applied (what it yielded is the difference); neither means it was not, and it is sent once more.
   * Anything else is reported.
   */
  private async sendExtraction(player: Player, ship: Ship, waypoint: string, survey?: StoredSurvey) {
    const what = `${ship.symbol} may have extracted at ${waypoint}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.api.extract(player.token, ship.symbol, survey);
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError)) throw error;
        const now = await mayHaveHappened(what, ship.symbol, () => this.api.getShip(player.token, ship.symbol));
        const cooling = now.cooldownUntil > this.clock.now();
        const gained = now.cargo.units - ship.cargo.units;
        const good = now.cargo.inventory.find((item) => item.units > ship.unitsOf(item.symbol))?.symbol;
        if (cooling && gained > 0 && good)
          return {
            extraction: { ship: ship.symbol, good, units: gained },
            cooldownUntil: now.cooldownUntil,
            cargo: { ...now.cargo, inventory: now.cargo.inventory.map((item) => ({ ...item })) },
          };
        if (cooling || gained !== 0 || attempt >= 3)
          throw new OutcomeUnknownError(`${what}; run \`spacetraders ship info ${ship.symbol}\``);
      }
    }
  }

  /** The one-line refusals an extraction gets before anything is sent. */
  requireCanExtract(ship: Ship, site: MiningSite): void {
    if (!hasMiningLaser(ship.snapshot().mounts))
      throw new DomainRuleError(`${ship.symbol} has no mining laser`, 'NO_LASER');
    this.requireAsteroid(ship, site, 'extract');
    if (ship.cargoSpace <= 0)
      throw new DomainRuleError(
        `${ship.symbol}'s hold is full (${ship.cargo.units}/${ship.cargo.capacity}): sell or jettison first`,
        'HOLD_FULL',
      );
  }

  private requireAsteroid(ship: Ship, site: MiningSite, verb: string): void {
    const now = this.clock.now();
    if (ship.statusAt(now) === 'IN_TRANSIT')
      throw new DomainRuleError(`${ship.symbol} is in transit to ${ship.location()}`, 'IN_TRANSIT');
    const here = site.waypoints.get(ship.location());
    if (!here || !isMinable(here.type))
      throw new DomainRuleError(
        `${ship.symbol} is at ${ship.location()}${here ? ` (${here.type})` : ''}, not at an asteroid: cannot ${verb} there`,
        'NOT_AT_ASTEROID',
      );
  }

  /** Sleeps through the ship's cooldown, then takes it into orbit. */
  private async ready(player: Player, ship: Ship): Promise<Ship> {
    const wait = ship.cooldownUntil - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait + 50);
    return this.action.orbit(player, ship);
  }
}
