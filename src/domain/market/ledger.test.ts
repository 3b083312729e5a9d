import { describe, expect, it } from 'vitest';
import { type CreditBaseline, creditHistory, type LedgerEntry, unexplainedCredits } from './ledger.js';

/** A ledger row at a moment, with the agent's balance after it when the server gave it. */
function row(at: number, credits: number, balanceAfter: number | null, kind: LedgerEntry['kind'] = 'PURCHASE') {
  return {
    at,
    ship: 'S-1',
    kind,
    good: kind === 'ANTIMATTER' ? 'ANTIMATTER' : 'IRON',
    units: 1,
    credits,
    waypoint: 'X1-A-1',
    pricePerUnit: Math.abs(credits),
    balanceAfter,
  } satisfies LedgerEntry;
}

const registered: CreditBaseline = { at: 100, credits: 175_000 };

describe('reconciling from the credits baseline', () => {
  it('gives 0 for a complete book: every movement since registration recorded', () => {
    const book = [row(200, -2_000, 173_000), row(300, 1_500, 174_500, 'SALE'), row(400, -50, 174_450, 'ANTIMATTER')];
    expect(unexplainedCredits(book, 174_450, [registered])).toBe(0);
  });

  it('shows a movement missing before the first row (which no row alone could reveal)', () => {
    // 500 credits went somewhere before the first recorded purchase.
    const book = [row(200, -2_000, 172_500)];
    expect(unexplainedCredits(book, 172_500)).toBe(0);
    expect(unexplainedCredits(book, 172_500, [registered])).toBe(-500);
  });

  it('shows a movement missing from a book with no rows at all', () => {
    expect(unexplainedCredits([], 174_000, [registered])).toBe(-1_000);
    expect(unexplainedCredits([], 175_000, [registered])).toBe(0);
  });

  it('shows a missing movement between rows, and carries unknown balances forward by their credits', () => {
    const book = [row(200, -2_000, 173_000), row(300, -100, null), row(400, -100, 172_000)];
    expect(unexplainedCredits(book, 172_000, [registered])).toBe(-800);
  });

  it('restarts at a later baseline: a reset and a new registration are no movement', () => {
    const book = [row(200, -2_000, 173_000), row(900, -100, 174_900)];
    expect(unexplainedCredits(book, 174_900, [registered, { at: 800, credits: 175_000 }])).toBe(0);
    expect(unexplainedCredits(book, 174_900, [registered])).toBe(2_000);
  });

  it('puts a baseline before a row of the same moment', () => {
    expect(unexplainedCredits([row(100, -10, 174_990)], 174_990, [registered])).toBe(0);
  });
});

describe('the credits over time', () => {
  it('follows the balances the server gave, from the baseline to now', () => {
    const book = [row(200, -2_000, 173_000), row(300, 1_500, 174_500, 'SALE')];
    expect(creditHistory(book, [registered], { at: 500, credits: 174_500 })).toEqual([
      { at: 100, credits: 175_000 },
      { at: 200, credits: 173_000 },
      { at: 300, credits: 174_500 },
      { at: 500, credits: 174_500 },
    ]);
  });

  it('runs a sum from the last known balance where a row has none', () => {
    const book = [row(200, -2_000, null), row(300, -500, null)];
    expect(creditHistory(book, [registered], { at: 400, credits: 172_500 }).map((p) => p.credits)).toEqual([
      175_000, 173_000, 172_500, 172_500,
    ]);
  });

  it('works back from the first known balance, or from the credits now with none known', () => {
    expect(creditHistory([row(200, -100, null), row(300, -100, 800)], [], { at: 400, credits: 800 })).toEqual([
      { at: 200, credits: 900 },
      { at: 300, credits: 800 },
      { at: 400, credits: 800 },
    ]);
    expect(creditHistory([row(200, -100, null)], [], { at: 400, credits: 500 })).toEqual([
      { at: 200, credits: 500 },
      { at: 400, credits: 500 },
    ]);
    expect(creditHistory([], [], { at: 400, credits: 500 })).toEqual([{ at: 400, credits: 500 }]);
  });
});
