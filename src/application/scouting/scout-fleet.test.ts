import { describe, expect, it } from 'vitest';
import type { CachedSystem } from '../../ports/system-repository.js';
import { requireScoutShips, scoutStops } from './scout-fleet.js';

const waypoint = (symbol: string, x: number, traits: string[]) =>
  ({
    symbol,
    systemSymbol: 'X1-A',
    type: 'PLANET',
    x,
    y: 0,
    orbitals: [],
    traits: traits.map((t) => ({ symbol: t })),
  }) as never;

describe('scoutStops', () => {
  it('is every marketplace and every shipyard once, in symbol order, saying what to read at each', () => {
    const system: CachedSystem = {
      systemSymbol: 'X1-A',
      waypoints: [
        waypoint('X1-A-4', 4, ['SHIPYARD']),
        waypoint('X1-A-1', 1, ['MARKETPLACE', 'SHIPYARD']),
        waypoint('X1-A-3', 3, ['OCEAN']),
        waypoint('X1-A-2', 2, ['MARKETPLACE']),
        waypoint('X1-A-5', 5, []),
      ],
      // A market the cached listings know although its trait was not seen: still a stop.
      markets: [{ symbol: 'X1-A-5', imports: [], exports: [], exchange: [] }] as never,
      syncedAt: 0,
    };
    expect(scoutStops(system)).toEqual([
      { symbol: 'X1-A-1', x: 1, y: 0, market: true, shipyard: true },
      { symbol: 'X1-A-2', x: 2, y: 0, market: true, shipyard: false },
      { symbol: 'X1-A-4', x: 4, y: 0, market: false, shipyard: true },
      { symbol: 'X1-A-5', x: 5, y: 0, market: true, shipyard: false },
    ]);
  });
});

describe('requireScoutShips', () => {
  it('upper-cases the ships and refuses none, a bad symbol or one named twice', () => {
    expect(requireScoutShips(['nova-1-2', 'NOVA-1-3'])).toEqual(['NOVA-1-2', 'NOVA-1-3']);
    expect(() => requireScoutShips([])).toThrow('name at least one ship');
    expect(() => requireScoutShips('NOVA-1-2')).toThrow('name at least one ship');
    expect(() => requireScoutShips(['NO VA'])).toThrow('invalid ship symbol');
    expect(() => requireScoutShips(['NOVA-1-2', 'nova-1-2'])).toThrow('ship NOVA-1-2 is named twice');
  });
});
