/**
 * Exact tours by Held–Karp dynamic programming over subsets of stops: O(2^n · n²) time,
 * O(2^n · n) memory, so it is the planner's choice up to EXACT_STOPS_LIMIT stops.
 */
import type { PathProblem } from './path-problem.js';

/** Up to this many stops a tour is solved exactly (2^12 · 12² ≈ 0.6 M steps, about a millisecond). */
export const EXACT_STOPS_LIMIT = 12;

/**
 * best[mask · n + j]: the fastest path from the start through exactly the stops in `mask`
 * (bit s = node s + 1), ending at stop j. Infinity where j is not in mask.
 */
export function heldKarpTable(problem: PathProblem): Float64Array {
  const { stops: n, size, cost } = problem;
  const best = new Float64Array((1 << n) * n).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < n; j++) best[(1 << j) * n + j] = cost[j + 1]!;
  for (let mask = 1; mask < 1 << n; mask++) {
    for (let j = 0; j < n; j++) {
      const here = best[mask * n + j]!;
      if (here === Number.POSITIVE_INFINITY) continue;
      const row = (j + 1) * size;
      for (let k = 0; k < n; k++) {
        if (mask & (1 << k)) continue;
        const index = (mask | (1 << k)) * n + k;
        const via = here + cost[row + k + 1]!;
        if (via < best[index]!) best[index] = via;
      }
    }
  }
  return best;
}

/** For every subset of stops: the fastest complete tour (start → those stops → end). */
export function subsetTourSeconds(problem: PathProblem, best: Float64Array): Float64Array {
  const { stops: n, size, cost } = problem;
  const end = size - 1;
  const tours = new Float64Array(1 << n).fill(Number.POSITIVE_INFINITY);
  tours[0] = cost[end]!;
  for (let mask = 1; mask < 1 << n; mask++) {
    for (let j = 0; j < n; j++) {
      if (!(mask & (1 << j))) continue;
      const total = best[mask * n + j]! + cost[(j + 1) * size + end]!;
      if (total < tours[mask]!) tours[mask] = total;
    }
  }
  return tours;
}

/**
 * The optimal route [0, …stops…, n+1] through the stops in `mask` (all by default), read back from
 * the table; ties go to the lowest stop index, so the answer is deterministic.
 */
export function exactRoute(
  problem: PathProblem,
  best = heldKarpTable(problem),
  mask = (1 << problem.stops) - 1,
): Int32Array {
  const { stops: n, size, cost } = problem;
  const count = popcount(mask);
  const route = new Int32Array(count + 2);
  route[count + 1] = size - 1;
  if (count === 0) return route;
  let last = -1;
  let bestTotal = Number.POSITIVE_INFINITY;
  for (let j = 0; j < n; j++) {
    if (!(mask & (1 << j))) continue;
    const total = best[mask * n + j]! + cost[(j + 1) * size + size - 1]!;
    if (total < bestTotal) [bestTotal, last] = [total, j];
  }
  let remaining = mask;
  for (let position = count; position >= 1; position--) {
    route[position] = last + 1;
    const previous = remaining & ~(1 << last);
    const target = best[remaining * n + last]!;
    remaining = previous;
    if (previous === 0) break;
    for (let i = 0; i < n; i++) {
      if (!(previous & (1 << i))) continue;
      if (best[previous * n + i]! + cost[(i + 1) * size + last + 1]! === target) {
        last = i;
        break;
      }
    }
  }
  return route;
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
