import { DomainRuleError } from '../errors.js';
import { distance, legSeconds, NAVIGATE_MULTIPLIER } from '../navigation/flight-mode.js';
import { type PlannerOptions, RoutePlanner } from '../navigation/route-planner.js';
import type { NavSystem, NavWaypoint } from '../navigation/route.js';

/** What flying from one waypoint to another is expected to take. */
export interface TravelEstimate {
  seconds: number;
  /** Ship fuel burned. */
  fuel: number;
}

/** The ship as travel estimates see it. */
export interface TravellingShip {
  symbol: string;
  engineSpeed: number;
  fuelCapacity: number;
  canWarp?: boolean;
}

/**
 * Travel times and fuel between waypoints for one ship, from one route planner built once for the
 * whole map and asked for every pair (each answer is kept: a trade plan asks for the same legs
 * many times). A straight BURN leg is the lower bound the trade planner ranks by before it asks.
 */
export class TravelEstimator {
  private readonly planner: RoutePlanner;
  private readonly points: Map<string, NavWaypoint>;
  private readonly known = new Map<string, TravelEstimate | undefined>();
  /** Routes actually planned (not answered from memory), for the bench. */
  planned = 0;

  constructor(
    waypoints: readonly NavWaypoint[],
    private readonly ship: TravellingShip,
    private readonly options: PlannerOptions = {},
    systems: readonly NavSystem[] = [],
  ) {
    this.planner = new RoutePlanner(waypoints, systems);
    this.points = new Map(waypoints.map((w) => [w.symbol, w]));
  }

  /** The fastest route's time and fuel from `from` with `fuel` in the tank; undefined when there is none. */
  estimate(from: string, to: string, fuel: number): TravelEstimate | undefined {
    if (from === to) return { seconds: 0, fuel: 0 };
    const key = `${from}>${to}@${fuel}`;
    if (this.known.has(key)) return this.known.get(key);
    let estimate: TravelEstimate | undefined;
    try {
      this.planned += 1;
      const route = this.planner.plan(
        { ...this.ship, location: from, fuel: Math.min(fuel, this.ship.fuelCapacity) },
        to,
        this.options,
      );
      estimate = { seconds: route.totalSeconds, fuel: route.totalFuel };
    } catch (error) {
      if (!(error instanceof DomainRuleError)) throw error;
      estimate = undefined;
    }
    this.known.set(key, estimate);
    return estimate;
  }

  /** A time no route between the two can beat: one straight BURN leg in a system, 0 across systems. */
  lowerBound(from: string, to: string): number {
    if (from === to) return 0;
    const a = this.points.get(from);
    const b = this.points.get(to);
    if (!a || !b || a.systemSymbol !== b.systemSymbol) return 0;
    return legSeconds(distance(a, b), NAVIGATE_MULTIPLIER.BURN, this.ship.engineSpeed);
  }
}
