import type { TradeSide } from '../market/lots.js';
import { splitIntoLots } from '../market/lots.js';

/**
 * How a market's price moves with every lot: the price is fixed within one transaction and moves
 * after it, in proportion to the units moved over the good's trade volume (ECONOMY.md §1, "Price
 * impact", the pooled fit players measured on the live server; the sandbox follows the same figures).
 */
/** Buying one full trade volume raises the ask by this share. */
const BUY_IMPACT_PER_TRADE_VOLUME = 0.05;
/** Selling one full trade volume lowers the bid by this share. */
const SELL_IMPACT_PER_TRADE_VOLUME = 0.015;

/** A lot the market is expected to accept, and the price per unit it is expected to fetch. */
export interface ExpectedLot {
  units: number;
  pricePerUnit: number;
}

/** The price a good is quoted at after `unitsMoved` units of the same side were traded from `quote`. */
export function priceAfter(side: TradeSide, quote: number, tradeVolume: number, unitsMoved: number): number {
  const step = side === 'BUY' ? 1 + BUY_IMPACT_PER_TRADE_VOLUME : 1 - SELL_IMPACT_PER_TRADE_VOLUME;
  return Math.max(1, Math.round(quote * step ** (unitsMoved / tradeVolume)));
}

/** The lots of a purchase or sale of `units` from a quote, each at the price the lots before it left. */
export function expectedLots(side: TradeSide, quote: number, tradeVolume: number, units: number): ExpectedLot[] {
  const lots: ExpectedLot[] = [];
  let moved = 0;
  for (const size of splitIntoLots(units, tradeVolume)) {
    lots.push({ units: size, pricePerUnit: priceAfter(side, quote, tradeVolume, moved) });
    moved += size;
  }
  return lots;
}

/** Credits a purchase costs (or a sale pays) in all, lot by lot. */
function expectedTotal(side: TradeSide, quote: number, tradeVolume: number, units: number): number {
  let total = 0;
  for (const lot of expectedLots(side, quote, tradeVolume, units)) total += lot.units * lot.pricePerUnit;
  return total;
}

/** One side of a trade: the quote and trade volume observed at a market. */
export interface Quote {
  price: number;
  tradeVolume: number;
}

/** What buying `units` at one market and selling them at another is expected to earn, before travel. */
export interface SpreadValue {
  units: number;
  cost: number;
  revenue: number;
  profit: number;
}

/**
 * The number of units (at most `maxUnits`, and no more than `credits` pay for) that earns the most
 * from buying at `buy` and selling at `sell`, given that every lot moves both prices. The profit is
 * piecewise linear in the units, bending only at lot boundaries of either side, so those boundaries
 * (and the limits) are the only candidates. Zero units when no unit earns anything.
 */
export function bestUnits(buy: Quote, sell: Quote, maxUnits: number, credits = Number.POSITIVE_INFINITY): SpreadValue {
  const none: SpreadValue = { units: 0, cost: 0, revenue: 0, profit: 0 };
  if (maxUnits < 1 || sell.price <= buy.price) return none;
  const candidates = new Set<number>([maxUnits]);
  for (let u = buy.tradeVolume; u < maxUnits; u += buy.tradeVolume) candidates.add(u);
  for (let u = sell.tradeVolume; u < maxUnits; u += sell.tradeVolume) candidates.add(u);
  let best = none;
  for (const candidate of [...candidates].sort((a, b) => a - b)) {
    let units = candidate;
    let cost = expectedTotal('BUY', buy.price, buy.tradeVolume, units);
    if (cost > credits) {
      // The credits run out within this stretch: as many units as they pay for, at most.
      while (units > 0 && cost > credits) cost = expectedTotal('BUY', buy.price, buy.tradeVolume, --units);
    }
    if (units < 1) break;
    const revenue = expectedTotal('SELL', sell.price, sell.tradeVolume, units);
    if (revenue - cost > best.profit) best = { units, cost, revenue, profit: revenue - cost };
    if (units < candidate) break;
  }
  return best;
}
