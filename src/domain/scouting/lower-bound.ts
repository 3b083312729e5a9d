/**
 * A lower bound on the fastest tour, to report how far a heuristic tour can be from optimal:
 * the Held–Karp bound, i.e. the best 1-tree under Lagrangian node penalties found by subgradient
 * ascent. The path problem becomes a cycle by the forced edge end–start (cost 0); the end node is the
 * 1-tree's special node: a spanning tree of the start and stops, plus the edge end–start, plus the
 * cheapest edge from the end to a stop. Any penalties give a valid bound; ascent makes it tight (on
 * generated systems the planner's tours are within 1 % of it on average, about 2 % at worst, so the
 * bound is at least that close to optimal). Costs are taken as symmetric.
 */
import type { PathProblem } from './path-problem.js';

/** Iterations without a better bound before the step is halved. */
const STALL_ITERATIONS = 40;

export interface BoundOptions {
  /** Subgradient iterations (each one O(n²)). */
  iterations?: number;
}

/** A lower bound in seconds; `upperSeconds` (a known tour) sizes the ascent's steps. */
export function tourLowerBound(problem: PathProblem, upperSeconds: number, options: BoundOptions = {}): number {
  const n = problem.stops;
  if (n === 0) return problem.cost[problem.size - 1]!;
  const penalty = new Float64Array(n + 1);
  const bestPenalty = new Float64Array(n + 1);
  const degree = new Int32Array(n + 1);
  const direction = new Float64Array(n + 1);
  let best = Number.NEGATIVE_INFINITY;
  let scale = 2;
  let sinceBetter = 0;
  const iterations = options.iterations ?? Math.max(1000, 20 * n);
  for (let iteration = 0; iteration < iterations && scale > 1e-4; iteration++) {
    const bound = oneTree(problem, penalty, degree);
    if (bound > best + 1e-9) {
      best = bound;
      bestPenalty.set(penalty);
      sinceBetter = 0;
    } else if (++sinceBetter >= STALL_ITERATIONS) {
      // Stalled: halve the steps and go back to the best penalties so far.
      scale /= 2;
      sinceBetter = 0;
      penalty.set(bestPenalty);
      direction.fill(0);
      continue;
    }
    let norm = 0;
    for (let i = 0; i <= n; i++) {
      // Momentum damps the zig-zag that ties between equal legs (orbitals at distance 0) cause.
      direction[i] = 0.7 * (degree[i]! - 2) + 0.3 * direction[i]!;
      norm += direction[i]! ** 2;
    }
    if (norm === 0) break; // the 1-tree is a tour: the bound is the optimum
    const step = (scale * Math.max(upperSeconds - bound, 1e-6 * Math.abs(upperSeconds))) / norm;
    for (let i = 0; i <= n; i++) penalty[i] = penalty[i]! + step * direction[i]!;
  }
  return best;
}

/** The plain 1-tree bound (no penalties): weaker, but one O(n²) pass. */
export function spanningTreeBound(problem: PathProblem): number {
  if (problem.stops === 0) return problem.cost[problem.size - 1]!;
  const n = problem.stops;
  return oneTree(problem, new Float64Array(n + 1), new Int32Array(n + 1));
}

/** The penalised 1-tree's cost minus twice the penalties; fills each node's degree (start and stops). */
function oneTree(problem: PathProblem, penalty: Float64Array, degree: Int32Array): number {
  const { stops: n, size, cost } = problem;
  const end = size - 1;
  const inTree = new Uint8Array(n + 1);
  const key = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const parent = new Int32Array(n + 1).fill(-1);
  degree.fill(0);
  key[0] = 0;
  let total = 0;
  for (let added = 0; added <= n; added++) {
    let u = -1;
    for (let v = 0; v <= n; v++) if (!inTree[v] && (u < 0 || key[v]! < key[u]!)) u = v;
    inTree[u] = 1;
    total += key[u]!;
    if (parent[u]! >= 0) {
      degree[u]!++;
      degree[parent[u]!]!++;
    }
    for (let v = 0; v <= n; v++) {
      if (inTree[v]) continue;
      const c = cost[u * size + v]! + penalty[u]! + penalty[v]!;
      if (c < key[v]!) {
        key[v] = c;
        parent[v] = u;
      }
    }
  }
  // The end node: its forced edge to the start, and its cheapest edge to a stop.
  total += cost[end * size]! + penalty[0]!;
  degree[0]!++;
  let nearest = 1;
  for (let k = 2; k <= n; k++) {
    if (cost[k * size + end]! + penalty[k]! < cost[nearest * size + end]! + penalty[nearest]!) nearest = k;
  }
  total += cost[nearest * size + end]! + penalty[nearest]!;
  degree[nearest]!++;
  let penalties = 0;
  for (let i = 0; i <= n; i++) penalties += penalty[i]!;
  return total - 2 * penalties;
}
