import { describe, expect, it } from 'vitest';
import { Ship } from '../../domain/fleet/ship.js';
import type { WaypointDto } from '../../ports/spacetraders-api.js';
import { asteroidYielding, chooseAsteroid, nextAsteroid, spaceWorthAt, yieldsGood } from './mining-plan.js';
import type { MiningSite } from './mining-site.js';

const ship = new Ship({
  symbol: 'NOVA-1-1',
  role: 'COMMAND',
  nav: {
    status: 'IN_ORBIT',
    systemSymbol: 'X1-MN',
    waypointSymbol: 'X1-MN-A',
    flightMode: 'CRUISE',
    origin: 'X1-MN-A',
    destination: 'X1-MN-A',
    departureTime: 0,
    arrival: 0,
  },
  fuel: { current: 400, capacity: 400 },
  cargo: { capacity: 40, units: 0, inventory: [] },
  engineSpeed: 36,
  cooldownUntil: 0,
  modules: [],
  mounts: ['MOUNT_MINING_LASER_I'],
});

function waypoint(symbol: string, type: string, x: number, traits: string[] = []): WaypointDto {
  return { symbol, type, x, y: 0, traits: traits.map((t) => ({ symbol: t })) } as unknown as WaypointDto;
}

function site(prices: Record<string, number>): MiningSite {
  const waypoints = [
    waypoint('X1-MN-A', 'PLANET', 0),
    waypoint('X1-MN-B', 'ASTEROID_FIELD', 30, ['COMMON_METAL_DEPOSITS']),
    waypoint('X1-MN-P', 'ASTEROID', 60, ['PRECIOUS_METAL_DEPOSITS']),
    waypoint('X1-MN-Z', 'ASTEROID_BASE', 5, ['COMMON_METAL_DEPOSITS']),
  ];
  const buys = new Set(['IRON_ORE', 'GOLD_ORE', 'ICE_WATER']);
  return {
    system: 'X1-MN',
    waypoints: new Map(waypoints.map((w) => [w.symbol, w])),
    buyers: new Map([['X1-MN-A', buys]]),
    bestPrice: (g) => prices[g],
    value: (g) => prices[g] ?? (buys.has(g) ? 1 : 0),
    priceAt: (_w, g) => prices[g],
    worth: (g) => prices[g] ?? (buys.has(g) ? undefined : 0),
  };
}

describe('choosing the asteroid', () => {
  it('takes the one that pays best, never a station, and avoids a destabilized one', () => {
    expect(chooseAsteroid(ship, site({ IRON_ORE: 40, GOLD_ORE: 10 }))).toBe('X1-MN-B');
    expect(chooseAsteroid(ship, site({ IRON_ORE: 40, GOLD_ORE: 400 }))).toBe('X1-MN-P');
    expect(chooseAsteroid(ship, site({ IRON_ORE: 40, GOLD_ORE: 400 }), new Set(['X1-MN-P']))).toBe('X1-MN-B');
    expect(() => chooseAsteroid(ship, site({}), new Set(['X1-MN-B', 'X1-MN-P']))).toThrow('no asteroid known in X1-MN');
  });

  it('moves on to the best other asteroid whose deposits some market trades, or to none', () => {
    const s = site({ IRON_ORE: 40, GOLD_ORE: 400 });
    expect(nextAsteroid(ship, s, new Set(['X1-MN-P']))).toBe('X1-MN-B');
    // Nobody buys precious metals: leaving B, there is nowhere to go (P's deposits would all be dumped).
    const noGold = { ...s, worth: (g: string) => (g.endsWith('_ORE') && g !== 'IRON_ORE' ? 0 : s.worth(g)) };
    expect(nextAsteroid(ship, noGold, new Set(['X1-MN-B']))).toBe('');
    expect(nextAsteroid(ship, s, new Set(['X1-MN-B', 'X1-MN-P']))).toBe('');
  });

  it('prices the space a unit takes below the value of a mined unit, and at 0 when nothing is known', () => {
    const worth = spaceWorthAt(ship, site({ IRON_ORE: 60, ICE_WATER: 60 }), 'X1-MN-B', []);
    expect(worth).toBeGreaterThan(0);
    expect(worth).toBeLessThan(20); // two of six common-metal goods at 60: 20 a mined unit
    expect(spaceWorthAt(ship, site({}), 'X1-MN-B', [])).toBeLessThan(1);
  });
});

describe('the asteroid to mine one good at (contracts)', () => {
  it('takes an asteroid whose deposits list the good, never a station, and avoids a destabilized one', () => {
    expect(asteroidYielding(site({}), 'X1-MN-A', 'IRON_ORE')).toBe('X1-MN-B');
    expect(asteroidYielding(site({}), 'X1-MN-A', 'GOLD_ORE')).toBe('X1-MN-P');
    expect(yieldsGood(site({}), 'X1-MN-Z', 'IRON_ORE')).toBe(false);
    expect(() => asteroidYielding(site({}), 'X1-MN-A', 'IRON_ORE', new Set(['X1-MN-B']))).toThrow(
      'no asteroid of X1-MN is known to yield IRON_ORE',
    );
  });

  it('prefers the larger share of the good, then the nearer', () => {
    const s = site({});
    const w = (symbol: string, x: number, traits: string[]) =>
      ({ symbol, type: 'ASTEROID', x, y: 0, traits: traits.map((t) => ({ symbol: t })) }) as unknown as WaypointDto;
    const waypoints = new Map(s.waypoints);
    // Far, but ICE_WATER is 2 of 9 deposits there (ice crystals + mineral) against 1 of 6 at B.
    waypoints.set('X1-MN-I', w('X1-MN-I', 500, ['ICE_CRYSTALS', 'MINERAL_DEPOSITS']));
    waypoints.set('X1-MN-C', w('X1-MN-C', 20, ['COMMON_METAL_DEPOSITS']));
    expect(asteroidYielding({ ...s, waypoints }, 'X1-MN-A', 'ICE_WATER')).toBe('X1-MN-I');
    expect(asteroidYielding({ ...s, waypoints }, 'X1-MN-A', 'IRON_ORE')).toBe('X1-MN-C');
  });
});
