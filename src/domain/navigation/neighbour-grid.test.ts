import { describe, expect, it } from 'vitest';
import { FUEL_PER_UNIT, legFuel, legSeconds, NAVIGATE_MULTIPLIER, type FlightMode } from './flight-mode.js';
import { legReach, NeighbourGrid } from './neighbour-grid.js';
import { Random } from '../random.js';

const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

describe('NeighbourGrid', () => {
  it('lists exactly the points within the radius, ascending, or nothing when that is most of them', () => {
    const next = random(7);
    let listed = 0;
    let declined = 0;
    for (let trial = 0; trial < 200; trial++) {
      const count = 1 + Math.floor(next() * 400);
      const spread = 10 + next() * 1000;
      const xs = Float64Array.from({ length: count }, () => Math.round((next() - 0.5) * spread));
      const ys = Float64Array.from({ length: count }, () => Math.round((next() - 0.5) * spread * next()));
      const grid = new NeighbourGrid(xs, ys);
      for (let query = 0; query < 20; query++) {
        const x = (next() - 0.5) * spread * 1.5;
        const y = (next() - 0.5) * spread * 1.5;
        const radius = next() * spread * 0.6;
        const found = grid.within(x, y, radius);
        if (found === undefined) {
          declined += 1;
          continue;
        }
        listed += 1;
        const expected = [];
        for (let k = 0; k < count; k++) if ((xs[k]! - x) ** 2 + (ys[k]! - y) ** 2 <= radius * radius) expected.push(k);
        expect([...found], `trial ${trial}, query ${query}`).toEqual(expected);
      }
    }
    // Both answers happen: the grid is used, and it steps aside for wide searches.
    expect(listed).toBeGreaterThan(1000);
    expect(declined).toBeGreaterThan(100);
  });

  it('steps aside when nothing limits the reach', () => {
    const grid = new NeighbourGrid(Float64Array.from([0, 100, 200]), Float64Array.from([0, 0, 0]));
    expect(grid.within(0, 0, Infinity)).toBeUndefined();
    expect(grid.within(0, 0, Number.NaN)).toBeUndefined();
  });

  it('finds nothing for a reach that misses every point', () => {
    const xs = Float64Array.from({ length: 100 }, (_, i) => i * 10);
    const grid = new NeighbourGrid(xs, new Float64Array(100));
    expect([...grid.within(-50, 0, 10)!]).toEqual([]);
    expect([...grid.within(500, 0, 0.5)!]).toEqual([50]);
  });
});

describe('legReach', () => {
  const MODE_SETS: FlightMode[][] = [
    ['BURN', 'CRUISE', 'DRIFT'],
    ['CRUISE', 'DRIFT'],
    ['BURN', 'CRUISE', 'DRIFT', 'STEALTH'],
    ['CRUISE'],
    ['DRIFT'],
  ];

  it('is never shorter than a leg the tank and the time left allow, in any mode', () => {
    const next = random(11);
    for (let trial = 0; trial < 20_000; trial++) {
      const modes = MODE_SETS[Math.floor(next() * MODE_SETS.length)]!;
      const fuel = Float64Array.from(modes, (m) => FUEL_PER_UNIT[m]);
      const navigate = Float64Array.from(modes, (m) => NAVIGATE_MULTIPLIER[m]);
      const speed = 1 + Math.floor(next() * 50);
      const spare = next() < 0.1 ? Infinity : Math.floor(next() * 500);
      const slack = next() * 3000;
      const d = next() * 1000;
      const reach = legReach(spare, slack, fuel, navigate, speed);
      const flyable = modes.some((_, m) => legFuel(d, fuel[m]!) <= spare && legSeconds(d, navigate[m]!, speed) < slack);
      if (flyable) expect(d, `trial ${trial}`).toBeLessThanOrEqual(reach);
    }
  });

  it('holds at the edge: a leg with just the fuel and just the time it needs', () => {
    const next = random(13);
    for (let trial = 0; trial < 20_000; trial++) {
      const modes = MODE_SETS[Math.floor(next() * MODE_SETS.length)]!;
      const fuel = Float64Array.from(modes, (m) => FUEL_PER_UNIT[m]);
      const navigate = Float64Array.from(modes, (m) => NAVIGATE_MULTIPLIER[m]);
      const speed = 1 + Math.floor(next() * 50);
      const m = Math.floor(next() * modes.length);
      // The longest distance that rounds to u units.
      const d = Math.floor(next() * 800) + 0.4999;
      const reach = legReach(legFuel(d, fuel[m]!), legSeconds(d, navigate[m]!, speed) + 1e-9, fuel, navigate, speed);
      expect(d, `trial ${trial}`).toBeLessThanOrEqual(reach);
    }
  });

  it('stops where the fuel or the time left stops the fastest leg', () => {
    const fuel = Float64Array.from([2, 1, 0]);
    const navigate = Float64Array.from([12.5, 25, 250]);
    // 10 units of fuel: BURN 5 units, CRUISE 10; DRIFT as far as 100 s allow at speed 30 (about 10 units).
    expect(legReach(10, 100, fuel, navigate, 30)).toBeLessThan(13);
    // An empty tank flies nowhere.
    expect(legReach(0, 1000, fuel, navigate, 30)).toBe(0);
  });
});
