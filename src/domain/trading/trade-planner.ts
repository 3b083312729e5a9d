import { SHIP_FUEL_PER_MARKET_UNIT } from '../navigation/flight-mode.js';
import { SECONDS_PER_LOT, SECONDS_PER_STOP } from './action-seconds.js';
import { allHops, type GoodQuote, routeKey, type TradeHop } from './trade-route.js';
import type { TravelEstimator } from './travel-estimator.js';

/** Chains (A→B→C) are built from the best single hops into each market and the best hops out of it. */
const CHAIN_FIRST_HOPS = 200;
const CHAIN_SECOND_HOPS = 3;

/** One leg of a chain, as the JSON contract shows it. */
export interface TradeLeg {
  good: string;
  buyAt: string;
  sellAt: string;
  units: number;
  buyPrice: number;
  sellPrice: number;
  expectedProfit: number;
  /** This leg's flight from where it buys to where it sells, and its lots. */
  seconds: number;
}

/** A row of `trade plan` (the JSON keys are a contract); a chain adds its legs. */
export interface TradeRow {
  /** The good (a chain: its goods joined with "+"). */
  good: string;
  buyAt: string;
  /** Where the last good is sold. */
  sellAt: string;
  units: number;
  /** Credits expected from the trip: sales − purchases, discounted for data age, − fuel. */
  expectedProfit: number;
  /** From the ship's position to the last sale: travel, stops and lots. */
  seconds: number;
  creditsPerHour: number;
  /** Age of the oldest observation the row rests on. */
  dataAgeSeconds: number;
  fuelCredits: number;
  /** The hops in order: one for a single trade, two for a chain A→B→C. */
  legs: TradeLeg[];
}

/** The ship a plan is for. */
export interface TraderState {
  /** Where the ship is; absent (a plan for another system), trips are counted from their first market. */
  location?: string;
  fuel: number;
  fuelCapacity: number;
  cargoCapacity: number;
}

export interface TradePlanOptions {
  now: number;
  /** Credits per market unit of FUEL. */
  fuelPrice: number;
  credits?: number;
  limit?: number;
  /** Route keys (`route:GOOD:A>B`) other traders hold: a row using one is left out. */
  reserved?: ReadonlySet<string>;
  /** Consider A→B→C chains (default true). */
  chains?: boolean;
}

interface Candidate {
  hops: TradeHop[];
  gross: number;
  /** Credits per hour no evaluation of this candidate can beat. */
  bound: number;
}

/**
 * The best trades for a ship from stored observations, ranked by expected credits per hour. Prices
 * alone give every profitable hop (price impact included); a straight-line BURN bound on travel
 * gives each an optimistic rate; then routes are planned best bound first, and the search stops as
 * soon as `limit` rows are known to beat every bound left — most pairs are never planned.
 */
export function planTrades(
  quotes: readonly GoodQuote[],
  ship: TraderState,
  travel: TravelEstimator,
  options: TradePlanOptions,
): TradeRow[] {
  const limit = options.limit ?? 10;
  const reserved = options.reserved ?? new Set<string>();
  const hops = allHops(quotes, ship.cargoCapacity, options.now, options.credits).filter(
    (hop) => !reserved.has(routeKey(hop)),
  );
  const overhead = (path: readonly TradeHop[]) =>
    path.length * 2 * SECONDS_PER_STOP + path.reduce((sum, hop) => sum + hop.lots * SECONDS_PER_LOT, 0);
  const bound = (path: TradeHop[], gross: number) => {
    let seconds = travel.lowerBound(ship.location ?? path[0]!.buyAt, path[0]!.buyAt) + overhead(path);
    for (const hop of path) seconds += travel.lowerBound(hop.buyAt, hop.sellAt);
    return (gross * 3600) / Math.max(1, seconds);
  };
  const candidates: Candidate[] = hops.map((hop) => ({
    hops: [hop],
    gross: hop.expectedGross,
    bound: bound([hop], hop.expectedGross),
  }));
  if (options.chains !== false) candidates.push(...chains(hops, bound));
  candidates.sort((a, b) => b.bound - a.bound);

  const rows: TradeRow[] = [];
  for (const candidate of candidates) {
    if (rows.length >= limit && rows[limit - 1]!.creditsPerHour >= candidate.bound) break;
    const row = evaluate(candidate, ship, travel, options.fuelPrice, overhead(candidate.hops));
    if (!row || row.expectedProfit <= 0) continue;
    rows.push(row);
    rows.sort((a, b) => b.creditsPerHour - a.creditsPerHour);
  }
  return rows.slice(0, limit);
}

/** Chains of two hops: the best-bounded hops into a market, each followed by the best hops out of it. */
function chains(hops: TradeHop[], bound: (path: TradeHop[], gross: number) => number): Candidate[] {
  const from = new Map<string, TradeHop[]>();
  for (const hop of hops) {
    const list = from.get(hop.buyAt);
    if (list) list.push(hop);
    else from.set(hop.buyAt, [hop]);
  }
  const rate = (hop: TradeHop) => bound([hop], hop.expectedGross);
  for (const [waypoint, list] of from)
    from.set(waypoint, list.sort((a, b) => rate(b) - rate(a)).slice(0, CHAIN_SECOND_HOPS));
  const firsts = [...hops].sort((a, b) => rate(b) - rate(a)).slice(0, CHAIN_FIRST_HOPS);
  const result: Candidate[] = [];
  for (const first of firsts)
    for (const second of from.get(first.sellAt) ?? []) {
      if (second.sellAt === first.buyAt && second.good === first.good) continue;
      const path = [first, second];
      const gross = first.expectedGross + second.expectedGross;
      result.push({ hops: path, gross, bound: bound(path, gross) });
    }
  return result;
}

/** A candidate with real routes: the ship's current tank to the first market, a full one after each stop that sells fuel. */
function evaluate(
  candidate: Candidate,
  ship: TraderState,
  travel: TravelEstimator,
  fuelPrice: number,
  overhead: number,
): TradeRow | undefined {
  const first = candidate.hops[0]!;
  const toStart = travel.estimate(ship.location ?? first.buyAt, first.buyAt, ship.fuel);
  if (!toStart) return undefined;
  let seconds = toStart.seconds + overhead;
  let fuel = toStart.fuel;
  const legSeconds: number[] = [];
  for (const hop of candidate.hops) {
    const leg = travel.estimate(hop.buyAt, hop.sellAt, ship.fuelCapacity);
    if (!leg) return undefined;
    seconds += leg.seconds;
    fuel += leg.fuel;
    legSeconds.push(leg.seconds + hop.lots * SECONDS_PER_LOT + 2 * SECONDS_PER_STOP);
  }
  const fuelCredits = Math.round((fuel * fuelPrice) / SHIP_FUEL_PER_MARKET_UNIT);
  const expectedProfit = candidate.gross - fuelCredits;
  const last = candidate.hops.at(-1)!;
  return {
    good: candidate.hops.map((hop) => hop.good).join('+'),
    buyAt: first.buyAt,
    sellAt: last.sellAt,
    units: Math.max(...candidate.hops.map((hop) => hop.units)),
    expectedProfit,
    seconds,
    creditsPerHour: Math.round((expectedProfit * 3600) / Math.max(1, seconds)),
    dataAgeSeconds: Math.max(...candidate.hops.map((hop) => hop.dataAgeSeconds)),
    fuelCredits,
    legs: candidate.hops.map((hop, i) => ({
      good: hop.good,
      buyAt: hop.buyAt,
      sellAt: hop.sellAt,
      units: hop.units,
      buyPrice: hop.buyPrice,
      sellPrice: hop.sellPrice,
      expectedProfit: hop.expectedGross,
      seconds: legSeconds[i]!,
    })),
  };
}
