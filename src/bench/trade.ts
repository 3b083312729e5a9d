/**
 * `trade plan`: the time to plan every market pair of a system, on a generated 1,000-waypoint system
 * (60 markets) and on sandbox systems (seed 7: the one with the most markets, and the first with 1,000 extra waypoints).
 * Side by side: the plan as `trade plan` makes it (top 10 rows, routes planned best bound first until
 * no bound can beat the 10th row) and the exhaustive plan that asks the route planner for every
 * profitable pair; both give the same rows, the ratio is what the bounds save.
 */
import { Random } from '../domain/random.js';
import type { NavWaypoint } from '../domain/navigation/route.js';
import { planTrades, type TradeRow } from '../domain/trading/trade-planner.js';
import type { GoodQuote } from '../domain/trading/trade-route.js';
import { TravelEstimator } from '../domain/trading/travel-estimator.js';
import { prices } from '../sandbox/markets/prices.js';
import { generateWorld } from '../sandbox/world/generate.js';
import { fixed } from './stats.js';

const NOW = Date.UTC(2026, 0, 1);
const SHIP = { symbol: 'T-1', engineSpeed: 30, fuelCapacity: 400 };
const GOODS = ['IRON', 'COPPER', 'ALUMINUM', 'FOOD', 'FUEL', 'PLASTICS', 'FABRICS', 'ELECTRONICS', 'MEDICINE', 'DRUGS'];
const RUNS = 3;

interface Instance {
  name: string;
  waypoints: NavWaypoint[];
  quotes: GoodQuote[];
}

/** 1,000 waypoints within ±800, 15 % selling fuel; 60 markets, each trading 4 of 10 goods at scattered prices. */
function generated(): Instance {
  const random = new Random(1000);
  const waypoints: NavWaypoint[] = Array.from({ length: 1000 }, (_, i) => ({
    symbol: `X1-G-${i}`,
    systemSymbol: 'X1-G',
    x: Math.round((random.next() * 2 - 1) * 800),
    y: Math.round((random.next() * 2 - 1) * 800),
    sellsFuel: random.next() < 0.15,
  }));
  const quotes: GoodQuote[] = [];
  for (let m = 0; m < 60; m++) {
    const waypoint = waypoints[m * 16]!.symbol;
    for (const good of GOODS.filter(() => random.next() < 0.4)) {
      const base = 100 + GOODS.indexOf(good) * 40;
      const ask = Math.round(base * (0.7 + random.next() * 0.9));
      quotes.push({
        waypoint,
        good,
        purchasePrice: ask,
        sellPrice: Math.round(ask * (0.5 + random.next() * 0.45)),
        tradeVolume: [6, 20, 60][Math.floor(random.next() * 3)]!,
        observedAt: NOW - Math.floor(random.next() * 3600_000),
      });
    }
  }
  return { name: 'generated, 1,000 waypoints, 60 markets', waypoints, quotes };
}

/** The sandbox system (seed 7, 12 systems) with the most markets; or the first system with `extra` waypoints added. */
function sandbox(extra: number): Instance {
  const world = generateWorld({ seed: 7, systems: 12, extraWaypoints: extra, resetDate: '2026-01-01', now: NOW });
  const marketsOf = (s: { waypoints: string[] }) => s.waypoints.filter((w) => world.waypoints[w]!.market).length;
  const systems = Object.values(world.systems);
  const home = extra > 0 ? systems[0]! : systems.sort((a, b) => marketsOf(b) - marketsOf(a))[0]!;
  const states = home.waypoints.map((symbol) => world.waypoints[symbol]!);
  const waypoints = states.map((w) => ({
    symbol: w.symbol,
    systemSymbol: w.systemSymbol,
    x: w.x,
    y: w.y,
    sellsFuel: w.market?.FUEL !== undefined,
  }));
  const quotes = states.flatMap((w) =>
    Object.entries(w.market ?? {}).map(([good, state]) => {
      const { purchasePrice, sellPrice } = prices(state);
      return { waypoint: w.symbol, good, purchasePrice, sellPrice, tradeVolume: state.tradeVolume, observedAt: NOW };
    }),
  );
  const markets = new Set(quotes.map((q) => q.waypoint)).size;
  return {
    name: `sandbox seed 7 ${home.symbol}, ${waypoints.length} waypoints, ${markets} markets`,
    waypoints,
    quotes,
  };
}

function timed(instance: Instance, limit: number, runs: number): { ms: number; planned: number; rows: TradeRow[] } {
  let best = { ms: Number.POSITIVE_INFINITY, planned: 0, rows: [] as TradeRow[] };
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const travel = new TravelEstimator(instance.waypoints, SHIP, { refuelSeconds: 5 });
    const rows = planTrades(
      instance.quotes,
      { location: instance.quotes[0]!.waypoint, fuel: 400, fuelCapacity: 400, cargoCapacity: 80 },
      travel,
      { now: NOW, fuelPrice: 72, credits: 150_000, limit },
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (ms < best.ms) best = { ms, planned: travel.planned, rows };
  }
  return best;
}

export async function run(): Promise<string[]> {
  const lines = [
    `trade plan over every market pair (ship: speed 30, 400 fuel, 80 cargo; top 10: fastest of ${RUNS} runs; every trade: one run)`,
  ];
  for (const instance of [generated(), sandbox(0), sandbox(1000)]) {
    const markets = new Set(instance.quotes.map((q) => q.waypoint)).size;
    const top = timed(instance, 10, RUNS);
    const every = timed(instance, 1_000_000, 1);
    const same = JSON.stringify(top.rows) === JSON.stringify(every.rows.slice(0, 10));
    lines.push(
      `  ${instance.name} (${markets * (markets - 1)} market pairs, ${every.rows.length} profitable trades incl. chains): top 10 in ${fixed(top.ms, 1)} ms (${top.planned} routes planned); every trade planned in ${fixed(every.ms, 0)} ms (${every.planned} routes); ${fixed(every.ms / top.ms, 1)}× faster, same rows: ${same}`,
    );
  }
  return lines;
}
