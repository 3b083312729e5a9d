import { inject, injectable } from 'inversify';
import type { ScoutPlan } from '../../domain/scouting/scout-plan.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { Players } from '../player/players.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';
import { requireScoutShips, ScoutFleet } from './scout-fleet.js';

/**
 * A dry run of scouting: how the named ships would split every marketplace and shipyard of a system
 * between them, in which order, and how long the longest tour takes (`scout plan`).
 */
export class PlanScoutTours extends Query<ScoutPlan> {
  readonly system: string;
  readonly ships: string[];
  readonly player?: string;

  constructor(props: { system: string; ships: string[]; player?: string }) {
    super();
    this.system = props.system;
    this.ships = props.ships;
    this.player = props.player;
  }

  override validate(): void {
    requireSystemSymbol(this.system);
    requireScoutShips(this.ships);
  }
}

@injectable()
export class PlanScoutToursHandler implements RequestHandler<PlanScoutTours> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(ScoutFleet) private readonly fleet: ScoutFleet,
  ) {}

  async handle(request: PlanScoutTours): Promise<ScoutPlan> {
    const player = this.players.resolve(request.player);
    const sweep = await this.fleet.plan(player, request.system.toUpperCase(), requireScoutShips(request.ships));
    return sweep.plan;
  }
}
