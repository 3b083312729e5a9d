import { inject, injectable } from 'inversify';
import { DomainRuleError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Extraction } from '../../domain/mining/extraction.js';
import { bestSurvey, isUsable, type StoredSurvey } from '../../domain/mining/survey.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import type { CargoView } from '../ships/get-ship-cargo.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { MiningOps, SurveyRefusedError } from './mining-ops.js';
import { MiningSites } from './mining-site.js';

/** What `ship extract` prints (the JSON keys are a contract). */
export interface ExtractionReport {
  ship: string;
  waypoint: string;
  good: string;
  units: number;
  /** The survey's signature, null when extracted without one. */
  survey: string | null;
  cargo: CargoView;
  cooldownSeconds: number;
}

const SIGNATURE = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * One extraction where the ship is (waiting out its cooldown first): with a stored survey named by its
 * signature, with `best` (the usable stored survey there with the highest expected value per extraction,
 * or none), or without.
 */
export class ExtractResources extends ShipCommand<ExtractionReport> {
  readonly survey?: string;

  constructor(props: { shipSymbol: string; survey?: string; player?: string }) {
    super(props);
    if (props.survey !== undefined) this.survey = props.survey;
  }

  override validate(): void {
    super.validate();
    if (this.survey !== undefined && (typeof this.survey !== 'string' || !SIGNATURE.test(this.survey)))
      throw new ValidationError(`invalid survey "${this.survey}": give a signature or "best"`);
  }
}

@injectable()
export class ExtractResourcesHandler implements RequestHandler<ExtractResources> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningOps) private readonly ops: MiningOps,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ExtractResources): Promise<ExtractionReport> {
    const named = request.survey && request.survey.toLowerCase() !== 'best' ? request.survey : undefined;
    // A named survey already refused or expired is refused before anything is sent.
    if (named) this.named(this.players.resolve(request.player).agentSymbol, named);
    const { player } = await this.action.load(request);
    let { ship } = await this.action.load(request);
    const site = await this.sites.load(player, ship.nav.systemSymbol);
    this.ops.requireCanExtract(ship, site);
    let survey: StoredSurvey | undefined;
    if (named) {
      survey = this.named(player.agentSymbol, named);
      if (survey.waypoint !== ship.location())
        throw new DomainRuleError(
          `survey ${survey.signature} is of ${survey.waypoint}, but ${ship.symbol} is at ${ship.location()}`,
          'SURVEY_ELSEWHERE',
        );
      return this.report(await this.ops.extract(player, ship, site, survey), survey);
    }
    // `best`: a survey the server refuses (expired by its clock, exhausted, …) is marked and the next
    // best is tried, down to none, so a player's `--survey best` never fails for a stale survey.
    for (;;) {
      const usable = request.survey ? this.surveys.usable(player.agentSymbol, ship.location(), this.clock.now()) : [];
      survey = bestSurvey(usable, ship.location(), site.value, this.clock.now()) ?? usable[0];
      try {
        return this.report(await this.ops.extract(player, ship, site, survey), survey);
      } catch (error) {
        if (!(error instanceof SurveyRefusedError)) throw error;
        ship = (await this.action.load(request)).ship;
      }
    }
  }

  private report(done: { ship: Ship; extraction: Extraction }, survey: StoredSurvey | undefined): ExtractionReport {
    return {
      ship: done.ship.symbol,
      waypoint: done.ship.location(),
      good: done.extraction.good,
      units: done.extraction.units,
      survey: survey?.signature ?? null,
      cargo: { ...done.ship.cargo, inventory: [...done.ship.cargo.inventory] },
      cooldownSeconds: done.ship.cooldownSecondsLeft(this.clock.now()),
    };
  }

  private named(playerSymbol: string, signature: string): StoredSurvey {
    const survey = this.surveys.find(playerSymbol, signature);
    if (!survey) throw new NotFoundError(`no stored survey ${signature} (run \`spacetraders ship survey SHIP\`)`);
    if (survey.status !== 'ACTIVE')
      throw new DomainRuleError(
        `survey ${signature} is ${survey.status.toLowerCase()}: not used again`,
        'SURVEY_USED_UP',
      );
    if (!isUsable(survey, this.clock.now()))
      throw new DomainRuleError(`survey ${signature} has expired (${survey.expiration}): not used`, 'SURVEY_EXPIRED');
    return survey;
  }
}
