import { describe, expect, it } from 'vitest';
import type { MarketDto } from '../../ports/spacetraders-api.js';
import type { CachedSystem } from '../../ports/system-repository.js';
import { observedFuelPrice, requireCreditsPerSecond } from './route-planning.js';

const market = (symbol: string, fuelPrice?: number): MarketDto =>
  ({
    symbol,
    exports: [],
    imports: [],
    exchange: [{ symbol: 'FUEL', name: 'Fuel', description: '' }],
    ...(fuelPrice === undefined
      ? {}
      : {
          tradeGoods: [
            {
              symbol: 'FUEL',
              type: 'EXCHANGE',
              tradeVolume: 100,
              supply: 'MODERATE',
              purchasePrice: fuelPrice,
              sellPrice: fuelPrice - 4,
            },
          ],
        }),
  }) as MarketDto;

const system = (markets: MarketDto[]): CachedSystem => ({ systemSymbol: 'X1-A', waypoints: [], markets, syncedAt: 0 });

describe('route objective', () => {
  it('prices fuel at the median the cached markets show, and knows when none shows a price', () => {
    expect(
      observedFuelPrice([
        system([market('X1-A-1', 80), market('X1-A-2'), market('X1-A-3', 60)]),
        system([market('X1-B-1', 70)]),
      ]),
    ).toBe(70);
    expect(observedFuelPrice([system([market('X1-A-1')])])).toBeUndefined();
  });

  it('accepts only a positive value of time', () => {
    expect(() => requireCreditsPerSecond(undefined)).not.toThrow();
    expect(() => requireCreditsPerSecond(0.5)).not.toThrow();
    for (const bad of [0, -3, Number.NaN, Infinity])
      expect(() => requireCreditsPerSecond(bad)).toThrow('credits per second must be a positive number');
  });
});
