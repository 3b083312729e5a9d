/**
 * A tour as a path with both ends fixed, which lets one solver serve both kinds of tour:
 * node 0 is the ship's start, nodes 1..n the stops, node n+1 the end. For a closed tour (a patrol)
 * the end is the start again; for an open one (a single sweep) the end is anywhere, so every leg into
 * it costs 0. Costs are a dense row-major matrix.
 */
import type { LegSeconds } from './travel-time.js';

export type TourKind = 'open' | 'closed';

export interface PathProblem {
  /** Number of stops n; the matrix has n + 2 nodes. */
  readonly stops: number;
  readonly size: number;
  readonly cost: Float64Array;
}

/** The matrix for a start, its stops and the kind of tour. */
export function buildPathProblem<W>(
  start: W,
  stops: readonly W[],
  legSeconds: LegSeconds<W>,
  kind: TourKind,
): PathProblem {
  const n = stops.length;
  const size = n + 2;
  const end = n + 1;
  const cost = new Float64Array(size * size);
  const node = (i: number): W => (i === 0 ? start : stops[i - 1]!);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= n; j++) if (i !== j) cost[i * size + j] = legSeconds(node(i), node(j));
    const home = i === 0 || kind === 'open' ? 0 : legSeconds(node(i), start);
    cost[i * size + end] = home;
    cost[end * size + i] = home;
  }
  return { stops: n, size, cost };
}

/** The same ship's problem restricted to some of its stops (1-based node indices, in that order). */
export function subProblem(problem: PathProblem, stopNodes: readonly number[]): PathProblem {
  const n = stopNodes.length;
  const size = n + 2;
  const map = [0, ...stopNodes, problem.size - 1];
  const cost = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    const row = map[i]! * problem.size;
    for (let j = 0; j < size; j++) cost[i * size + j] = problem.cost[row + map[j]!]!;
  }
  return { stops: n, size, cost };
}

/** Seconds of a full route [0, …stops…, n+1]. */
export function routeSeconds(problem: PathProblem, route: ArrayLike<number>): number {
  let total = 0;
  for (let p = 0; p + 1 < route.length; p++) total += problem.cost[route[p]! * problem.size + route[p + 1]!]!;
  return total;
}
