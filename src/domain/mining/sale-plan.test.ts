import { describe, expect, it } from 'vitest';
import { chooseSaleMarket, type SaleMarket } from './sale-plan.js';

const hold = [
  { symbol: 'IRON_ORE', units: 30 },
  { symbol: 'ICE_WATER', units: 10 },
];

function market(
  waypoint: string,
  seconds: number,
  fuelCredits: number,
  prices: Record<string, number | undefined>,
): SaleMarket {
  return { waypoint, seconds, fuelCredits, buys: new Set(Object.keys(prices)), price: (g) => prices[g] };
}

describe('where to sell a hold', () => {
  const near = market('NEAR', 30, 10, { IRON_ORE: 20 });
  const far = market('FAR', 300, 200, { IRON_ORE: 30, ICE_WATER: 10 });
  const none = market('NONE', 5, 1, { GOLD_ORE: 500 });

  it('best: the highest proceeds net of the trip’s fuel', () => {
    // NEAR: 600 − 10 = 590; FAR: 900 + 100 − 200 = 800.
    expect(chooseSaleMarket(hold, [near, far, none], 'best')).toEqual({
      waypoint: 'FAR',
      goods: ['IRON_ORE', 'ICE_WATER'],
      proceeds: 1000,
      net: 800,
    });
    const dearTrip = market('FAR', 300, 500, { IRON_ORE: 30, ICE_WATER: 10 });
    expect(chooseSaleMarket(hold, [near, dearTrip], 'best')?.waypoint).toBe('NEAR');
  });

  it('nearest: the closest market that buys any of it; none when nobody buys anything', () => {
    expect(chooseSaleMarket(hold, [far, near, none], 'nearest')?.waypoint).toBe('NEAR');
    expect(chooseSaleMarket(hold, [none], 'best')).toBeUndefined();
  });

  it('with no price observed, the nearer buyer wins', () => {
    const a = market('A', 100, 5, { IRON_ORE: undefined });
    const b = market('B', 20, 1, { IRON_ORE: undefined });
    expect(chooseSaleMarket(hold, [a, b], 'best')?.waypoint).toBe('B');
  });
});
