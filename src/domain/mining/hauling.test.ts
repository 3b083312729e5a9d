import { describe, expect, it } from 'vitest';
import { type HaulerState, haulerShouldLeave, minerMove, transferPlan } from './hauling.js';

const prices: Record<string, number> = { IRON_ORE: 40, COPPER_ORE: 60, QUARTZ_SAND: 20 };
const worth = (good: string) => prices[good];

describe('transferPlan', () => {
  it('hands over the most valuable goods first, as much as fits', () => {
    const hold = [
      { symbol: 'QUARTZ_SAND', units: 10 },
      { symbol: 'IRON_ORE', units: 15 },
      { symbol: 'COPPER_ORE', units: 5 },
    ];
    expect(transferPlan(hold, 12, worth)).toEqual([
      { symbol: 'COPPER_ORE', units: 5 },
      { symbol: 'IRON_ORE', units: 7 },
    ]);
    expect(transferPlan(hold, 100, worth).reduce((s, i) => s + i.units, 0)).toBe(30);
    expect(transferPlan(hold, 0, worth)).toEqual([]);
  });

  it('puts goods of unknown worth last', () => {
    expect(
      transferPlan(
        [
          { symbol: 'ICE_WATER', units: 3 },
          { symbol: 'QUARTZ_SAND', units: 3 },
        ],
        4,
        worth,
      ),
    ).toEqual([
      { symbol: 'QUARTZ_SAND', units: 3 },
      { symbol: 'ICE_WATER', units: 1 },
    ]);
  });
});

describe('minerMove', () => {
  const hauler = (over: Partial<HaulerState>): HaulerState => ({
    location: 'X1-MN-B',
    status: 'IN_ORBIT',
    destination: 'X1-MN-B',
    arrival: 0,
    room: 50,
    ...over,
  });
  const base = {
    asteroid: 'X1-MN-B',
    inventory: [{ symbol: 'IRON_ORE', units: 40 }],
    worth,
    waitingSince: 1_000,
    now: 1_000,
    maxWaitMs: 10_000,
    pollMs: 2_000,
  };

  it('transfers when the hauler is at the asteroid at rest with room, docked or in orbit', () => {
    expect(minerMove({ ...base, hauler: hauler({}) })).toEqual({
      kind: 'transfer',
      items: [{ symbol: 'IRON_ORE', units: 40 }],
    });
    expect(minerMove({ ...base, hauler: hauler({ status: 'DOCKED', room: 10 }) })).toEqual({
      kind: 'transfer',
      items: [{ symbol: 'IRON_ORE', units: 10 }],
    });
  });

  it('waits for a hauler that is full, away or arriving, never past the bound', () => {
    expect(minerMove({ ...base, hauler: hauler({ room: 0 }) })).toEqual({ kind: 'wait', untilMs: 3_000 });
    expect(minerMove({ ...base, hauler: hauler({ location: 'X1-MN-A' }) })).toEqual({ kind: 'wait', untilMs: 3_000 });
    const arriving = hauler({ status: 'IN_TRANSIT', location: 'X1-MN-B', arrival: 6_000 });
    expect(minerMove({ ...base, hauler: arriving })).toEqual({ kind: 'wait', untilMs: 6_050 });
    expect(minerMove({ ...base, now: 9_000, hauler: hauler({ room: 0 }) })).toEqual({ kind: 'wait', untilMs: 11_000 });
    const late = hauler({ status: 'IN_TRANSIT', arrival: 60_000 });
    expect(minerMove({ ...base, hauler: late })).toEqual({ kind: 'wait', untilMs: 11_000 });
  });

  it('falls back to unloading itself once it has waited the bound, saying where the hauler is', () => {
    const move = minerMove({ ...base, now: 11_000, hauler: hauler({ location: 'X1-MN-A', status: 'DOCKED' }) });
    expect(move).toEqual({ kind: 'fallback', reason: 'the hauler is at X1-MN-A' });
    expect(minerMove({ ...base, now: 11_000, hauler: hauler({ room: 0 }) })).toEqual({
      kind: 'fallback',
      reason: 'the hauler is at X1-MN-B with a full hold',
    });
  });

  it('still transfers past the bound when the hauler is there with room', () => {
    expect(minerMove({ ...base, now: 50_000, hauler: hauler({}) }).kind).toBe('transfer');
  });
});

describe('haulerShouldLeave', () => {
  const base = { capacity: 80, lastArrivalMs: 0, now: 1_000, idleMs: 5_000 };

  it('never leaves empty, however long it waited', () => {
    expect(haulerShouldLeave({ ...base, units: 0, now: 1e9 })).toBe(false);
  });

  it('leaves when less than a tenth of the hold is free', () => {
    expect(haulerShouldLeave({ ...base, units: 72 })).toBe(false);
    expect(haulerShouldLeave({ ...base, units: 73 })).toBe('full');
    expect(haulerShouldLeave({ ...base, units: 80 })).toBe('full');
  });

  it('leaves with a part load when nothing came aboard for the idle time', () => {
    expect(haulerShouldLeave({ ...base, units: 20, now: 4_999 })).toBe(false);
    expect(haulerShouldLeave({ ...base, units: 20, now: 5_000 })).toBe('idle');
  });
});
