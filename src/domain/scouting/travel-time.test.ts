import { describe, expect, it } from 'vitest';
import { FLIGHT_MODES, travelSeconds } from '../navigation/flight-mode.js';
import { fastestFuelFreeLeg, tanklessLegSeconds } from './travel-time.js';

const probe = { engineSpeed: 9, fuelCapacity: 0 };

describe('travel time for a ship without a fuel tank', () => {
  it('flies the fastest mode, since no mode costs it fuel', () => {
    const leg = fastestFuelFreeLeg(120, probe);
    expect(leg.seconds).toBe(Math.min(...FLIGHT_MODES.map((mode) => travelSeconds(120, mode, 9))));
    expect(leg).toEqual({ mode: 'BURN', seconds: travelSeconds(120, 'BURN', 9) });
  });

  it('costs nothing to stay at the same waypoint, but the minimum leg between two at distance 0', () => {
    const legSeconds = tanklessLegSeconds(probe);
    const planet = { symbol: 'X1-A-P1', x: 10, y: -4 };
    const moon = { symbol: 'X1-A-M1', x: 10, y: -4 };
    expect(legSeconds(planet, { ...planet })).toBe(0);
    expect(legSeconds(planet, moon)).toBe(travelSeconds(0, 'BURN', 9));
    expect(legSeconds(planet, moon)).toBeGreaterThan(0);
  });

  it('is symmetric and grows with distance and shrinks with engine speed', () => {
    const a = { symbol: 'A', x: 0, y: 0 };
    const b = { symbol: 'B', x: 300, y: 400 };
    const c = { symbol: 'C', x: 30, y: 40 };
    const slow = tanklessLegSeconds(probe);
    expect(slow(a, b)).toBe(slow(b, a));
    expect(slow(a, b)).toBeGreaterThan(slow(a, c));
    expect(tanklessLegSeconds({ engineSpeed: 30, fuelCapacity: 0 })(a, b)).toBeLessThan(slow(a, b));
  });

  it('refuses a ship with a tank: its tours need refuelling stops', () => {
    expect(() => tanklessLegSeconds({ engineSpeed: 30, fuelCapacity: 400 })).toThrow(/refuelling/);
  });
});
