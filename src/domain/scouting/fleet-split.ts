/**
 * Splitting many stops between ships (beyond the exact split). Three seeds — min-max greedy
 * insertion, k-medoid clusters, every stop to the fastest ship — are each improved by moving or
 * swapping a stop out of the longest tours (the two changed tours re-optimised by plain 2-opt/Or-opt)
 * or by re-splitting two small tours exactly, while the tour lengths sorted longest first get
 * lexicographically shorter. The best is polished by the full tour solver, and replaced by one ship
 * flying every stop should that be better. Tours are lists of stop nodes (1..n, the same numbering
 * in every ship's problem).
 */
import { exactSplit } from './exact-split.js';
import { EXACT_STOPS_LIMIT } from './held-karp.js';
import { spanningTreeBound } from './lower-bound.js';
import { type PathProblem, routeSeconds, subProblem } from './path-problem.js';
import { type SolveOptions, solveRoute } from './tour-solver.js';

interface Tour {
  nodes: number[];
  seconds: number;
}

const EPSILON = 1e-9;
/** Candidate moves tried (best estimate first) before a tour is declared locally optimal. */
const CANDIDATES_PER_ROUND = 12;

/** Each ship's stop nodes in visit order. */
export function splitStops(problems: readonly PathProblem[], options: SolveOptions): number[][] {
  if (problems.length === 1) return [nodesOf(solveRoute(problems[0]!, options).route)];
  const quick = { ...options, kicks: 0, exactUpTo: 0 };
  const seeds = [minMaxInsertion(problems), medoidClusters(problems), fastestAlone(problems, quick)].map((split) =>
    improve(
      problems,
      split.map((nodes, s) => solve(problems[s]!, nodes, quick)),
      quick,
    ),
  );
  let plan = seeds
    .reduce((a, b) => (compare(b, a) < 0 ? b : a))
    .map((tour, s) => solve(problems[s]!, tour.nodes, options));
  // Never worse than one ship flying every stop: solve that only when a cheap bound says it might win.
  const makespan = Math.max(...plan.map((tour) => tour.seconds));
  problems.forEach((problem, s) => {
    if (makespan <= spanningTreeBound(problem) + EPSILON) return;
    // Solved exactly as solveTour would, so the promise holds against it to the second.
    const route = nodesOf(solveRoute(problem, options).route);
    const alone = problems.map((other, o) => (o === s ? tourOf(other, route) : empty(other)));
    if (compare(alone, plan) < 0) plan = alone;
  });
  return plan.map((tour) => tour.nodes);
}

/** Seed: every stop to the ship whose plain local-search tour of them all is fastest. */
function fastestAlone(problems: readonly PathProblem[], quick: SolveOptions): number[][] {
  const alone = problems.map((problem) => solve(problem, allStops(problem), quick));
  const fastest = alone.reduce((best, tour, s) => (tour.seconds < alone[best]!.seconds ? s : best), 0);
  return problems.map((_, s) => (s === fastest ? alone[s]!.nodes : []));
}

function nodesOf(route: Int32Array): number[] {
  return Array.from(route.subarray(1, route.length - 1));
}

function allStops(problem: PathProblem): number[] {
  return Array.from({ length: problem.stops }, (_, i) => i + 1);
}

function empty(problem: PathProblem): Tour {
  return { nodes: [], seconds: problem.cost[problem.size - 1]! };
}

/** The ship's best route through these stops, starting the search from their current order. */
function solve(problem: PathProblem, nodes: readonly number[], options: SolveOptions): Tour {
  const sub = subProblem(problem, nodes);
  const initial = Int32Array.from({ length: nodes.length + 2 }, (_, i) => i);
  const { route } = solveRoute(sub, options, initial);
  const ordered = Array.from(route.subarray(1, route.length - 1), (node) => nodes[node - 1]!);
  return { nodes: ordered, seconds: seconds(problem, ordered) };
}

function seconds(problem: PathProblem, nodes: readonly number[]): number {
  return routeSeconds(problem, [0, ...nodes, problem.size - 1]);
}

/** Sorted longest first, compared lexicographically: < 0 when plan a is better. */
function compare(a: readonly Tour[], b: readonly Tour[]): number {
  const left = a.map((tour) => tour.seconds).sort((x, y) => y - x);
  const right = b.map((tour) => tour.seconds).sort((x, y) => y - x);
  for (let i = 0; i < left.length; i++) {
    if (left[i]! < right[i]! - EPSILON) return -1;
    if (left[i]! > right[i]! + EPSILON) return 1;
  }
  return 0;
}

/** Cheapest place to insert a stop into a tour: the added seconds and the index to insert at. */
function cheapestInsertion(problem: PathProblem, nodes: readonly number[], node: number): [number, number] {
  const { size, cost } = problem;
  let [best, at] = [Number.POSITIVE_INFINITY, 0];
  for (let p = 0; p <= nodes.length; p++) {
    const before = p === 0 ? 0 : nodes[p - 1]!;
    const after = p === nodes.length ? size - 1 : nodes[p]!;
    const added = cost[before * size + node]! + cost[node * size + after]! - cost[before * size + after]!;
    if (added < best - EPSILON) [best, at] = [added, p];
  }
  return [best, at];
}

/** Seconds saved by removing the stop at index p from a tour. */
function removalSaving(problem: PathProblem, nodes: readonly number[], p: number): number {
  const { size, cost } = problem;
  const before = p === 0 ? 0 : nodes[p - 1]!;
  const after = p === nodes.length - 1 ? size - 1 : nodes[p + 1]!;
  const node = nodes[p]!;
  return cost[before * size + node]! + cost[node * size + after]! - cost[before * size + after]!;
}

interface Move {
  from: number;
  to: number;
  /** Index in the `from` tour of the stop that moves. */
  index: number;
  /** Index in the `to` tour of the stop that comes back (a swap), or -1. */
  swapIndex: number;
  estimate: number;
}

/** Move and swap candidates out of tour `from`, whose estimated longer side beats its current length. */
function candidateMoves(problems: readonly PathProblem[], plan: readonly Tour[], from: number): Move[] {
  const moves: Move[] = [];
  const source = plan[from]!;
  // Each tour without each of its stops, and its length then (by the removal saving alone).
  const without = plan.map((tour) => tour.nodes.map((_, index) => tour.nodes.filter((__, i) => i !== index)));
  const shortened = plan.map((tour, t) =>
    tour.nodes.map((_, i) => tour.seconds - removalSaving(problems[t]!, tour.nodes, i)),
  );
  source.nodes.forEach((node, index) => {
    const shorter = shortened[from]![index]!;
    plan.forEach((target, to) => {
      if (to === from) return;
      const estimate = Math.max(shorter, target.seconds + cheapestInsertion(problems[to]!, target.nodes, node)[0]);
      if (estimate < source.seconds - EPSILON) moves.push({ from, to, index, swapIndex: -1, estimate });
      target.nodes.forEach((other, swapIndex) => {
        const back = shorter + cheapestInsertion(problems[from]!, without[from]![index]!, other)[0];
        const there = shortened[to]![swapIndex]! + cheapestInsertion(problems[to]!, without[to]![swapIndex]!, node)[0];
        const swapEstimate = Math.max(back, there);
        if (swapEstimate < source.seconds - EPSILON) moves.push({ from, to, index, swapIndex, estimate: swapEstimate });
      });
    });
  });
  return moves.sort((a, b) => a.estimate - b.estimate);
}

/** The plan after a move, the two changed tours re-optimised. */
function apply(problems: readonly PathProblem[], plan: readonly Tour[], move: Move, options: SolveOptions): Tour[] {
  const source = plan[move.from]!;
  const target = plan[move.to]!;
  const node = source.nodes[move.index]!;
  const fromNodes = source.nodes.filter((_, i) => i !== move.index);
  let toNodes = target.nodes;
  if (move.swapIndex >= 0) {
    const other = target.nodes[move.swapIndex]!;
    toNodes = target.nodes.filter((_, i) => i !== move.swapIndex);
    fromNodes.splice(cheapestInsertion(problems[move.from]!, fromNodes, other)[1], 0, other);
  }
  toNodes = [...toNodes];
  toNodes.splice(cheapestInsertion(problems[move.to]!, toNodes, node)[1], 0, node);
  const next = [...plan];
  next[move.from] = solve(problems[move.from]!, fromNodes, options);
  next[move.to] = solve(problems[move.to]!, toNodes, options);
  return next;
}

/**
 * The large move: two tours with at most EXACT_STOPS_LIMIT stops between them are re-split exactly
 * (tried from the longest tour down); the first that makes the plan better is returned.
 */
function resplitPair(
  problems: readonly PathProblem[],
  plan: readonly Tour[],
  order: readonly number[],
): Tour[] | undefined {
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const [a, b] = [order[i]!, order[j]!];
      const union = [...plan[a]!.nodes, ...plan[b]!.nodes];
      if (union.length < 2 || union.length > EXACT_STOPS_LIMIT) continue;
      const [nodesA, nodesB] = exactSplit([subProblem(problems[a]!, union), subProblem(problems[b]!, union)]);
      const next = [...plan];
      next[a] = tourOf(
        problems[a]!,
        nodesA!.map((node) => union[node - 1]!),
      );
      next[b] = tourOf(
        problems[b]!,
        nodesB!.map((node) => union[node - 1]!),
      );
      if (compare(next, plan) < 0) return next;
    }
  }
  return undefined;
}

function tourOf(problem: PathProblem, nodes: number[]): Tour {
  return { nodes, seconds: seconds(problem, nodes) };
}

/** Local search over splits: accept the first candidate that makes the plan better, until none does. */
function improve(problems: readonly PathProblem[], start: Tour[], options: SolveOptions): Tour[] {
  let plan = start;
  const stops = problems[0]!.stops;
  for (let round = 0; round < 20 * stops; round++) {
    const order = plan.map((_, s) => s).sort((a, b) => plan[b]!.seconds - plan[a]!.seconds || a - b);
    let accepted: Tour[] | undefined;
    for (const from of order) {
      for (const move of candidateMoves(problems, plan, from).slice(0, CANDIDATES_PER_ROUND)) {
        const next = apply(problems, plan, move, options);
        if (compare(next, plan) < 0) {
          accepted = next;
          break;
        }
      }
      if (accepted) break;
    }
    accepted ??= resplitPair(problems, plan, order);
    if (!accepted) break;
    plan = accepted;
  }
  return plan;
}

/** Greedy seed: stops farthest from the first ship's start first, each to the ship whose tour stays shortest. */
function minMaxInsertion(problems: readonly PathProblem[]): number[][] {
  const first = problems[0]!;
  const byFarthest = allStops(first).sort((a, b) => first.cost[b]! - first.cost[a]! || a - b);
  const tours: Tour[] = problems.map((problem) => empty(problem));
  for (const node of byFarthest) {
    let [bestShip, bestAt, bestSeconds] = [0, 0, Number.POSITIVE_INFINITY];
    tours.forEach((tour, s) => {
      const [added, at] = cheapestInsertion(problems[s]!, tour.nodes, node);
      if (tour.seconds + added < bestSeconds - EPSILON) [bestShip, bestAt, bestSeconds] = [s, at, tour.seconds + added];
    });
    tours[bestShip]!.nodes.splice(bestAt, 0, node);
    tours[bestShip]!.seconds = bestSeconds;
  }
  return tours.map((tour) => tour.nodes);
}

/**
 * Cluster seed: k medoids on the first ship's leg times (farthest-first centres, a few reassignment
 * rounds), then each cluster to the ship that reaches its medoid soonest, one cluster per ship.
 */
function medoidClusters(problems: readonly PathProblem[]): number[][] {
  const { size, cost } = problems[0]!;
  const k = problems.length;
  const stops = allStops(problems[0]!);
  const medoids = [stops.reduce((a, b) => (cost[b]! > cost[a]! ? b : a))];
  while (medoids.length < Math.min(k, stops.length)) {
    const gap = (node: number): number => Math.min(...medoids.map((m) => cost[m * size + node]!));
    medoids.push(stops.reduce((a, b) => (gap(b) > gap(a) ? b : a)));
  }
  let clusters: number[][] = [];
  for (let round = 0; round < 5; round++) {
    clusters = medoids.map(() => []);
    for (const node of stops) {
      const nearest = medoids.reduce(
        (a, _, m) => (cost[medoids[m]! * size + node]! < cost[medoids[a]! * size + node]! ? m : a),
        0,
      );
      clusters[nearest]!.push(node);
    }
    clusters.forEach((members, m) => {
      const spread = (centre: number): number => members.reduce((sum, node) => sum + cost[centre * size + node]!, 0);
      if (members.length > 0) medoids[m] = members.reduce((a, b) => (spread(b) < spread(a) ? b : a));
    });
  }
  const result: number[][] = problems.map(() => []);
  const free = new Set(problems.map((_, s) => s));
  clusters.forEach((members, m) => {
    const ship = [...free].reduce((a, b) =>
      problems[b]!.cost[medoids[m]!]! < problems[a]!.cost[medoids[m]!]! ? b : a,
    );
    free.delete(ship);
    result[ship] = members;
  });
  return result;
}
