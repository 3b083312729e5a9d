import type { CargoItem } from '../fleet/ship.js';

/** A market that could take part of the hold. */
export interface SaleMarket {
  waypoint: string;
  /** Seconds and fuel credits to fly there from the ship. */
  seconds: number;
  fuelCredits: number;
  /** The goods it buys (imports, exchange, exports). */
  buys: ReadonlySet<string>;
  /** The price last observed there for a good, if any. */
  price: (good: string) => number | undefined;
}

/** Where to sell and what is expected there. */
export interface SaleChoice {
  waypoint: string;
  goods: string[];
  /** Expected credits (observed prices only; unknown prices count 0). */
  proceeds: number;
  /** Proceeds net of the trip's fuel. */
  net: number;
}

/**
 * Where to take the hold: `best` is the market whose expected proceeds net of the trip's fuel are
 * highest (ties and the unknown go to the nearer); `nearest` is the nearest market that buys any of
 * it. Undefined when no market buys anything in the hold.
 */
export function chooseSaleMarket(
  inventory: readonly CargoItem[],
  markets: readonly SaleMarket[],
  mode: 'best' | 'nearest',
): SaleChoice | undefined {
  const choices = markets
    .map((m) => {
      const goods = inventory.filter((i) => i.units > 0 && m.buys.has(i.symbol));
      const proceeds = goods.reduce((sum, i) => sum + i.units * (m.price(i.symbol) ?? 0), 0);
      return {
        choice: { waypoint: m.waypoint, goods: goods.map((g) => g.symbol), proceeds, net: proceeds - m.fuelCredits },
        seconds: m.seconds,
      };
    })
    .filter((c) => c.choice.goods.length > 0);
  choices.sort((a, b) =>
    mode === 'nearest' ? a.seconds - b.seconds : b.choice.net - a.choice.net || a.seconds - b.seconds,
  );
  return choices[0]?.choice;
}
