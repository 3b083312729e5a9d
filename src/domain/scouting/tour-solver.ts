/**
 * One ship's tour through every stop: exact (Held–Karp) up to EXACT_STOPS_LIMIT stops, iterated
 * 2-opt/Or-opt beyond. Deterministic: the same input always gives the same tour.
 */
import { EXACT_STOPS_LIMIT, exactRoute } from './held-karp.js';
import { improveRoute, type SearchEffort } from './local-search.js';
import { buildPathProblem, type PathProblem, routeSeconds, type TourKind } from './path-problem.js';
import type { LegSeconds } from './travel-time.js';

export interface RouteSolution {
  /** [0, …stop nodes…, n+1]: node k is stop k − 1. */
  route: Int32Array;
  seconds: number;
  /** True when the route is proven optimal. */
  exact: boolean;
}

export interface SolveOptions extends SearchEffort {
  /** Solve exactly up to this many stops (default EXACT_STOPS_LIMIT). */
  exactUpTo?: number;
}

/** The best route the planner finds for a path problem. */
export function solveRoute(problem: PathProblem, options: SolveOptions = {}, initial?: Int32Array): RouteSolution {
  const exact = problem.stops <= (options.exactUpTo ?? EXACT_STOPS_LIMIT);
  const route = exact ? exactRoute(problem) : improveRoute(problem, initial, options);
  return { route, seconds: routeSeconds(problem, route), exact };
}

export interface TourSolution {
  /** Indices into the given stops, in visit order. */
  order: number[];
  seconds: number;
  exact: boolean;
}

/** A ship's tour from `start` through every stop: open (ends anywhere) or closed (back at start). */
export function solveTour<W>(
  start: W,
  stops: readonly W[],
  legSeconds: LegSeconds<W>,
  kind: TourKind,
  options: SolveOptions = {},
): TourSolution {
  const solution = solveRoute(buildPathProblem(start, stops, legSeconds, kind), options);
  return { order: stopOrder(solution.route), seconds: solution.seconds, exact: solution.exact };
}

/** The stop indices (0-based) a route visits, without its two fixed ends. */
function stopOrder(route: Int32Array): number[] {
  return Array.from(route.subarray(1, route.length - 1), (node) => node - 1);
}
