import { inject, injectable } from 'inversify';
import type { Route } from '../../domain/navigation/route.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipQuery } from '../ships/ship-action.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import { requireCreditsPerSecond, RoutePlanning } from './route-planning.js';

/** A dry run: the route a ship would fly to a waypoint, with modes, fuel, refuel stops and time. */
export class PlanRoute extends ShipQuery<Route> {
  readonly destination: string;
  /** What a second of the ship's time is worth: weighs fuel's cost against time. */
  readonly creditsPerSecond?: number;

  constructor(props: { shipSymbol: string; destination: string; player?: string; creditsPerSecond?: number }) {
    super(props);
    this.destination = props.destination;
    if (props.creditsPerSecond !== undefined) this.creditsPerSecond = props.creditsPerSecond;
  }

  override validate(): void {
    super.validate();
    requireWaypointSymbol(this.destination);
    requireCreditsPerSecond(this.creditsPerSecond);
  }
}

@injectable()
export class PlanRouteHandler implements RequestHandler<PlanRoute> {
  constructor(
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(RoutePlanning) private readonly planning: RoutePlanning,
  ) {}

  async handle(request: PlanRoute): Promise<Route> {
    const { player, ship } = await this.action.load(request);
    return this.planning.plan(player, ship, request.destination.toUpperCase(), {
      creditsPerSecond: request.creditsPerSecond,
    });
  }
}
