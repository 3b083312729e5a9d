import { describe, expect, it } from 'vitest';
import { bruteForceTourSeconds, randomWaypoints } from './fixtures.js';
import { spanningTreeBound, tourLowerBound } from './lower-bound.js';
import { buildPathProblem, type TourKind } from './path-problem.js';
import { mulberry32 } from '../random.js';
import { solveTour } from './tour-solver.js';
import { tanklessLegSeconds } from './travel-time.js';

const legSeconds = tanklessLegSeconds({ engineSpeed: 10, fuelCapacity: 0 });

describe('tour lower bound (Held–Karp 1-tree)', () => {
  for (const kind of ['open', 'closed'] as TourKind[]) {
    it(`never exceeds the optimal tour, and is tight on small systems (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 41 : 42);
      const ratios: number[] = [];
      for (let n = 1; n <= 8; n++) {
        for (let trial = 0; trial < 15; trial++) {
          const [start, ...stops] = randomWaypoints(random, n + 1, 300);
          const problem = buildPathProblem(start!, stops, legSeconds, kind);
          const optimal = bruteForceTourSeconds(start!, stops, legSeconds, kind);
          const bound = tourLowerBound(problem, optimal);
          expect(bound).toBeLessThanOrEqual(optimal + 1e-6);
          expect(spanningTreeBound(problem)).toBeLessThanOrEqual(bound + 1e-6);
          ratios.push(optimal / bound);
        }
      }
      expect(ratios.reduce((a, b) => a + b) / ratios.length).toBeLessThan(1.01);
    });
  }

  it('is exact with one stop and zero with none', () => {
    const home = { symbol: 'H', x: 0, y: 0 };
    const far = { symbol: 'F', x: 100, y: 0 };
    expect(tourLowerBound(buildPathProblem(home, [], legSeconds, 'closed'), 0)).toBe(0);
    expect(tourLowerBound(buildPathProblem(home, [far], legSeconds, 'open'), 0)).toBe(legSeconds(home, far));
    expect(tourLowerBound(buildPathProblem(home, [far], legSeconds, 'closed'), 0)).toBe(2 * legSeconds(home, far));
  });

  it('stays below the tours the planner finds on larger systems', () => {
    const random = mulberry32(43);
    for (const n of [20, 45, 80]) {
      const [start, ...stops] = randomWaypoints(random, n + 1, 600);
      for (const kind of ['open', 'closed'] as TourKind[]) {
        const tour = solveTour(start!, stops, legSeconds, kind);
        expect(tourLowerBound(buildPathProblem(start!, stops, legSeconds, kind), tour.seconds)).toBeLessThanOrEqual(
          tour.seconds,
        );
      }
    }
  });
});
