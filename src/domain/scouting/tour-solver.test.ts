import { describe, expect, it } from 'vitest';
import { bruteForceTourSeconds, orderSeconds, randomWaypoints } from './fixtures.js';
import { tourLowerBound } from './lower-bound.js';
import { buildPathProblem, type TourKind } from './path-problem.js';
import { mulberry32 } from '../random.js';
import { solveTour } from './tour-solver.js';
import { type TourWaypoint, tanklessLegSeconds } from './travel-time.js';

const KINDS: TourKind[] = ['open', 'closed'];
const SPEEDS = [3, 10, 30];

/** A probe somewhere in a random system and the stops it must visit (sometimes its own waypoint too). */
function instance(random: () => number, stops: number) {
  const waypoints = randomWaypoints(random, stops + 1, 300);
  const start = waypoints[0]!;
  const rest = waypoints.slice(1);
  if (stops > 0 && random() < 0.3) rest[Math.floor(random() * stops)] = start; // the probe sits at a market
  const legSeconds = tanklessLegSeconds({ engineSpeed: SPEEDS[Math.floor(random() * 3)]!, fuelCapacity: 0 });
  return { start, stops: rest, legSeconds };
}

function visits(stops: readonly TourWaypoint[], order: readonly number[]): TourWaypoint[] {
  return order.map((index) => stops[index]!);
}

describe('solveTour: exact up to 12 stops', () => {
  for (const kind of KINDS) {
    it(`equals brute force (every order) on every instance of 0 to 8 stops (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 11 : 12);
      for (let n = 0; n <= 8; n++) {
        for (let trial = 0; trial < 25; trial++) {
          const { start, stops, legSeconds } = instance(random, n);
          const tour = solveTour(start, stops, legSeconds, kind);
          expect(tour.exact).toBe(true);
          expect([...tour.order].sort((a, b) => a - b)).toEqual(stops.map((_, i) => i));
          expect(orderSeconds(start, visits(stops, tour.order), legSeconds, kind)).toBe(tour.seconds);
          expect(tour.seconds).toBe(bruteForceTourSeconds(start, stops, legSeconds, kind));
        }
      }
    });

    it(`the heuristic alone (no Held–Karp) is never below brute force and almost always equal (${kind}; measured 200 of 200)`, () => {
      const random = mulberry32(kind === 'open' ? 21 : 22);
      let equal = 0;
      let total = 0;
      for (let n = 1; n <= 8; n++) {
        for (let trial = 0; trial < 25; trial++) {
          const { start, stops, legSeconds } = instance(random, n);
          const tour = solveTour(start, stops, legSeconds, kind, { exactUpTo: 0 });
          const optimal = bruteForceTourSeconds(start, stops, legSeconds, kind);
          expect(tour.exact).toBe(false);
          expect(orderSeconds(start, visits(stops, tour.order), legSeconds, kind)).toBe(tour.seconds);
          expect(tour.seconds).toBeGreaterThanOrEqual(optimal);
          equal += tour.seconds === optimal ? 1 : 0;
          total += 1;
        }
      }
      expect(equal / total).toBeGreaterThanOrEqual(0.98);
    });
  }
});

describe('solveTour: heuristic beyond 12 stops, against the Held–Karp lower bound', () => {
  // Measured on these seeds: worst 1.0097 open, 1.0143 closed; mean 1.0020 open, 1.0033 closed.
  const WORST_GAP = 1.025;
  const MEAN_GAP = 1.01;
  for (const kind of KINDS) {
    it(`is within a few percent of the lower bound on 20–60 stops (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 31 : 32);
      const gaps: number[] = [];
      for (const n of [20, 30, 40, 50, 60]) {
        for (let trial = 0; trial < 4; trial++) {
          const { start, stops, legSeconds } = instance(random, n);
          const tour = solveTour(start, stops, legSeconds, kind);
          expect(orderSeconds(start, visits(stops, tour.order), legSeconds, kind)).toBe(tour.seconds);
          const bound = tourLowerBound(buildPathProblem(start, stops, legSeconds, kind), tour.seconds);
          gaps.push(tour.seconds / bound);
        }
      }
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(WORST_GAP);
      expect(gaps.reduce((a, b) => a + b) / gaps.length).toBeLessThanOrEqual(MEAN_GAP);
    });
  }
});

describe('solveTour: edge cases', () => {
  const legSeconds = tanklessLegSeconds({ engineSpeed: 10, fuelCapacity: 0 });
  const home = { symbol: 'X1-A-H', x: 0, y: 0 };
  const far = { symbol: 'X1-A-F', x: 200, y: 0 };

  it('with no stops there is nothing to fly', () => {
    for (const kind of KINDS)
      expect(solveTour(home, [], legSeconds, kind)).toEqual({ order: [], seconds: 0, exact: true });
  });

  it('one stop: one leg there, and one back for a patrol', () => {
    const leg = legSeconds(home, far);
    expect(solveTour(home, [far], legSeconds, 'open')).toMatchObject({ order: [0], seconds: leg });
    expect(solveTour(home, [far], legSeconds, 'closed')).toMatchObject({ order: [0], seconds: 2 * leg });
  });

  it('a stop at the start costs nothing', () => {
    expect(solveTour(home, [{ ...home }], legSeconds, 'closed').seconds).toBe(0);
    expect(solveTour(home, [far, { ...home }], legSeconds, 'open')).toMatchObject({ order: [1, 0] });
  });

  it('visits waypoints at distance 0 (a planet, its moon, its station) one after another', () => {
    const planet = { symbol: 'X1-A-P', x: 150, y: 90 };
    const cluster = [planet, { ...planet, symbol: 'X1-A-M' }, { ...planet, symbol: 'X1-A-S' }];
    const stops = [cluster[0]!, far, cluster[1]!, { symbol: 'X1-A-B', x: -120, y: 40 }, cluster[2]!];
    for (const kind of KINDS) {
      for (const exactUpTo of [12, 0]) {
        const tour = solveTour(home, stops, legSeconds, kind, { exactUpTo });
        const positions = [0, 2, 4].map((index) => tour.order.indexOf(index)).sort((a, b) => a - b);
        expect(positions[2]! - positions[0]!).toBe(2);
        expect(tour.seconds).toBe(bruteForceTourSeconds(home, stops, legSeconds, kind));
      }
    }
  });

  it('is deterministic', () => {
    const random = mulberry32(5);
    const { start, stops, legSeconds: legs } = instance(random, 40);
    expect(solveTour(start, stops, legs, 'closed')).toEqual(solveTour(start, stops, legs, 'closed'));
  });
});
