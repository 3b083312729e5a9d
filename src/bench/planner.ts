/**
 * Route planner: median and p90 planning time on generated systems of 50 / 200 / 1,000 waypoints,
 * cold (a planner built for the trip) and warm (a planner kept for the system, as trade and fleet
 * planning keep one), and on a 500-system gate network (also for a ship that can warp); optimality
 * against the exhaustive reference on small systems (must be 1.000); and on the same instances the
 * seed bot's rules' total route time divided by ours.
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
  return timed(runs, work).wallMs;
}

/**
 * The fastest of `runs` by the clock, and the least CPU time the process spent on one (user +
 * system): on a shared machine the clock also counts the waits for a core, the CPU time does not.
 */
function timed(runs: number, work: () => void): { wallMs: number; cpuMs: number } {
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let run = 0; run < runs; run++) {
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    work();
    wallMs = Math.min(wallMs, Number(process.hrtime.bigint() - started) / 1e6);
    const spent = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (spent.user + spent.system) / 1000);
  }
  return { wallMs, cpuMs };
}

interface Times {
  wall: number[];
  cpu: number[];
}

function summary({ wall, cpu }: Times): string {
  return `median ${fixed(median(wall), 3)} ms, p90 ${fixed(percentile(wall, 90), 2)} (CPU: median ${fixed(median(cpu), 3)}, p90 ${fixed(percentile(cpu, 90), 2)})`;
}

interface SystemTimes {
  /** Build the planner and plan, per instance: a planner made for one trip. */
  cold: Times;
  /** Plan on a planner already built for the system and used for another trip by the same ship. */
  warm: Times;
  ratio: number;
  baselineStranded: number;
  solved: number;
}

function timeSystem(count: number, radius: number, trials: number): SystemTimes {
  const next = random(count * 7919);
  const cold: Times = { wall: [], cpu: [] };
  const warm: Times = { wall: [], cpu: [] };
  const record = (into: Times, { wallMs, cpuMs }: { wallMs: number; cpuMs: number }) => {
    into.wall.push(wallMs);
    into.cpu.push(cpuMs);
  };
  const ratios: number[] = [];
  let stranded = 0;
  let solved = 0;
  const options = { refuelSeconds: REFUEL_SECONDS };
  for (let trial = 0; trial < trials; trial++) {
    const waypoints = system(next, count, radius);
    const ship: ShipNavState = {
      symbol: 'S',
      location: waypoints[0]!.symbol,
      fuel: 30 + Math.floor(next() * 370),
      fuelCapacity: 400,
      engineSpeed: 30,
    };
    const target = 1 + Math.floor(next() * (count - 1));
    const destination = waypoints[target]!.symbol;
    let ours: number | undefined;
    record(
      cold,
      timed(RUNS, () => {
        ours = planOrNothing(new RoutePlanner(waypoints), ship, destination, options);
      }),
    );
    // Trade and fleet planning keep one planner per system: it has planned another trip before this one.
    const planner = new RoutePlanner(waypoints);
    planOrNothing(
      planner,
      { ...ship, fuel: ship.fuelCapacity },
      waypoints[(target + (count >> 1)) % count]!.symbol,
      options,
    );
    record(
      warm,
      timed(RUNS, () => planOrNothing(planner, ship, destination, options)),
    );
    if (ours === undefined) continue;
    solved += 1;
    const theirs = baselineSeconds(waypoints, ship, destination, REFUEL_SECONDS);
    if (theirs === undefined) stranded += 1;
    else ratios.push(theirs / Math.max(1, ours));
  }
  return {
    cold,
    warm,
    ratio: ratios.reduce((a, b) => a + b, 0) / Math.max(1, ratios.length),
    baselineStranded: stranded,
    solved,
  };
}

/** The route's total seconds, or undefined when there is none. */
function planOrNothing(
  planner: RoutePlanner,
  ship: ShipNavState,
  destination: string,
  options: { refuelSeconds: number },
): number | undefined {
  try {
    return planner.plan(ship, destination, options).totalSeconds;
  } catch (error) {
    if (!(error instanceof NoRouteError)) throw error;
    return undefined;
  }
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
    [1000, 800, 100],
  ] as const) {
    const r = timeSystem(count, radius, trials);
    lines.push(
      `  ${String(count).padStart(4)} waypoints: cold (build + plan) ${summary(r.cold)}; warm (planner reused) ${summary(r.warm)}; seed-bot rules' route time / ours = ${fixed(r.ratio)} (stranded ${r.baselineStranded} of ${r.solved})`,
    );
  }
  lines.push(
    `  500-system gate network: median ${fixed(gateNetwork().medianMs, 2)} ms per plan; a ship with a warp drive, every system in warp reach: ${fixed(gateNetwork(true).medianMs, 2)} ms`,
  );
  const optimal = optimality(400);
  lines.push(
    `  optimality vs exhaustive search: ${fixed(optimal.ratio, 3)} on ${optimal.compared} small systems (must be 1.000)`,
  );
  lines.push('  target: < 5 ms p90 at 1,000 waypoints, cold and warm');
  return lines;
}
