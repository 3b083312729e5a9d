import { describe, expect, it } from 'vitest';
import { arrivalSeconds, secondsUntilNextSweep, withArrivalDelay } from './scout-schedule.js';

const NOW = 1_800_000_000_000;
const ago = (seconds: number) => NOW - seconds * 1000;

describe('secondsUntilNextSweep', () => {
  it('starts at once when a stop was never observed, however fresh the others are', () => {
    const stops = [
      { observedAt: ago(1), arrivalSeconds: 10 },
      { observedAt: null, arrivalSeconds: 500 },
    ];
    expect(secondsUntilNextSweep(NOW, 900, stops)).toBe(0);
  });

  it('waits until the stop that is due first would be reached just as it turns the maximum age', () => {
    // A (seen 100 s ago, reached after 200 s) is due in 900 - 100 - 200 = 600 s; B in 900 - 300 - 50 = 550 s.
    const stops = [
      { observedAt: ago(100), arrivalSeconds: 200 },
      { observedAt: ago(300), arrivalSeconds: 50 },
    ];
    expect(secondsUntilNextSweep(NOW, 900, stops)).toBe(550);
  });

  it('starts at once when a stop is already overdue or the fleet is slower than the maximum age', () => {
    expect(secondsUntilNextSweep(NOW, 900, [{ observedAt: ago(1000), arrivalSeconds: 0 }])).toBe(0);
    expect(secondsUntilNextSweep(NOW, 900, [{ observedAt: ago(0), arrivalSeconds: 1200 }])).toBe(0);
  });

  it('has nothing to wait for without stops', () => {
    expect(secondsUntilNextSweep(NOW, 900, [])).toBe(0);
  });
});

describe('arrivalSeconds and withArrivalDelay', () => {
  const line = (from: number, to: number) => Math.abs(to - from);

  it('adds the legs up in visit order', () => {
    expect(arrivalSeconds(0, [5, 2, 10], line)).toEqual([5, 8, 16]);
  });

  it('charges the rest of the flight to every leg out of the start, symmetrically, and to no other leg', () => {
    const start = { at: 0 };
    const a = { at: 4 };
    const b = { at: 10 };
    const legs = withArrivalDelay(start, 30, (x: { at: number }, y: { at: number }) => Math.abs(x.at - y.at));
    expect([legs(start, a), legs(a, start), legs(a, b)]).toEqual([34, 34, 6]);
    expect(arrivalSeconds(start, [a, b], legs)).toEqual([34, 40]);
  });
});
