import { describe, expect, it } from 'vitest';
import type { NavWaypoint } from '../navigation/route.js';
import { bestUnits, expectedLots, priceAfter } from './price-impact.js';
import { planTrades, type TraderState } from './trade-planner.js';
import { ageDiscount, type GoodQuote, OBSERVATION_HALF_LIFE_SECONDS, parseRouteKey, routeKey } from './trade-route.js';
import { TravelEstimator } from './travel-estimator.js';

const NOW = 1_000_000_000;
const ship: TraderState = { location: 'X1-T-S', fuel: 400, fuelCapacity: 400, cargoCapacity: 40 };
const estimator = (waypoints: NavWaypoint[]) =>
  new TravelEstimator(waypoints, { symbol: 'T-1', engineSpeed: 30, fuelCapacity: 400 });
const point = (symbol: string, x: number, y = 0): NavWaypoint => ({
  symbol: `X1-T-${symbol}`,
  systemSymbol: 'X1-T',
  x,
  y,
  sellsFuel: true,
});
const quote = (
  waypoint: string,
  good: string,
  purchasePrice: number,
  sellPrice: number,
  ageSeconds = 0,
  tradeVolume = 20,
): GoodQuote => ({
  waypoint: `X1-T-${waypoint}`,
  good,
  purchasePrice,
  sellPrice,
  tradeVolume,
  observedAt: NOW - ageSeconds * 1000,
});

describe('price impact', () => {
  it('moves the ask up 5% and the bid down 1.5% per trade volume, fixed within a lot', () => {
    expect(priceAfter('BUY', 100, 20, 20)).toBe(105);
    expect(priceAfter('SELL', 1000, 20, 20)).toBe(985);
    expect(expectedLots('BUY', 100, 20, 45)).toEqual([
      { units: 20, pricePerUnit: 100 },
      { units: 20, pricePerUnit: 105 },
      { units: 5, pricePerUnit: 110 },
    ]);
  });

  it('buys less than the hold when the spread is thin, the whole hold when it is wide', () => {
    const thin = bestUnits({ price: 100, tradeVolume: 20 }, { price: 108, tradeVolume: 20 }, 120);
    // Lot 1 earns 8 a unit, lot 2 about 1, lot 3 would lose (ask 110 against a bid of 105).
    expect(thin.units).toBe(40);
    expect(thin.profit).toBe(20 * (108 - 100) + 20 * (106 - 105));
    const wide = bestUnits({ price: 100, tradeVolume: 20 }, { price: 160, tradeVolume: 20 }, 120);
    expect(wide.units).toBe(120);
    expect(bestUnits({ price: 100, tradeVolume: 20 }, { price: 100, tradeVolume: 20 }, 120).units).toBe(0);
  });

  it('buys no more than the credits pay for', () => {
    const value = bestUnits({ price: 100, tradeVolume: 20 }, { price: 160, tradeVolume: 20 }, 120, 2_550);
    expect(value.units).toBe(25);
    expect(value.cost).toBeLessThanOrEqual(2_550);
  });
});

describe('trade plans', () => {
  it('ranks a stale route below a fresh one of equal value', () => {
    // Two mirror-image routes at the same distance from the ship.
    const travel = estimator([point('S', 0), point('A', 100), point('B', 200), point('C', -100), point('D', -200)]);
    const quotes = [
      quote('A', 'IRON', 100, 49),
      quote('B', 'IRON', 200, 150),
      quote('C', 'COPPER', 100, 49, 3 * 3600),
      quote('D', 'COPPER', 200, 150, 3 * 3600),
    ];
    const rows = planTrades(quotes, ship, travel, { now: NOW, fuelPrice: 0, chains: false });
    expect(rows.map((r) => r.good)).toEqual(['IRON', 'COPPER']);
    expect(rows[1]!.dataAgeSeconds).toBe(3 * 3600);
    expect(rows[1]!.expectedProfit).toBeCloseTo(rows[0]!.expectedProfit * ageDiscount(3 * 3600), -1);
    expect(ageDiscount(OBSERVATION_HALF_LIFE_SECONDS)).toBeCloseTo(0.5);
  });

  it('rows carry the contract keys, with fuel and travel counted', () => {
    const travel = estimator([point('S', 0), point('A', 100), point('B', 200)]);
    const [row] = planTrades([quote('A', 'IRON', 100, 49), quote('B', 'IRON', 200, 150)], ship, travel, {
      now: NOW,
      fuelPrice: 100,
    });
    expect(Object.keys(row!)).toEqual(
      expect.arrayContaining([
        'good',
        'buyAt',
        'sellAt',
        'units',
        'expectedProfit',
        'seconds',
        'creditsPerHour',
        'dataAgeSeconds',
      ]),
    );
    expect(row).toMatchObject({ good: 'IRON', buyAt: 'X1-T-A', sellAt: 'X1-T-B', units: 40 });
    expect(row!.fuelCredits).toBeGreaterThan(0);
    expect(row!.creditsPerHour).toBe(Math.round((row!.expectedProfit * 3600) / row!.seconds));
  });

  it('a chain wins when its second hop is short and pays; it loses when the second hop is long for little', () => {
    const worthIt = estimator([point('S', 0), point('A', 10), point('B', 60), point('C', 70)]);
    const quotes = [
      quote('A', 'IRON', 100, 49),
      quote('B', 'IRON', 200, 150),
      quote('B', 'COPPER', 100, 49),
      quote('C', 'COPPER', 200, 150),
    ];
    const chained = planTrades(quotes, ship, worthIt, { now: NOW, fuelPrice: 0 });
    expect(chained[0]!.legs.map((l) => `${l.good}:${l.buyAt}>${l.sellAt}`)).toEqual([
      'IRON:X1-T-A>X1-T-B',
      'COPPER:X1-T-B>X1-T-C',
    ]);
    expect(chained[0]).toMatchObject({ good: 'IRON+COPPER', buyAt: 'X1-T-A', sellAt: 'X1-T-C' });

    const farAway = estimator([point('S', 0), point('A', 10), point('B', 60), point('C', 3000)]);
    const thinFar = [...quotes.slice(0, 3), quote('C', 'COPPER', 200, 102)];
    const single = planTrades(thinFar, ship, farAway, { now: NOW, fuelPrice: 0 });
    expect(single[0]!.legs).toHaveLength(1);
    expect(single[0]).toMatchObject({ good: 'IRON', buyAt: 'X1-T-A', sellAt: 'X1-T-B' });
    expect(single.some((row) => row.legs.length === 2)).toBe(true);
  });

  it('leaves out reserved routes, and the best rows do not depend on how many are asked for', () => {
    const waypoints = [point('S', 0)];
    const quotes: GoodQuote[] = [];
    for (let i = 0; i < 12; i++) {
      waypoints.push(point(`M${i}`, (i * 37) % 300, (i * 53) % 200));
      quotes.push(quote(`M${i}`, 'IRON', 100 + i * 7, 60 + ((i * 13) % 9) * 20));
      quotes.push(quote(`M${i}`, 'COPPER', 80 + ((i * 5) % 7) * 9, 70 + i * 4));
    }
    const all = planTrades(quotes, ship, estimator(waypoints), { now: NOW, fuelPrice: 70, limit: 1_000 });
    const travel = estimator(waypoints);
    const top = planTrades(quotes, ship, travel, { now: NOW, fuelPrice: 70, limit: 3 });
    expect(top).toEqual(all.slice(0, 3));
    const reserved = new Set([routeKey(top[0]!.legs[0]!)]);
    const next = planTrades(quotes, ship, estimator(waypoints), { now: NOW, fuelPrice: 70, limit: 3, reserved });
    expect(next.flatMap((row) => row.legs).map(routeKey)).not.toContain([...reserved][0]);
  });

  it('writes and reads route keys', () => {
    const key = routeKey({ good: 'IRON_ORE', buyAt: 'X1-AB97-A1', sellAt: 'X1-AB97-B2' });
    expect(key).toBe('route:IRON_ORE:X1-AB97-A1>X1-AB97-B2');
    expect(parseRouteKey(key)).toEqual({ good: 'IRON_ORE', buyAt: 'X1-AB97-A1', sellAt: 'X1-AB97-B2' });
    expect(parseRouteKey('ship:NOVA-1-1')).toBeUndefined();
  });
});
