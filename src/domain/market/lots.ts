import { ValidationError } from '../errors.js';

export type TradeSide = 'BUY' | 'SELL';

/**
 * A purchase or sale split into lots the market accepts: none larger than the good's trade volume
 * (a larger one is refused with 4604), all full but the last.
 */
export function splitIntoLots(units: number, tradeVolume: number): number[] {
  if (!Number.isInteger(units) || units < 0) throw new ValidationError(`units must be a whole number, got ${units}`);
  if (!Number.isInteger(tradeVolume) || tradeVolume < 1)
    throw new ValidationError(`trade volume must be a whole number of at least 1, got ${tradeVolume}`);
  const lots: number[] = [];
  for (let left = units; left > 0; left -= tradeVolume) lots.push(Math.min(left, tradeVolume));
  return lots;
}

/**
 * Whether a price is within the player's limit: a purchase pays at most `--max-price`, a sale takes
 * at least `--min-price`. No limit allows any price.
 */
export function priceWithinLimit(side: TradeSide, pricePerUnit: number, limit: number | undefined): boolean {
  if (limit === undefined) return true;
  return side === 'BUY' ? pricePerUnit <= limit : pricePerUnit >= limit;
}

/** Why a trade stopped before every unit was moved. */
export type StopReason = 'PRICE_LIMIT' | 'NO_CREDITS';

/**
 * The next lot of a trade in progress, or why it stops. `price` is what the next lot is expected to
 * cost or pay per unit: the market's latest quote (a trade moves the price, so the caller reads the
 * market again after each lot, or falls back on the previous lot's price).
 */
export function nextLot(state: {
  side: TradeSide;
  unitsLeft: number;
  tradeVolume: number;
  price: number;
  limit?: number;
  /** The agent's credits, for a purchase: a lot it cannot afford at the expected price is not sent. */
  credits?: number;
}): { units: number } | { stop: StopReason } | { done: true } {
  if (state.unitsLeft <= 0) return { done: true };
  if (!priceWithinLimit(state.side, state.price, state.limit)) return { stop: 'PRICE_LIMIT' };
  let units = Math.min(state.unitsLeft, state.tradeVolume);
  if (state.side === 'BUY' && state.credits !== undefined) {
    units = Math.min(units, Math.floor(state.credits / Math.max(1, state.price)));
    if (units < 1) return { stop: 'NO_CREDITS' };
  }
  return { units };
}
