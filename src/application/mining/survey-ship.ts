import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { TOKENS } from '../../ports/tokens.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { MiningOps } from './mining-ops.js';
import { MiningSites } from './mining-site.js';
import { type SurveyView, toSurveyView } from './survey-view.js';

/** What `ship survey` prints (the JSON keys are a contract). */
export interface SurveyReport {
  ship: string;
  waypoint: string;
  surveys: SurveyView[];
  cooldownSeconds: number;
}

/** Surveys the asteroid a ship is at (waiting out its cooldown first) and stores the surveys for every ship. */
export class SurveyShip extends ShipCommand<SurveyReport> {}

@injectable()
export class SurveyShipHandler implements RequestHandler<SurveyShip> {
  constructor(
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(MiningOps) private readonly ops: MiningOps,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: SurveyShip): Promise<SurveyReport> {
    const { player, ship } = await this.action.load(request);
    const site = await this.sites.load(player, ship.nav.systemSymbol);
    const done = await this.ops.survey(player, ship, site);
    return {
      ship: done.ship.symbol,
      waypoint: done.ship.location(),
      surveys: done.surveys.map((s) => toSurveyView(s, site.bestPrice)),
      cooldownSeconds: done.ship.cooldownSecondsLeft(this.clock.now()),
    };
  }
}
