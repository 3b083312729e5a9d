import { bestUnits, type SpreadValue } from './price-impact.js';

/**
 * A market observation of one good, as trading reads it: what buying there costs, what selling there
 * pays, how much one transaction moves, and when it was seen.
 */
export interface GoodQuote {
  waypoint: string;
  good: string;
  purchasePrice: number;
  sellPrice: number;
  tradeVolume: number;
  /** Epoch ms of the observation. */
  observedAt: number;
}

/**
 * Observations age: a spread seen this long ago is counted at half its value, one seen twice as long
 * ago at a quarter. Prices drift back within hours after trades (ECONOMY.md §1 Recovery: half-lives of
 * 1–1.5 h to ~9 h) and other players trade the same lanes, so an hours-old gap is a guess.
 */
export const OBSERVATION_HALF_LIFE_SECONDS = 2 * 3600;

/** The share of an observed spread still expected after `ageSeconds`. */
export function ageDiscount(ageSeconds: number): number {
  return 0.5 ** (Math.max(0, ageSeconds) / OBSERVATION_HALF_LIFE_SECONDS);
}

/** One good bought at one market and sold at another: the unit of a trade plan and of a route reservation. */
export interface TradeHop {
  good: string;
  buyAt: string;
  sellAt: string;
  units: number;
  /** Expected credits for the purchase and the sale, lot by lot. */
  cost: number;
  revenue: number;
  /** Revenue − cost, discounted for the data's age (before fuel). */
  expectedGross: number;
  /** The ask and bid the plan assumed (the first lot's), and the trade volumes. */
  buyPrice: number;
  sellPrice: number;
  /** Transactions the hop takes: its purchase's lots and its sale's. */
  lots: number;
  dataAgeSeconds: number;
}

/** The key that reserves a hop while a trader works it: `route:GOOD:A>B`. */
export function routeKey(hop: { good: string; buyAt: string; sellAt: string }): string {
  return `route:${hop.good}:${hop.buyAt}>${hop.sellAt}`;
}

/** Reads a route key back (undefined for any other claim). */
export function parseRouteKey(key: string): { good: string; buyAt: string; sellAt: string } | undefined {
  const match = /^route:([A-Z0-9_]+):([A-Z0-9-]+)>([A-Z0-9-]+)$/.exec(key);
  return match ? { good: match[1]!, buyAt: match[2]!, sellAt: match[3]! } : undefined;
}

/**
 * Values a hop from two observations: the unit count that earns the most once every lot has moved
 * both prices (at most `maxUnits`, as many as `credits` pay for), discounted by the older observation's age.
 * Undefined when no unit earns anything.
 */
export function valueHop(
  buy: GoodQuote,
  sell: GoodQuote,
  maxUnits: number,
  now: number,
  credits?: number,
): TradeHop | undefined {
  if (buy.good !== sell.good || buy.waypoint === sell.waypoint) return undefined;
  const value: SpreadValue = bestUnits(
    { price: buy.purchasePrice, tradeVolume: buy.tradeVolume },
    { price: sell.sellPrice, tradeVolume: sell.tradeVolume },
    maxUnits,
    credits,
  );
  if (value.units < 1) return undefined;
  const age = Math.max(0, Math.floor((now - Math.min(buy.observedAt, sell.observedAt)) / 1000));
  return {
    good: buy.good,
    buyAt: buy.waypoint,
    sellAt: sell.waypoint,
    units: value.units,
    cost: value.cost,
    revenue: value.revenue,
    expectedGross: Math.floor(value.profit * ageDiscount(age)),
    buyPrice: buy.purchasePrice,
    sellPrice: sell.sellPrice,
    lots: Math.ceil(value.units / buy.tradeVolume) + Math.ceil(value.units / sell.tradeVolume),
    dataAgeSeconds: age,
  };
}

/** Every hop with a positive expected gross among the quotes, by good. */
export function allHops(quotes: readonly GoodQuote[], maxUnits: number, now: number, credits?: number): TradeHop[] {
  const byGood = new Map<string, GoodQuote[]>();
  for (const quote of quotes) {
    const list = byGood.get(quote.good);
    if (list) list.push(quote);
    else byGood.set(quote.good, [quote]);
  }
  const hops: TradeHop[] = [];
  for (const list of byGood.values())
    for (const buy of list)
      for (const sell of list) {
        if (sell.sellPrice <= buy.purchasePrice) continue;
        const hop = valueHop(buy, sell, maxUnits, now, credits);
        if (hop && hop.expectedGross > 0) hops.push(hop);
      }
  return hops;
}
