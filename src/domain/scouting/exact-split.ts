/** The optimal split of stops between ships, for few stops. */
import { exactRoute, heldKarpTable, subsetTourSeconds } from './held-karp.js';
import type { PathProblem } from './path-problem.js';

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
      // Submasks in increasing order, so on a tie the earlier ships keep the stops.
      for (let sub = 0; ; sub = (sub - mask) & mask) {
        const own = tours[s]![sub]!;
        const rest = mask ^ sub;
        const candidateLongest = Math.max(longest[rest]!, own);
        const candidateTotal = total[rest]! + own;
        if (candidateLongest < bestLongest || (candidateLongest === bestLongest && candidateTotal < bestTotal)) {
          bestLongest = candidateLongest;
          bestTotal = candidateTotal;
          bestSub = sub;
        }
        if (sub === mask) break;
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
