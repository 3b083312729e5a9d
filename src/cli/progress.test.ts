import { describe, expect, it } from 'vitest';
import { progressLine } from './progress.js';

describe('the live line of a leg in flight', () => {
  const departed = 1_000_000;
  const arrives = departed + 80_000;

  it('fills the bar with the share of the flight time gone, and counts down to arrival', () => {
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, departed)).toBe(
      '    -> X1-A-B2 [....................]   0%  ETA 1m20s  fuel 162/400',
    );
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, departed + 20_000)).toBe(
      '    -> X1-A-B2 [#####...............]  25%  ETA 1m00s  fuel 162/400',
    );
    expect(progressLine('X1-A-B2', '162/400', departed, arrives, arrives)).toBe(
      '    -> X1-A-B2 [####################] 100%  ETA 0s  fuel 162/400',
    );
  });

  it('stays within bounds when the clock is past the arrival or before the departure', () => {
    expect(progressLine('X1-A-B2', 'no tank', departed, arrives, arrives + 5_000)).toContain(
      '[####################] 100%  ETA 0s  fuel no tank',
    );
    expect(progressLine('X1-A-B2', '1/40', departed, arrives, departed - 5_000)).toContain(
      '[....................]   0%  ETA 1m25s',
    );
  });

  it('treats an instant leg as done', () => {
    expect(progressLine('X1-A-B2', '1/40', departed, departed, departed)).toContain('100%');
  });
});
