/**
 * Heuristic tours for more stops than Held–Karp can take: a nearest-neighbour start, then 2-opt and
 * Or-opt moves until none improves, then a bounded number of seeded double-bridge kicks (iterated
 * local search). Moves are searched from each stop's nearest neighbours, and only around stops whose
 * edges changed ("don't look" bits), so a kick costs little more than the moves it triggers.
 * Routes are [0, …stops…, n+1] with both ends fixed; costs are taken as symmetric.
 */
import { type PathProblem, routeSeconds } from './path-problem.js';
import { mulberry32 } from '../random.js';

/** Improvements smaller than this are rounding noise, not progress (costs are seconds). */
const EPSILON = 1e-9;
/** Candidate neighbours per stop for 2-opt and Or-opt. */
const NEIGHBOURS = 10;
/** Double-bridge cuts fall within this many positions of each other (measured: global kicks do best to 100 stops). */
const KICK_SPAN = 100;

/** The greedy tour: always fly to the nearest unvisited stop (ties: lowest index). */
export function nearestNeighbourRoute(problem: PathProblem): Int32Array {
  const { stops: n, size, cost } = problem;
  const route = new Int32Array(n + 2);
  const visited = new Uint8Array(size);
  route[n + 1] = size - 1;
  for (let position = 1, here = 0; position <= n; position++) {
    let next = -1;
    for (let k = 1; k <= n; k++) {
      if (!visited[k] && (next < 0 || cost[here * size + k]! < cost[here * size + next]!)) next = k;
    }
    visited[next] = 1;
    route[position] = next;
    here = next;
  }
  return route;
}

/** For the start and each stop: the nearest stops, nearest first (row v at v · NEIGHBOURS, -1 pads). */
function neighbourLists(problem: PathProblem): Int32Array {
  const { stops: n, size, cost } = problem;
  const lists = new Int32Array((n + 1) * NEIGHBOURS).fill(-1);
  const stops = Array.from({ length: n }, (_, i) => i + 1);
  for (let v = 0; v <= n; v++) {
    const nearest = stops.filter((k) => k !== v).sort((a, b) => cost[v * size + a]! - cost[v * size + b]! || a - b);
    lists.set(nearest.slice(0, NEIGHBOURS), v * NEIGHBOURS);
  }
  return lists;
}

/** A route being improved in place, with each node's position and a queue of stops to look around. */
class Search {
  readonly position: Int32Array;
  private readonly queued: Uint8Array;
  /** A ring buffer: each node is queued at most once. */
  private readonly queue: Int32Array;
  private head = 0;
  private length = 0;
  private readonly scratch: Int32Array;

  constructor(
    private readonly problem: PathProblem,
    private readonly neighbours: Int32Array,
    readonly route: Int32Array,
  ) {
    this.position = new Int32Array(problem.size);
    this.queued = new Uint8Array(problem.size);
    this.queue = new Int32Array(problem.size);
    this.scratch = new Int32Array(problem.size);
    this.reindex(0, route.length - 1);
  }

  private c(a: number, b: number): number {
    return this.problem.cost[a * this.problem.size + b]!;
  }

  private reindex(from: number, to: number): void {
    for (let p = from; p <= to; p++) this.position[this.route[p]!] = p;
  }

  /** Replaces the route by another order of the same nodes. */
  load(route: Int32Array): void {
    this.route.set(route);
    this.reindex(0, route.length - 1);
  }

  /** Looks around this node next (the end never moves and has no neighbour list). */
  wake(node: number): void {
    if (node === this.problem.size - 1 || this.queued[node]) return;
    this.queued[node] = 1;
    this.queue[(this.head + this.length++) % this.queue.length] = node;
  }

  /** Applies improving moves until no queued node has one. */
  run(): void {
    while (this.length > 0) {
      const node = this.queue[this.head]!;
      this.head = (this.head + 1) % this.queue.length;
      this.length--;
      this.queued[node] = 0;
      if (this.twoOpt(node) || this.orOpt(node)) this.wake(node);
    }
  }

  private reverse(from: number, to: number): void {
    this.route.subarray(from, to + 1).reverse();
    this.reindex(from, to);
  }

  /** Replaces edges (a, next or previous) and (c, its same-side partner) by (a, c) and their partners. */
  private twoOpt(a: number): boolean {
    const last = this.route.length - 1;
    for (let side = 0; side < 2; side++) {
      const forward = side === 0;
      const i = this.position[a]!;
      if ((forward && i === last) || (!forward && i === 0)) continue;
      const b = this.route[forward ? i + 1 : i - 1]!;
      for (let k = a * NEIGHBOURS; k < (a + 1) * NEIGHBOURS; k++) {
        const c = this.neighbours[k]!;
        if (c < 0 || this.c(a, b) - this.c(a, c) <= EPSILON) break;
        const j = this.position[c]!;
        if ((forward && j === last) || (!forward && j === 0) || c === b) continue;
        const d = this.route[forward ? j + 1 : j - 1]!;
        if (this.c(a, c) + this.c(b, d) - this.c(a, b) - this.c(c, d) >= -EPSILON) continue;
        if (forward) this.reverse(Math.min(i, j) + 1, Math.max(i, j));
        else this.reverse(Math.min(i, j), Math.max(i, j) - 1);
        this.wake(a);
        this.wake(b);
        this.wake(c);
        this.wake(d);
        return true;
      }
    }
    return false;
  }

  /** Moves a run of 1–3 stops that starts or ends at `a` next to a neighbour of one of its ends. */
  private orOpt(a: number): boolean {
    const last = this.route.length - 2;
    const i = this.position[a]!;
    if (i === 0) return false;
    for (let length = 1; length <= 3; length++) {
      for (let side = 0; side < (length === 1 ? 1 : 2); side++) {
        const s = side === 0 ? i : i - length + 1;
        const e = s + length - 1;
        if (s >= 1 && e <= last && this.moveRun(s, e)) return true;
      }
    }
    return false;
  }

  private moveRun(s: number, e: number): boolean {
    const route = this.route;
    const first = route[s]!;
    const tail = route[e]!;
    const before = route[s - 1]!;
    const after = route[e + 1]!;
    const saved = this.c(before, first) + this.c(tail, after) - this.c(before, after);
    if (saved <= EPSILON) return false;
    for (let side = 0; side < 2; side++) {
      const end = side === 0 ? first : tail;
      const other = side === 0 ? tail : first;
      for (let k = end * NEIGHBOURS; k < (end + 1) * NEIGHBOURS; k++) {
        const c = this.neighbours[k]!;
        if (c < 0 || this.c(end, c) >= saved) break;
        const j = this.position[c]!;
        if (j >= s && j <= e) continue;
        // c, end…other, next(c): c is the left node; or previous(c), other…end, c.
        if (j < route.length - 1 && j !== s - 1) {
          const y = route[j + 1]!;
          if (this.c(c, end) + this.c(other, y) - this.c(c, y) - saved < -EPSILON) {
            this.place(s, e, j, end !== first);
            this.wakeAround(before, after, c, y, first, tail);
            return true;
          }
        }
        if (j > 0 && j !== e + 1) {
          const x = route[j - 1]!;
          if (this.c(x, other) + this.c(end, c) - this.c(x, c) - saved < -EPSILON) {
            this.place(s, e, j - 1, end === first);
            this.wakeAround(before, after, x, c, first, tail);
            return true;
          }
        }
      }
    }
    return false;
  }

  private wakeAround(...nodes: number[]): void {
    for (const node of nodes) this.wake(node);
  }

  /** Moves route[s..e] to just after position k (outside it), reversed or not. */
  private place(s: number, e: number, k: number, reversed: boolean): void {
    const { route } = this;
    const length = e - s + 1;
    const run = this.scratch.subarray(0, length);
    run.set(route.subarray(s, e + 1));
    if (reversed) run.reverse();
    if (k < s) {
      route.copyWithin(k + 1 + length, k + 1, s);
      route.set(run, k + 1);
      this.reindex(k + 1, e);
    } else {
      route.copyWithin(s, e + 1, k + 1);
      route.set(run, k + 1 - length);
      this.reindex(s, k);
    }
  }

  /** A double bridge A|B|C|D → A C B D on three nearby interior cuts; wakes the nodes whose edges changed. */
  kick(random: () => number): void {
    const route = this.route;
    const n = route.length - 2;
    const span = Math.min(n, KICK_SPAN);
    const base = 1 + Math.floor(random() * (n - span + 1));
    let p = base + Math.floor(random() * span);
    let q = base + Math.floor(random() * span);
    let r = base + Math.floor(random() * span);
    if (p > q) [p, q] = [q, p];
    if (q > r) [q, r] = [r, q];
    if (p > q) [p, q] = [q, p];
    for (const at of [p - 1, p, q - 1, q, r - 1, r]) this.wake(route[at]!);
    const part = this.scratch.subarray(0, r - p);
    part.set(route.subarray(p, r));
    route.set(part.subarray(q - p), p);
    route.set(part.subarray(0, q - p), p + r - q);
    this.reindex(p, r - 1);
  }
}

/** 2-opt and Or-opt until neither finds an improving move (in place). */
function localSearch(problem: PathProblem, route: Int32Array, neighbours = neighbourLists(problem)): Int32Array {
  const search = new Search(problem, neighbours, route);
  for (let p = 0; p < route.length - 1; p++) search.wake(route[p]!);
  search.run();
  return route;
}

export interface SearchEffort {
  /** Double-bridge kicks after the first local optimum (0: plain 2-opt + Or-opt). */
  kicks?: number;
  /** Seed of the kicks: the same seed, the same tour. */
  seed?: number;
}

/** The default number of kicks for n stops. */
function defaultKicks(stops: number): number {
  return stops < 5 ? 0 : Math.min(2000, 40 * stops);
}

/** Iterated local search from a route (nearest neighbour by default); returns the best route found. */
export function improveRoute(problem: PathProblem, initial?: Int32Array, effort: SearchEffort = {}): Int32Array {
  const kicks = problem.stops < 4 ? 0 : (effort.kicks ?? defaultKicks(problem.stops));
  const random = mulberry32(effort.seed ?? 0x5c0a7);
  const neighbours = neighbourLists(problem);
  const route = localSearch(problem, (initial ?? nearestNeighbourRoute(problem)).slice(), neighbours);
  const best = route.slice();
  let bestSeconds = routeSeconds(problem, best);
  const search = new Search(problem, neighbours, route);
  for (let kick = 0; kick < kicks; kick++) {
    search.kick(random);
    search.run();
    const seconds = routeSeconds(problem, route);
    if (seconds <= bestSeconds + EPSILON) {
      best.set(route);
      bestSeconds = seconds;
    } else {
      search.load(best);
    }
  }
  return best;
}
