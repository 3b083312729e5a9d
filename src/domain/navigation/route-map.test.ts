import { describe, expect, it } from 'vitest';
import type { NavWaypoint } from './route.js';
import { RouteMap } from './route-map.js';

const wp = (symbol: string, systemSymbol = 'X1-A', jumpsTo?: string[]): NavWaypoint => ({
  symbol,
  systemSymbol,
  x: 0,
  y: 0,
  sellsFuel: false,
  jumpsTo,
});

describe('RouteMap', () => {
  it('finds a waypoint by symbol the same way on the first lookups (a scan) and on later ones (the index)', () => {
    // A symbol listed twice resolves to its last entry, as an index built from the list keeps it.
    const map = new RouteMap([wp('A'), wp('B'), wp('A'), wp('C')]);
    const asked = ['A', 'B', 'C', 'Z'];
    const answers = [...asked, ...asked, ...asked].map((symbol) => map.indexOf(symbol));
    expect(answers).toEqual([2, 1, 3, undefined, 2, 1, 3, undefined, 2, 1, 3, undefined]);
  });

  it('resolves jumps by symbol from the start', () => {
    const map = new RouteMap([wp('A-G', 'X1-A', ['B-G']), wp('B-G', 'X1-B', ['A-G']), wp('B-P', 'X1-B')]);
    expect(map.jumps[0]!.map((j) => j.to)).toEqual([1]);
    expect(map.jumps[1]!.map((j) => j.to)).toEqual([0]);
    expect(map.indexOf('B-P')).toBe(2);
  });
});
