import { describe, expect, it } from 'vitest';
import { type FeederState, feederMove, unitsStillToFeed } from './feeding.js';

const state = (over: Partial<FeederState> = {}): FeederState => ({
  good: 'IRON_ORE',
  contractOpen: true,
  stillRequired: 60,
  inventory: [],
  space: 15,
  fed: { here: true, holds: 10, room: 30 },
  waitedMs: 0,
  maxWaitMs: 280_000,
  ...over,
});

describe('feederMove', () => {
  it('hands only the contract good, never more than the contract ship has room for or the contract still needs', () => {
    const inventory = [
      { symbol: 'COPPER_ORE', units: 6 },
      { symbol: 'IRON_ORE', units: 9 },
    ];
    expect(feederMove(state({ inventory, space: 0 }))).toEqual({ kind: 'hand', units: 9 });
    expect(feederMove(state({ inventory, fed: { here: true, holds: 10, room: 4 } }))).toEqual({
      kind: 'hand',
      units: 4,
    });
    // 60 still required, 55 already aboard the contract ship: 5 more.
    expect(feederMove(state({ inventory, fed: { here: true, holds: 55, room: 30 } }))).toEqual({
      kind: 'hand',
      units: 5,
    });
  });

  it('mines while the contract ship is away or full and the hold has room', () => {
    const inventory = [{ symbol: 'IRON_ORE', units: 3 }];
    expect(feederMove(state({ inventory, fed: { here: false, holds: 10, room: 30 } }))).toEqual({ kind: 'mine' });
    expect(feederMove(state({ inventory, fed: { here: true, holds: 10, room: 0 } }))).toEqual({ kind: 'mine' });
    expect(feederMove(state({ inventory: [] }))).toEqual({ kind: 'mine' });
  });

  it('with a full hold dumps every other good (they only take the contract good’s room)', () => {
    const inventory = [
      { symbol: 'COPPER_ORE', units: 6 },
      { symbol: 'QUARTZ_SAND', units: 3 },
      { symbol: 'IRON_ORE', units: 6 },
    ];
    expect(feederMove(state({ inventory, space: 0, fed: { here: false, holds: 0, room: 40 } }))).toEqual({
      kind: 'dump',
      items: [
        { symbol: 'COPPER_ORE', units: 6 },
        { symbol: 'QUARTZ_SAND', units: 3 },
      ],
    });
  });

  it('full of the good with the contract ship away: waits for it, then delivers itself', () => {
    const inventory = [{ symbol: 'IRON_ORE', units: 15 }];
    const away = { here: false, holds: 0, room: 40 };
    expect(feederMove(state({ inventory, space: 0, fed: away, waitedMs: 0 }))).toEqual({ kind: 'wait' });
    expect(feederMove(state({ inventory, space: 0, fed: away, waitedMs: 279_999 }))).toEqual({ kind: 'wait' });
    expect(feederMove(state({ inventory, space: 0, fed: away, waitedMs: 280_000 }))).toEqual({ kind: 'deliver' });
  });

  it('ends when the contract is closed, delivered, or all it still needs is aboard the contract ship', () => {
    expect(feederMove(state({ contractOpen: false }))).toMatchObject({
      kind: 'done',
      reason: expect.stringMatching(/no longer open/),
    });
    expect(feederMove(state({ stillRequired: 0 }))).toMatchObject({
      kind: 'done',
      reason: 'every unit of IRON_ORE is delivered',
    });
    expect(feederMove(state({ stillRequired: 40, fed: { here: true, holds: 40, room: 0 } }))).toMatchObject({
      kind: 'done',
      reason: 'the contract ship holds the 40 IRON_ORE still required',
    });
  });
});

describe('unitsStillToFeed', () => {
  it('is what the contract still needs beyond the contract ship’s hold, never below 0', () => {
    expect(unitsStillToFeed(60, 25)).toBe(35);
    expect(unitsStillToFeed(20, 25)).toBe(0);
  });
});
