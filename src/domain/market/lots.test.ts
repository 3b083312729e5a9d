import { describe, expect, it } from 'vitest';
import { type LedgerEntry, ledgerEntryFor, ledgerTotals, unexplainedCredits } from './ledger.js';
import { nextLot, priceWithinLimit, splitIntoLots } from './lots.js';
import { describeAge, observationAgeSeconds } from './market.js';

describe('splitIntoLots', () => {
  it('never makes a lot larger than the trade volume, and fills all but the last', () => {
    expect(splitIntoLots(45, 20)).toEqual([20, 20, 5]);
    expect(splitIntoLots(40, 20)).toEqual([20, 20]);
    expect(splitIntoLots(3, 20)).toEqual([3]);
    expect(splitIntoLots(0, 20)).toEqual([]);
  });

  it('moves exactly the units asked for, whatever the volume', () => {
    for (let units = 0; units < 70; units++)
      for (const volume of [1, 6, 10, 20, 60]) {
        const lots = splitIntoLots(units, volume);
        expect(lots.reduce((a, b) => a + b, 0)).toBe(units);
        expect(lots.every((lot) => lot >= 1 && lot <= volume)).toBe(true);
      }
  });

  it('refuses nonsense', () => {
    expect(() => splitIntoLots(-1, 20)).toThrow(/whole number/);
    expect(() => splitIntoLots(1.5, 20)).toThrow(/whole number/);
    expect(() => splitIntoLots(5, 0)).toThrow(/trade volume/);
  });
});

describe('price limits', () => {
  it('a purchase pays at most the maximum, a sale takes at least the minimum', () => {
    expect(priceWithinLimit('BUY', 100, 100)).toBe(true);
    expect(priceWithinLimit('BUY', 101, 100)).toBe(false);
    expect(priceWithinLimit('SELL', 100, 100)).toBe(true);
    expect(priceWithinLimit('SELL', 99, 100)).toBe(false);
    expect(priceWithinLimit('SELL', 1, undefined)).toBe(true);
  });

  it('stops before a lot whose expected price crosses the limit', () => {
    expect(nextLot({ side: 'BUY', unitsLeft: 30, tradeVolume: 20, price: 50, limit: 60 })).toEqual({ units: 20 });
    expect(nextLot({ side: 'BUY', unitsLeft: 10, tradeVolume: 20, price: 61, limit: 60 })).toEqual({
      stop: 'PRICE_LIMIT',
    });
    expect(nextLot({ side: 'SELL', unitsLeft: 10, tradeVolume: 20, price: 39, limit: 40 })).toEqual({
      stop: 'PRICE_LIMIT',
    });
    expect(nextLot({ side: 'SELL', unitsLeft: 0, tradeVolume: 20, price: 39, limit: 40 })).toEqual({ done: true });
  });

  it('buys only what the credits pay for at the expected price, and stops when not one unit', () => {
    expect(nextLot({ side: 'BUY', unitsLeft: 20, tradeVolume: 20, price: 100, credits: 750 })).toEqual({ units: 7 });
    expect(nextLot({ side: 'BUY', unitsLeft: 20, tradeVolume: 20, price: 100, credits: 99 })).toEqual({
      stop: 'NO_CREDITS',
    });
    // Credits do not limit a sale.
    expect(nextLot({ side: 'SELL', unitsLeft: 20, tradeVolume: 20, price: 100, credits: 0 })).toEqual({ units: 20 });
  });
});

describe('observations and the ledger', () => {
  it('ages in whole seconds and reads as a player would say it', () => {
    expect(observationAgeSeconds(1_000, 62_500)).toBe(61);
    expect(observationAgeSeconds(5_000, 1_000)).toBe(0);
    expect(describeAge(45)).toBe('45s');
    expect(describeAge(61)).toBe('1m');
    expect(describeAge(3 * 3600 + 5 * 60)).toBe('3h 5m');
    expect(describeAge(2 * 86400)).toBe('2d');
  });

  it('signs credits: a purchase spends, a sale earns, a refuel is fuel', () => {
    const trade = {
      waypoint: 'X1-A-1',
      ship: 'S-1',
      good: 'IRON',
      units: 5,
      pricePerUnit: 10,
      totalPrice: 50,
      at: 7,
    };
    expect(ledgerEntryFor({ ...trade, type: 'PURCHASE' })).toMatchObject({ kind: 'PURCHASE', credits: -50 });
    expect(ledgerEntryFor({ ...trade, type: 'SELL' })).toMatchObject({ kind: 'SALE', credits: 50 });
    expect(ledgerEntryFor({ ...trade, good: 'FUEL', type: 'PURCHASE' }, { refuel: true })).toMatchObject({
      kind: 'FUEL',
      credits: -50,
    });
  });
});

describe('reconciling the ledger with the credits', () => {
  const row = (credits: number, balanceAfter: number | null, kind: LedgerEntry['kind'] = 'PURCHASE'): LedgerEntry => ({
    at: 0,
    ship: 'S-1',
    kind,
    good: kind === 'FUEL' ? 'FUEL' : 'IRON',
    units: 1,
    credits,
    waypoint: 'X1-A-1',
    pricePerUnit: Math.abs(credits),
    balanceAfter,
  });

  it('explains everything when every balance follows from the one before', () => {
    const rows = [row(-100, 900), row(-50, 850, 'FUEL'), row(300, 1150, 'SALE')];
    expect(unexplainedCredits(rows, 1150)).toBe(0);
    expect(ledgerTotals(rows, 'kind')).toEqual({ PURCHASE: -100, FUEL: -50, SALE: 300 });
    expect(ledgerTotals(rows, 'ship')).toEqual({ 'S-1': 150 });
  });

  it('reports a movement no row explains, between rows and since the last one', () => {
    expect(unexplainedCredits([row(-100, 900), row(-100, 700)], 700)).toBe(-100);
    expect(unexplainedCredits([row(-100, 900)], 5_900)).toBe(5_000);
    // An unknown balance carries the last known one forward by the row's credits.
    expect(unexplainedCredits([row(-100, 900), row(-100, null), row(-100, 700)], 700)).toBe(0);
    expect(unexplainedCredits([], 700)).toBe(0);
  });
});
