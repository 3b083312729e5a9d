import { describe, expect, it } from 'vitest';
import { depositShare, estimateMiningSeconds, miningRate } from './mining-estimate.js';

describe('miningRate', () => {
  it('sums the lasers strengths and gives 60 s + 10 s per power of cooldown', () => {
    expect(miningRate(['MOUNT_MINING_LASER_II', 'MOUNT_SURVEYOR_II'])).toEqual({
      unitsPerExtraction: 5,
      cooldownSeconds: 80,
    });
    expect(miningRate(['MOUNT_MINING_LASER_I', 'MOUNT_MINING_LASER_I'])).toEqual({
      unitsPerExtraction: 6,
      cooldownSeconds: 80,
    });
    expect(miningRate(['MOUNT_MINING_LASER_I'])).toEqual({ unitsPerExtraction: 3, cooldownSeconds: 70 });
  });
});

describe('depositShare', () => {
  it('is the good among the deposits of every trait, a good listed under two traits counting twice', () => {
    expect(depositShare('MERITIUM_ORE', ['RARE_METAL_DEPOSITS'])).toBe(1 / 2);
    // COMMON_METAL (6 goods) + MINERAL (5 goods): ICE_WATER is listed under both.
    expect(depositShare('ICE_WATER', ['COMMON_METAL_DEPOSITS', 'MINERAL_DEPOSITS'])).toBe(2 / 11);
    expect(depositShare('GOLD_ORE', ['COMMON_METAL_DEPOSITS'])).toBe(0);
    expect(depositShare('GOLD_ORE', [])).toBe(0);
  });
});

describe('estimateMiningSeconds with the ship and the asteroid', () => {
  it('is faster with more lasers and where the good is a larger share of the deposits', () => {
    const base = { units: 40, good: 'ICE_WATER' };
    const one = estimateMiningSeconds({
      ...base,
      mounts: ['MOUNT_MINING_LASER_II'],
      traits: ['COMMON_METAL_DEPOSITS'],
    });
    // 40 units at 5 × 1/6 a pull: 48 pulls of 80 s.
    expect(one).toBe(48 * 80);
    const two = estimateMiningSeconds({
      ...base,
      mounts: ['MOUNT_MINING_LASER_II', 'MOUNT_MINING_LASER_II'],
      traits: ['COMMON_METAL_DEPOSITS'],
    });
    // Strength 10, power 4: 24 pulls of 100 s.
    expect(two).toBe(24 * 100);
    const richer = estimateMiningSeconds({
      ...base,
      mounts: ['MOUNT_MINING_LASER_II'],
      traits: ['COMMON_METAL_DEPOSITS', 'MINERAL_DEPOSITS'],
    });
    // Share 2/11: ceil(40 / (5 × 2/11)) = 44 pulls.
    expect(richer).toBe(44 * 80);
    expect(estimateMiningSeconds({ ...base, units: 0, mounts: [], traits: [] })).toBe(0);
  });
});
