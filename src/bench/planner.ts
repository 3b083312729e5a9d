/**
 * Route planner: median planning time on generated systems of 50 / 200 / 1,000 waypoints and a
 * 500-system gate network (also for a ship that can warp); optimality against the exhaustive reference on small systems (must be
 * 1.000); and on the same instances the seed bot's rules' total route time divided by ours.
 */
import type { NavSystem, NavWaypoint, ShipNavState } from '../domain/navigation/route.js';
import { NoRouteError, RoutePlanner } from '../domain/navigation/route-planner.js';
import { baselineSeconds } from '../test-support/route-planner-baseline.js';
import { referenceFastestSeconds } from '../test-support/route-planner-reference.js';
import { Random } from '../domain/random.js';
import { fixed, median, percentile } from './stats.js';

/** The sandbox's seeded generator, as a function: the same seed gives the same instances. */
const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

function system(next: () => number, count: number, radius: number, symbol = 'X1-B'): NavWaypoint[] {
  return Array.from({ length: count }, (_, i) => ({
    symbol: `${symbol}-${i}`,
    systemSymbol: symbol,
    x: Math.round((next() * 2 - 1) * radius),
    y: Math.round((next() * 2 - 1) * radius),
    sellsFuel: next() < 0.15,
  }));
}

const REFUEL_SECONDS = 5;
/** Each instance is planned this many times and the fastest run kept: the machines are shared. */
const RUNS = 3;

function fastestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

function timeSystem(
  count: number,
  radius: number,
  trials: number,
): { medianMs: number; p90Ms: number; ratio: number; baselineStranded: number; solved: number } {
  const next = random(count * 7919);
  const times: number[] = [];
  const ratios: number[] = [];
  let stranded = 0;
  let solved = 0;
  for (let trial = 0; trial < trials; trial++) {
    const waypoints = system(next, count, radius);
    const ship: ShipNavState = {
      symbol: 'S',
      location: waypoints[0]!.symbol,
      fuel: 30 + Math.floor(next() * 370),
      fuelCapacity: 400,
      engineSpeed: 30,
    };
    const destination = waypoints[1 + Math.floor(next() * (count - 1))]!.symbol;
    let ours: number | undefined;
    times.push(
      fastestOf(RUNS, () => {
        try {
          ours = new RoutePlanner(waypoints).plan(ship, destination, { refuelSeconds: REFUEL_SECONDS }).totalSeconds;
        } catch (error) {
          if (!(error instanceof NoRouteError)) throw error;
        }
      }),
    );
    if (ours === undefined) continue;
    solved += 1;
    const theirs = baselineSeconds(waypoints, ship, destination, REFUEL_SECONDS);
    if (theirs === undefined) stranded += 1;
    else ratios.push(theirs / Math.max(1, ours));
  }
  return {
    medianMs: median(times),
    p90Ms: percentile(times, 90),
    ratio: ratios.reduce((a, b) => a + b, 0) / Math.max(1, ratios.length),
    baselineStranded: stranded,
    solved,
  };
}

function gateNetwork(canWarp = false): { medianMs: number } {
  const next = random(500);
  const systems: NavSystem[] = Array.from({ length: 500 }, (_, i) => ({
    symbol: `X1-S${i}`,
    x: Math.round((next() * 2 - 1) * 5000),
    y: Math.round((next() * 2 - 1) * 5000),
  }));
  const waypoints: NavWaypoint[] = [];
  for (const s of systems) {
    const gate = `${s.symbol}-G`;
    const nearest = systems
      .filter((o) => o !== s)
      .sort((a, b) => Math.hypot(a.x - s.x, a.y - s.y) - Math.hypot(b.x - s.x, b.y - s.y))
      .slice(0, 3);
    waypoints.push({
      symbol: gate,
      systemSymbol: s.symbol,
      x: 0,
      y: 0,
      sellsFuel: false,
      jumpsTo: nearest.map((o) => `${o.symbol}-G`),
    });
    waypoints.push({ symbol: `${s.symbol}-P`, systemSymbol: s.symbol, x: 40, y: 30, sellsFuel: true });
  }
  // Make the links symmetric, as real gates are.
  const byGate = new Map(waypoints.filter((w) => w.jumpsTo).map((w) => [w.symbol, w]));
  for (const w of byGate.values())
    for (const to of w.jumpsTo!)
      if (!byGate.get(to)!.jumpsTo!.includes(w.symbol)) (byGate.get(to)!.jumpsTo as string[]).push(w.symbol);
  const planner = new RoutePlanner(waypoints, systems);
  const times: number[] = [];
  for (let trial = 0; trial < 20; trial++) {
    const from = systems[Math.floor(next() * 500)]!;
    const to = systems[Math.floor(next() * 500)]!;
    times.push(
      fastestOf(RUNS, () => {
        try {
          planner.plan(
            { symbol: 'S', location: `${from.symbol}-P`, fuel: 400, fuelCapacity: 400, engineSpeed: 30, canWarp },
            `${to.symbol}-P`,
          );
        } catch (error) {
          if (!(error instanceof NoRouteError)) throw error;
        }
      }),
    );
  }
  return { medianMs: median(times) };
}

function optimality(trials: number): { ratio: number; compared: number } {
  const next = random(42);
  let sum = 0;
  let compared = 0;
  for (let trial = 0; trial < trials; trial++) {
    const waypoints = system(next, 6, 60);
    const ship: ShipNavState = {
      symbol: 'S',
      location: waypoints[0]!.symbol,
      fuel: Math.floor(next() * 40),
      fuelCapacity: 40,
      engineSpeed: 10,
    };
    const destination = waypoints[5]!.symbol;
    const reference = referenceFastestSeconds(waypoints, ship, destination, { refuelSeconds: REFUEL_SECONDS });
    if (reference === undefined) continue;
    const ours = new RoutePlanner(waypoints).plan(ship, destination, { refuelSeconds: REFUEL_SECONDS }).totalSeconds;
    sum += ours / reference;
    compared += 1;
  }
  return { ratio: sum / compared, compared };
}

export async function run(): Promise<string[]> {
  const lines = [
    `route planner (ships: 400 fuel, speed 30; 15 % of waypoints sell fuel; fastest of ${RUNS} runs per instance)`,
  ];
  for (const [count, radius, trials] of [
    [50, 300, 200],
    [200, 500, 100],
    [1000, 800, 40],
  ] as const) {
    const r = timeSystem(count, radius, trials);
    lines.push(
      `  ${String(count).padStart(4)} waypoints: median ${fixed(r.medianMs, 3)} ms per plan (p90 ${fixed(r.p90Ms, 2)}); seed-bot rules' route time / ours = ${fixed(r.ratio)} (stranded ${r.baselineStranded} of ${r.solved})`,
    );
  }
  lines.push(
    `  500-system gate network: median ${fixed(gateNetwork().medianMs, 2)} ms per plan; a ship with a warp drive, every system in warp reach: ${fixed(gateNetwork(true).medianMs, 2)} ms`,
  );
  const optimal = optimality(400);
  lines.push(
    `  optimality vs exhaustive search: ${fixed(optimal.ratio, 3)} on ${optimal.compared} small systems (must be 1.000)`,
  );
  lines.push('  target: < 5 ms median at 1,000 waypoints');
  return lines;
}
