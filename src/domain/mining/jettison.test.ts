import { describe, expect, it } from 'vitest';
import { EXTRACTIONS_BEFORE_MOVING_ON, goodsToJettison, spaceWorth, yieldsNothingSellable } from './jettison.js';

const WORTH: Record<string, number | undefined> = {
  IRON_ORE: 40,
  ICE_WATER: 5,
  QUARTZ_SAND: 12,
  UNPRICED: undefined,
  JUNK: 0,
};
const worth = (good: string) => (good in WORTH ? WORTH[good] : 0);
const hold = [
  { symbol: 'IRON_ORE', units: 10 },
  { symbol: 'ICE_WATER', units: 6 },
  { symbol: 'QUARTZ_SAND', units: 4 },
  { symbol: 'UNPRICED', units: 3 },
  { symbol: 'JUNK', units: 2 },
];

describe('the jettison rule', () => {
  it('values the space a unit takes by what would replace it, net of the time to mine that', () => {
    // A mined unit is worth 30; it takes 14 s to mine and carries 6 s of the trip: space is worth 30 × 6/20.
    expect(spaceWorth(30, 14, 6)).toBe(9);
    expect(spaceWorth(30, 0, 6)).toBe(30);
    expect(spaceWorth(0, 14, 6)).toBe(0);
  });

  it('dumps goods worth less than their space and goods nobody buys; keeps the unpriced and the kept', () => {
    expect(goodsToJettison(hold, worth, 9).map((i) => i.symbol)).toEqual(['ICE_WATER', 'JUNK']);
    expect(goodsToJettison(hold, worth, 15).map((i) => i.symbol)).toEqual(['ICE_WATER', 'QUARTZ_SAND', 'JUNK']);
    expect(goodsToJettison(hold, worth, 15, ['ICE_WATER', 'JUNK']).map((i) => i.symbol)).toEqual(['QUARTZ_SAND']);
    expect(goodsToJettison(hold, worth, 0).map((i) => i.symbol)).toEqual(['JUNK']);
  });

  it('dumps all units of a good it dumps', () => {
    expect(goodsToJettison(hold, worth, 9)).toEqual([
      { symbol: 'ICE_WATER', units: 6 },
      { symbol: 'JUNK', units: 2 },
    ]);
  });

  it('takes an asteroid for worthless only when none of its yields was ever kept, not after a run of bad draws', () => {
    const n = EXTRACTIONS_BEFORE_MOVING_ON;
    expect(yieldsNothingSellable({ extractions: n, kept: 0 })).toBe(true);
    expect(yieldsNothingSellable({ extractions: n - 1, kept: 0 })).toBe(false);
    // Two yields in three are ores nobody buys: a dozen dumped in a row after some kept is chance.
    expect(yieldsNothingSellable({ extractions: 3 * n, kept: 1 })).toBe(false);
  });
});
