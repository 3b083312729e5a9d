import { describe, expect, it } from 'vitest';
import { type AsteroidCandidate, bestAsteroid, depositGoods, scoreAsteroid } from './asteroid.js';

const PRICES: Record<string, number> = {
  IRON_ORE: 40,
  COPPER_ORE: 40,
  GOLD_ORE: 300,
  SILVER_ORE: 300,
  PLATINUM_ORE: 300,
};
const price = (good: string) => PRICES[good];
const cycle = { capacity: 40, fillSeconds: 600 };

function asteroid(waypoint: string, traits: string[], secondsFromShip = 100, secondsToMarket = 100): AsteroidCandidate {
  return { waypoint, traits, secondsFromShip, secondsToMarket };
}

describe('asteroid scoring', () => {
  it("reads an asteroid's goods from its deposit traits", () => {
    expect(depositGoods(['COMMON_METAL_DEPOSITS'])).toEqual(
      expect.arrayContaining([
        'IRON_ORE',
        'COPPER_ORE',
        'ALUMINUM_ORE',
        'ICE_WATER',
        'QUARTZ_SAND',
        'SILICON_CRYSTALS',
      ]),
    );
    expect(depositGoods(['PRECIOUS_METAL_DEPOSITS', 'MARKETPLACE'])).toEqual([
      'GOLD_ORE',
      'SILVER_ORE',
      'PLATINUM_ORE',
    ]);
    expect(depositGoods(['HOLLOW'])).toEqual([]);
  });

  it('scores credits per second: a full hold of the mean known value over travel, filling and selling', () => {
    // Common metals: 2 of 6 goods priced 40 → 13.33 a unit; 40 units over 100 + 600 + 100 s.
    expect(scoreAsteroid(asteroid('A', ['COMMON_METAL_DEPOSITS']), price, cycle)).toBeCloseTo((40 * 80) / 6 / 800);
    expect(scoreAsteroid(asteroid('P', ['PRECIOUS_METAL_DEPOSITS']), price, cycle)).toBeCloseTo((40 * 300) / 800);
    expect(scoreAsteroid(asteroid('N', []), price, cycle)).toBe(0);
  });

  it('prefers the asteroid that pays, then the nearer; travel can outweigh value', () => {
    const common = asteroid('COMMON', ['COMMON_METAL_DEPOSITS'], 50);
    const precious = asteroid('PRECIOUS', ['PRECIOUS_METAL_DEPOSITS'], 400);
    expect(bestAsteroid([common, precious], price, cycle)?.waypoint).toBe('PRECIOUS');
    const far = asteroid('FAR', ['PRECIOUS_METAL_DEPOSITS'], 200_000);
    expect(bestAsteroid([common, far], price, cycle)?.waypoint).toBe('COMMON');
    expect(
      bestAsteroid(
        [asteroid('A1', ['COMMON_METAL_DEPOSITS'], 300), asteroid('A2', ['COMMON_METAL_DEPOSITS'], 30)],
        price,
        cycle,
      )?.waypoint,
    ).toBe('A2');
  });

  it('scales down a stripped asteroid, and with no price known takes the nearest with deposits', () => {
    const stripped = asteroid('STRIPPED', ['PRECIOUS_METAL_DEPOSITS', 'STRIPPED'], 50);
    const whole = asteroid('WHOLE', ['PRECIOUS_METAL_DEPOSITS'], 50);
    expect(bestAsteroid([stripped, whole], price, cycle)?.waypoint).toBe('WHOLE');
    const none = () => undefined;
    const candidates = [
      asteroid('FAR', ['COMMON_METAL_DEPOSITS'], 500),
      asteroid('BARE', [], 10),
      asteroid('NEAR', ['ICE_CRYSTALS'], 60),
    ];
    expect(bestAsteroid(candidates, none, cycle)?.waypoint).toBe('NEAR');
    expect(bestAsteroid([asteroid('BARE', [])], price, cycle)).toBeUndefined();
  });
});
