/**
 * The scouting plan: k ships, each with its own start and speed, share the stops so that the longest
 * tour (the makespan) is as short as the planner can make it. Exact up to EXACT_STOPS_LIMIT stops
 * (every assignment of stops to ships, each tour by Held–Karp); beyond, seeded local search
 * (fleet-split.ts). The JSON of the plan is a contract of `scout plan --json`.
 */
import { DomainRuleError } from '../errors.js';
import { splitStops } from './fleet-split.js';
import { exactSplit } from './exact-split.js';
import { EXACT_STOPS_LIMIT } from './held-karp.js';
import { buildPathProblem, routeSeconds, type TourKind } from './path-problem.js';
import type { SolveOptions } from './tour-solver.js';
import type { LegSeconds } from './travel-time.js';

export interface ScoutShip<W> {
  ship: string;
  start: W;
  /** This ship's leg times (its own engine speed). */
  legSeconds: LegSeconds<W>;
}

interface ScoutTour {
  ship: string;
  /** Waypoint symbols in visit order (the start is not repeated; a stop at the start comes first). */
  stops: string[];
  seconds: number;
}

export interface ScoutPlan {
  tours: ScoutTour[];
  makespanSeconds: number;
}

export interface PlanOptions extends SolveOptions {
  /** 'open' (default): one sweep, each ship ends at its last stop; 'closed': a patrol back to its start. */
  kind?: TourKind;
  /** Split exactly up to this many stops (default EXACT_STOPS_LIMIT). */
  exactSplitUpTo?: number;
}

/** Plans every ship's tour; a stop listed twice (same symbol) is visited once. */
export function planScoutTours<W extends { symbol: string }>(
  ships: readonly ScoutShip<W>[],
  stops: readonly W[],
  options: PlanOptions = {},
): ScoutPlan {
  const unique = [...new Map(stops.map((stop) => [stop.symbol, stop])).values()];
  if (ships.length === 0) {
    if (unique.length === 0) return { tours: [], makespanSeconds: 0 };
    throw new DomainRuleError('no ship to scout with');
  }
  const kind = options.kind ?? 'open';
  const problems = ships.map((ship) => buildPathProblem(ship.start, unique, ship.legSeconds, kind));
  const routes =
    unique.length === 0 || unique.length <= (options.exactSplitUpTo ?? EXACT_STOPS_LIMIT)
      ? exactSplit(problems)
      : splitStops(problems, options);
  const tours = ships.map((ship, s) => ({
    ship: ship.ship,
    stops: routes[s]!.map((node) => unique[node - 1]!.symbol),
    seconds: routeSeconds(problems[s]!, [0, ...routes[s]!, problems[s]!.size - 1]),
  }));
  return { tours, makespanSeconds: Math.max(0, ...tours.map((tour) => tour.seconds)) };
}
