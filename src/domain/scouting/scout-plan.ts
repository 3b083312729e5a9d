/**
 * The scouting plan: k ships, each with its own start and speed, share the stops so that the longest
 * tour (the makespan) is as short as the planner can make it. Exact up to EXACT_STOPS_LIMIT stops
 * (every assignment of stops to ships, each tour by Held–Karp); beyond, seeded local search
 * (fleet-split.ts). The JSON of the plan is a contract of `scout plan --json`.
 */
import { DomainRuleError } from '../errors.js';
import { splitStops } from './fleet-split.js';
import { EXACT_STOPS_LIMIT, exactRoute, heldKarpTable, subsetTourSeconds } from './held-karp.js';
import { buildPathProblem, type PathProblem, routeSeconds, type TourKind } from './path-problem.js';
import type { SolveOptions } from './tour-solver.js';
import type { LegSeconds } from './travel-time.js';

export interface ScoutShip<W> {
  ship: string;
  start: W;
  /** This ship's leg times (its own engine speed). */
  legSeconds: LegSeconds<W>;
}

export interface ScoutTour {
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
    unique.length <= (options.exactSplitUpTo ?? EXACT_STOPS_LIMIT)
      ? exactSplit(problems)
      : splitStops(problems, options);
  const tours = ships.map((ship, s) => ({
    ship: ship.ship,
    stops: routes[s]!.map((node) => unique[node - 1]!.symbol),
    seconds: routeSeconds(problems[s]!, [0, ...routes[s]!, problems[s]!.size - 1]),
  }));
  return { tours, makespanSeconds: Math.max(0, ...tours.map((tour) => tour.seconds)) };
}

/**
 * The optimal split: each ship's Held–Karp table gives its fastest tour of every subset of stops;
 * a DP over ships and subsets (O(k · 3^n)) then picks the partition with the shortest longest tour,
 * ties broken by the shorter total. Returns each ship's stop nodes in visit order.
 */
export function exactSplit(problems: readonly PathProblem[]): number[][] {
  const n = problems[0]!.stops;
  const all = (1 << n) - 1;
  const tables = problems.map((problem) => heldKarpTable(problem));
  const tours = problems.map((problem, s) => subsetTourSeconds(problem, tables[s]!));
  let longest = Float64Array.from(tours[0]!);
  let total = Float64Array.from(tours[0]!);
  const choices: Int32Array[] = [new Int32Array(0)];
  for (let s = 1; s < problems.length; s++) {
    const nextLongest = new Float64Array(1 << n);
    const nextTotal = new Float64Array(1 << n);
    const choice = new Int32Array(1 << n);
    for (let mask = 0; mask <= all; mask++) {
      let [bestLongest, bestTotal, bestSub] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0];
      for (let sub = mask; ; sub = (sub - 1) & mask) {
        const own = tours[s]![sub]!;
        const rest = mask ^ sub;
        const candidateLongest = Math.max(longest[rest]!, own);
        const candidateTotal = total[rest]! + own;
        if (candidateLongest < bestLongest || (candidateLongest === bestLongest && candidateTotal < bestTotal)) {
          [bestLongest, bestTotal, bestSub] = [candidateLongest, candidateTotal, sub];
        }
        if (sub === 0) break;
      }
      [nextLongest[mask], nextTotal[mask], choice[mask]] = [bestLongest, bestTotal, bestSub];
    }
    [longest, total] = [nextLongest, nextTotal];
    choices.push(choice);
  }
  const masks = new Array<number>(problems.length);
  let remaining = all;
  for (let s = problems.length - 1; s >= 1; s--) {
    masks[s] = choices[s]![remaining]!;
    remaining ^= masks[s]!;
  }
  masks[0] = remaining;
  return problems.map((problem, s) => {
    const route = exactRoute(problem, tables[s]!, masks[s]!);
    return Array.from(route.subarray(1, route.length - 1));
  });
}
