import { describe, expect, it } from 'vitest';
import { distance, fuelCost, jumpCooldownSeconds, marketUnitsForFuel, travelSeconds } from './flight-mode.js';

describe('flight-mode formulas', () => {
  it('measures Euclidean distance; orbitals at the same coordinates are 0 apart', () => {
    expect(distance({ x: 0, y: 0 }, { x: 3, y: 4 })).toBe(5);
    expect(distance({ x: 7, y: -2 }, { x: 7, y: -2 })).toBe(0);
  });

  it('charges fuel per mode on the rounded distance', () => {
    expect(fuelCost(44.6, 'CRUISE')).toBe(45);
    expect(fuelCost(44.6, 'STEALTH')).toBe(45);
    expect(fuelCost(44.6, 'BURN')).toBe(90);
    expect(fuelCost(44.6, 'DRIFT')).toBe(1);
    expect(fuelCost(0, 'CRUISE')).toBe(1);
    expect(fuelCost(0, 'BURN')).toBe(2);
    expect(fuelCost(100, 'CRUISE', 0)).toBe(0);
  });

  it('times a navigation as round(max(1, D) * multiplier / speed + 15)', () => {
    // D = 100, speed 30: CRUISE 25*100/30 + 15 = 98.33 -> 98
    expect(travelSeconds(100, 'CRUISE', 30)).toBe(98);
    expect(travelSeconds(100, 'BURN', 30)).toBe(57); // 12.5*100/30 + 15 = 56.67
    expect(travelSeconds(100, 'DRIFT', 30)).toBe(848); // 250*100/30 + 15 = 848.33
    expect(travelSeconds(100, 'STEALTH', 30)).toBe(115);
    expect(travelSeconds(0, 'CRUISE', 30)).toBe(16); // max(1, 0) * 25/30 + 15 = 15.83
  });

  it('keeps DRIFT slower than CRUISE slower than BURN at any distance', () => {
    for (const d of [0, 1, 10, 57.3, 400]) {
      expect(travelSeconds(d, 'DRIFT', 10)).toBeGreaterThan(travelSeconds(d, 'CRUISE', 10));
      expect(travelSeconds(d, 'CRUISE', 10)).toBeGreaterThanOrEqual(travelSeconds(d, 'BURN', 10));
    }
  });

  it('times warps with the warp multipliers', () => {
    expect(travelSeconds(100, 'CRUISE', 10, 'warp')).toBe(515);
  });

  it('computes the jump cooldown from system distance', () => {
    expect(jumpCooldownSeconds(1527)).toBe(473);
  });

  it('prices refuels per started 100 units of ship fuel', () => {
    expect(marketUnitsForFuel(100)).toBe(1);
    expect(marketUnitsForFuel(101)).toBe(2);
    expect(marketUnitsForFuel(0)).toBe(0);
  });
});
