/**
 * Scout tour planner: on seeded systems, tour time ÷ optimal (exhaustive search) on small ones,
 * ÷ the greedy nearest-neighbour tour and ÷ the Held–Karp lower bound on 30 / 50 / 100 stops, and
 * median planning time for 50 stops with one probe and with three. Open tours (one sweep, ending
 * anywhere) and closed ones (a patrol back to the start) side by side.
 */
import { bruteForceTourSeconds, randomWaypoints } from '../domain/scouting/fixtures.js';
import { nearestNeighbourRoute } from '../domain/scouting/local-search.js';
import { tourLowerBound } from '../domain/scouting/lower-bound.js';
import { buildPathProblem, routeSeconds, type TourKind } from '../domain/scouting/path-problem.js';
import { mulberry32 } from '../domain/random.js';
import { planScoutTours } from '../domain/scouting/scout-plan.js';
import { solveRoute } from '../domain/scouting/tour-solver.js';
import { tanklessLegSeconds } from '../domain/scouting/travel-time.js';
import { fixed, median } from './stats.js';

const KINDS: TourKind[] = ['open', 'closed'];
/** A probe's engine speed; system radius as on the real server (waypoints within about ±800). */
const legSeconds = tanklessLegSeconds({ engineSpeed: 10, fuelCapacity: 0 });
const RADIUS = 600;

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

function problemOf(random: () => number, stops: number, kind: TourKind) {
  const [start, ...rest] = randomWaypoints(random, stops + 1, RADIUS);
  return { start: start!, stops: rest, problem: buildPathProblem(start!, rest, legSeconds, kind) };
}

/** Small systems: the planner (exact), its heuristic alone and nearest neighbour, each ÷ brute force. */
function small(kind: TourKind): string {
  const random = mulberry32(kind === 'open' ? 101 : 102);
  const planner: number[] = [];
  const heuristic: number[] = [];
  const greedy: number[] = [];
  for (let n = 4; n <= 10; n++) {
    for (let trial = 0; trial < (n <= 8 ? 20 : 4); trial++) {
      const { start, stops, problem } = problemOf(random, n, kind);
      const optimal = Math.max(1, bruteForceTourSeconds(start, stops, legSeconds, kind));
      planner.push(solveRoute(problem).seconds / optimal);
      heuristic.push(solveRoute(problem, { exactUpTo: 0 }).seconds / optimal);
      greedy.push(routeSeconds(problem, nearestNeighbourRoute(problem)) / optimal);
    }
  }
  return `  ${kind.padEnd(6)} 4–10 stops (${planner.length} systems) ÷ optimal: planner ${fixed(mean(planner), 4)} (must be 1.0000), heuristic alone ${fixed(mean(heuristic), 4)} (worst ${fixed(Math.max(...heuristic), 3)}), nearest neighbour ${fixed(mean(greedy), 3)}`;
}

/** Larger systems: ours ÷ nearest neighbour and ÷ the lower bound. */
function large(kind: TourKind, stops: number, trials: number): string {
  const random = mulberry32(stops * 31 + (kind === 'open' ? 1 : 2));
  const versusGreedy: number[] = [];
  const versusBound: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const { problem } = problemOf(random, stops, kind);
    const ours = solveRoute(problem).seconds;
    versusGreedy.push(ours / routeSeconds(problem, nearestNeighbourRoute(problem)));
    versusBound.push(ours / tourLowerBound(problem, ours));
  }
  return `  ${kind.padEnd(6)} ${String(stops).padStart(3)} stops: ours ÷ nearest neighbour ${fixed(mean(versusGreedy), 3)}; ours ÷ lower bound ${fixed(mean(versusBound), 4)} (worst ${fixed(Math.max(...versusBound), 4)})`;
}

/** Each plan is timed this many times and the fastest run kept: the machines are shared. */
const RUNS = 3;

function fastestMs(work: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/** Median planning time for 50 stops: one probe, and three probes at the same place. */
function planTimes(kind: TourKind, trials: number): string {
  const random = mulberry32(kind === 'open' ? 103 : 104);
  const single: number[] = [];
  const fleet: number[] = [];
  const makespans: number[] = [];
  for (let trial = 0; trial < trials; trial++) {
    const [start, ...stops] = randomWaypoints(random, 51, RADIUS);
    const probes = [1, 2, 3].map((s) => ({ ship: `PROBE-${s}`, start: start!, legSeconds }));
    let alone = 0;
    single.push(fastestMs(() => (alone = planScoutTours(probes.slice(0, 1), stops, { kind }).makespanSeconds)));
    let shared = 0;
    fleet.push(fastestMs(() => (shared = planScoutTours(probes, stops, { kind }).makespanSeconds)));
    makespans.push(shared / alone);
  }
  return `  ${kind.padEnd(6)} 50 stops: plan ${fixed(median(single), 1)} ms with 1 probe, ${fixed(median(fleet), 1)} ms with 3 (median of ${trials} systems, fastest of ${RUNS} runs each); 3 probes' makespan ÷ 1 probe's ${fixed(mean(makespans), 3)}`;
}

export async function run(): Promise<string[]> {
  const lines = [
    'scout tour planner (probes: engine speed 10, no fuel; systems of radius 600, a third of waypoints orbitals)',
  ];
  for (const kind of KINDS) lines.push(small(kind));
  for (const kind of KINDS)
    for (const [stops, trials] of [
      [30, 10],
      [50, 10],
      [100, 5],
    ] as const)
      lines.push(large(kind, stops, trials));
  for (const kind of KINDS) lines.push(planTimes(kind, 11));
  lines.push('  target: ÷ optimal 1.0000 up to 12 stops; within a few % of the lower bound beyond');
  return lines;
}
