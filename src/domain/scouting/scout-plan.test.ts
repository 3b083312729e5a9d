import { describe, expect, it } from 'vitest';
import { bruteForceMakespan, orderSeconds, randomWaypoints } from './fixtures.js';
import type { TourKind } from './path-problem.js';
import { mulberry32 } from '../random.js';
import { planScoutTours, type ScoutPlan, type ScoutShip } from './scout-plan.js';
import { solveTour } from './tour-solver.js';
import { type TourWaypoint, tanklessLegSeconds } from './travel-time.js';

const KINDS: TourKind[] = ['open', 'closed'];
const SPEEDS = [3, 10, 30];

/** k probes (random speeds, starts in the system, some sharing one) and n stops. */
function fleet(random: () => number, ships: number, stops: number, radius: number) {
  const waypoints = randomWaypoints(random, stops + ships, radius);
  const probes: ScoutShip<TourWaypoint>[] = Array.from({ length: ships }, (_, s) => ({
    ship: `PROBE-${s + 1}`,
    start: waypoints[random() < 0.3 ? 0 : s]!,
    legSeconds: tanklessLegSeconds({ engineSpeed: SPEEDS[Math.floor(random() * 3)]!, fuelCapacity: 0 }),
  }));
  return { probes, stops: waypoints.slice(ships) };
}

/** The plan covers every stop once, and each tour's seconds are what its order costs. */
function expectConsistent(plan: ScoutPlan, probes: ScoutShip<TourWaypoint>[], stops: TourWaypoint[], kind: TourKind) {
  const bySymbol = new Map(stops.map((stop) => [stop.symbol, stop]));
  expect(plan.tours.map((tour) => tour.ship)).toEqual(probes.map((probe) => probe.ship));
  expect(plan.tours.flatMap((tour) => tour.stops).sort()).toEqual([...bySymbol.keys()].sort());
  plan.tours.forEach((tour, s) => {
    const ordered = tour.stops.map((symbol) => bySymbol.get(symbol)!);
    expect(orderSeconds(probes[s]!.start, ordered, probes[s]!.legSeconds, kind)).toBe(tour.seconds);
  });
  expect(plan.makespanSeconds).toBe(Math.max(...plan.tours.map((tour) => tour.seconds)));
}

describe('planScoutTours: the split between ships', () => {
  for (const kind of KINDS) {
    it(`equals brute force over every assignment on small fleets (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 51 : 52);
      for (const [ships, maxStops] of [
        [2, 7],
        [3, 5],
      ] as const) {
        for (let n = 0; n <= maxStops; n++) {
          for (let trial = 0; trial < 6; trial++) {
            const { probes, stops } = fleet(random, ships, n, 300);
            const plan = planScoutTours(probes, stops, { kind });
            expectConsistent(plan, probes, stops, kind);
            expect(plan.makespanSeconds).toBe(bruteForceMakespan(probes, stops, kind));
          }
        }
      }
    });

    it(`the split used beyond 12 stops (moves, exact pair re-splits) is never below brute force, rarely above (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 53 : 54);
      const ratios: number[] = [];
      for (let n = 1; n <= 7; n++) {
        for (let trial = 0; trial < 6; trial++) {
          const { probes, stops } = fleet(random, 3, n, 300);
          const plan = planScoutTours(probes, stops, { kind, exactSplitUpTo: 0 });
          expectConsistent(plan, probes, stops, kind);
          const optimal = bruteForceMakespan(probes, stops, kind);
          expect(plan.makespanSeconds).toBeGreaterThanOrEqual(optimal);
          ratios.push(plan.makespanSeconds / optimal);
        }
      }
      // Measured on these seeds: 42 of 42 equal, open and closed.
      expect(ratios.filter((ratio) => ratio > 1).length).toBeLessThanOrEqual(2);
      expect(ratios.reduce((a, b) => a + b) / ratios.length).toBeLessThan(1.01);
    });

    it(`on 20–60 stops is never worse than the best ship flying every stop alone (${kind})`, () => {
      const random = mulberry32(kind === 'open' ? 55 : 56);
      for (const n of [20, 40, 60]) {
        for (const ships of [2, 3, 4]) {
          const { probes, stops } = fleet(random, ships, n, 600);
          const plan = planScoutTours(probes, stops, { kind });
          expectConsistent(plan, probes, stops, kind);
          const alone = Math.min(
            ...probes.map((probe) => solveTour(probe.start, stops, probe.legSeconds, kind).seconds),
          );
          expect(plan.makespanSeconds).toBeLessThanOrEqual(alone);
          expect(plan.makespanSeconds).toBeLessThan(alone); // with 20+ stops, sharing always helps
        }
      }
    });
  }

  it('with one probe the plan is its tour, and a much faster probe is never slowed by slow helpers', () => {
    const random = mulberry32(58);
    const waypoints = randomWaypoints(random, 41, 600);
    const fast = tanklessLegSeconds({ engineSpeed: 30, fuelCapacity: 0 });
    const slow = tanklessLegSeconds({ engineSpeed: 1, fuelCapacity: 0 });
    const stops = waypoints.slice(1);
    const alone = solveTour(waypoints[0]!, stops, fast, 'closed');
    const solo = planScoutTours([{ ship: 'FAST', start: waypoints[0]!, legSeconds: fast }], stops, { kind: 'closed' });
    expect(solo.tours[0]!.stops).toEqual(alone.order.map((index) => stops[index]!.symbol));
    expect(solo.makespanSeconds).toBe(alone.seconds);
    const far = { symbol: 'FAR', x: 5000, y: 5000 };
    const helpers = [
      { ship: 'FAST', start: waypoints[0]!, legSeconds: fast },
      { ship: 'SLOW-1', start: far, legSeconds: slow },
      { ship: 'SLOW-2', start: far, legSeconds: slow },
    ];
    const plan = planScoutTours(helpers, stops, { kind: 'closed' });
    expect(plan.makespanSeconds).toBe(alone.seconds);
    expect(plan.tours.slice(1).map((tour) => tour.stops)).toEqual([[], []]);
  });

  it('keeps the fast probe alone when its full tour beats every split the local search found', () => {
    // Systems where the split search alone ends a few seconds behind the fast probe's own tour.
    const fast = tanklessLegSeconds({ engineSpeed: 30, fuelCapacity: 0 });
    const slow = tanklessLegSeconds({ engineSpeed: 1, fuelCapacity: 0 });
    for (const [seed, count, kind] of [
      [33, 48, 'closed'],
      [37, 52, 'open'],
    ] as const) {
      const [start, ...stops] = randomWaypoints(mulberry32(seed), count + 1, 600);
      const probes = [
        { ship: 'FAST', start: start!, legSeconds: fast },
        { ship: 'SLOW', start: { symbol: 'FAR', x: 5000, y: 5000 }, legSeconds: slow },
      ];
      const alone = solveTour(start!, stops, fast, kind).seconds;
      expect(planScoutTours(probes, stops, { kind }).makespanSeconds).toBeLessThanOrEqual(alone);
    }
  });

  it('shares evenly between equal probes at one place: three probes take about a third each', () => {
    const random = mulberry32(57);
    const waypoints = randomWaypoints(random, 50, 600);
    const legSeconds = tanklessLegSeconds({ engineSpeed: 10, fuelCapacity: 0 });
    const probes = [1, 2, 3].map((s) => ({ ship: `P-${s}`, start: waypoints[0]!, legSeconds }));
    const alone = solveTour(waypoints[0]!, waypoints.slice(1), legSeconds, 'open').seconds;
    const plan = planScoutTours(probes, waypoints.slice(1), { kind: 'open' });
    expect(plan.makespanSeconds / alone).toBeLessThan(0.5);
  });
});

describe('planScoutTours: edge cases and the JSON contract', () => {
  const legSeconds = tanklessLegSeconds({ engineSpeed: 10, fuelCapacity: 0 });
  const home = { symbol: 'X1-A-H', x: 0, y: 0 };
  const probes = [
    { ship: 'P-1', start: home, legSeconds },
    { ship: 'P-2', start: home, legSeconds },
  ];

  it('has the contract shape: {tours:[{ship, stops, seconds}], makespanSeconds}', () => {
    const plan = planScoutTours(probes, [{ symbol: 'X1-A-F', x: 50, y: 0 }]);
    expect(JSON.parse(JSON.stringify(plan))).toEqual({
      tours: [
        { ship: 'P-1', stops: ['X1-A-F'], seconds: legSeconds(home, { symbol: 'X1-A-F', x: 50, y: 0 }) },
        { ship: 'P-2', stops: [], seconds: 0 },
      ],
      makespanSeconds: legSeconds(home, { symbol: 'X1-A-F', x: 50, y: 0 }),
    });
  });

  it('with no stops every ship stays put', () => {
    expect(planScoutTours(probes, [])).toEqual({
      tours: [
        { ship: 'P-1', stops: [], seconds: 0 },
        { ship: 'P-2', stops: [], seconds: 0 },
      ],
      makespanSeconds: 0,
    });
  });

  it('refuses stops without ships', () => {
    expect(() => planScoutTours([], [home])).toThrow(/no ship/);
    expect(planScoutTours([], [])).toEqual({ tours: [], makespanSeconds: 0 });
  });

  it('visits a stop listed twice once, and co-located orbitals one after another', () => {
    const planet = { symbol: 'X1-A-P', x: 300, y: 0 };
    const orbitals = [planet, { ...planet, symbol: 'X1-A-M' }, { ...planet, symbol: 'X1-A-S' }];
    const west = { symbol: 'X1-A-W', x: -300, y: 0 };
    for (const exactSplitUpTo of [12, 0]) {
      const plan = planScoutTours(probes, [...orbitals, west, planet, west], { kind: 'open', exactSplitUpTo });
      const all = plan.tours.flatMap((tour) => tour.stops);
      expect(all.sort()).toEqual(['X1-A-M', 'X1-A-P', 'X1-A-S', 'X1-A-W']);
      const east = plan.tours.find((tour) => tour.stops.includes('X1-A-P'))!;
      expect([...east.stops].sort()).toEqual(['X1-A-M', 'X1-A-P', 'X1-A-S']);
      expect(plan.makespanSeconds).toBe(legSeconds(home, planet) + 2 * legSeconds(planet, orbitals[1]!));
    }
  });
});
