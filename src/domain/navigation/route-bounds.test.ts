import { describe, expect, it } from 'vitest';
import { distance, type FlightMode } from './flight-mode.js';
import type { NavSystem, NavWaypoint } from './route.js';
import { OriginBound } from './origin-bound.js';
import { RouteGuide } from './route-guide.js';
import { TravelBounds } from './travel-bounds.js';
import { WarpBounds } from './warp-bounds.js';
import { RouteMap } from './route-map.js';
import { StationField } from './station-field.js';
import { referenceFastestSeconds, referenceSecondsLeft } from '../../test-support/route-planner-reference.js';
import { Random } from '../random.js';

/** The sandbox's seeded generator, as a function: the same seed gives the same instances. */
const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

const MODE_SETS: ReadonlyArray<readonly FlightMode[]> = [
  ['BURN', 'CRUISE', 'DRIFT'],
  ['CRUISE'],
  ['DRIFT'],
  ['BURN'],
  ['CRUISE', 'DRIFT'],
  ['BURN', 'CRUISE', 'DRIFT', 'STEALTH'],
];

/** A random small trip: one system, or a few joined by gates; slow and fast ships, any mode set. */
function trip(next: () => number, systemsCount: number) {
  const systems: NavSystem[] = Array.from({ length: systemsCount }, (_, s) => ({
    symbol: `X1-S${s}`,
    x: Math.round(next() * 400),
    y: Math.round(next() * 400),
  }));
  const waypoints: NavWaypoint[] = [];
  for (const system of systems) {
    const count = 2 + Math.floor(next() * (systemsCount > 1 ? 3 : 5));
    for (let i = 0; i < count; i++) {
      waypoints.push({
        symbol: `${system.symbol}-W${i}`,
        systemSymbol: system.symbol,
        x: Math.round((next() - 0.5) * 120),
        y: Math.round((next() - 0.5) * 120),
        sellsFuel: next() < 0.35,
      });
    }
  }
  if (systemsCount > 1) {
    // Gates: the first waypoint of each system, linked in a chain plus random extra (one-way) links.
    const gates = systems.map((s) => waypoints.find((w) => w.systemSymbol === s.symbol)!);
    gates.forEach((g, s) => {
      const links = new Set<string>();
      if (s > 0) links.add(gates[s - 1]!.symbol);
      if (s + 1 < gates.length) links.add(gates[s + 1]!.symbol);
      if (next() < 0.3) links.add(gates[Math.floor(next() * gates.length)]!.symbol);
      links.delete(g.symbol);
      (g as { jumpsTo?: string[] }).jumpsTo = [...links];
    });
  }
  const capacity = next() < 0.1 ? 0 : 5 + Math.floor(next() * 40);
  const engineSpeed = next() < 0.3 ? 1 + Math.floor(next() * 8) : 9 + Math.floor(next() * 30);
  const modes = MODE_SETS[Math.floor(next() * MODE_SETS.length)]!;
  const reserve = capacity > 0 && next() < 0.3 ? Math.floor(next() * 5) : 0;
  const refuelSeconds = Math.floor(next() * 20);
  const target = waypoints.length - 1;
  return { systems, waypoints, capacity, engineSpeed, modes, reserve, refuelSeconds, target };
}

describe('route lower bounds', () => {
  it('never overestimate the time left, from any waypoint with any fuel (vs an exhaustive backward search)', () => {
    const next = random(5150);
    let checked = 0;
    for (let trial = 0; trial < 160; trial++) {
      const t = trip(next, trial % 4 === 3 ? 2 + Math.floor(next() * 2) : 1);
      const map = new RouteMap(t.waypoints, t.systems);
      const usable = t.capacity - t.reserve;
      const bounds = new TravelBounds(t.modes, t.engineSpeed, t.capacity === 0, usable);
      const stations = t.capacity === 0 ? [] : map.stations[map.systemOf[t.target]!]!;
      // Between systems, half the ships have a warp drive.
      const canWarp = t.systems.length > 1 && next() < 0.5;
      const guide = new RouteGuide(
        map,
        t.target,
        bounds,
        stations,
        usable,
        t.refuelSeconds,
        canWarp ? new WarpBounds(map, t.modes, t.engineSpeed) : undefined,
      );
      const left = referenceSecondsLeft(
        t.waypoints,
        { fuelCapacity: t.capacity, engineSpeed: t.engineSpeed, canWarp },
        t.waypoints[t.target]!.symbol,
        { modes: t.modes, fuelReserve: t.reserve, refuelSeconds: t.refuelSeconds },
        t.systems,
      );
      for (let i = 0; i < t.waypoints.length; i++) {
        for (let fuel = t.reserve; fuel <= t.capacity; fuel++) {
          const exact = left(i, fuel);
          if (exact === Infinity) continue;
          const context = `trial ${trial}, waypoint ${i}, fuel ${fuel}`;
          expect(guide.at(i, t.capacity === 0 ? 0 : fuel - t.reserve), context).toBeLessThanOrEqual(exact);
          expect(guide.floor(i), context).toBeLessThanOrEqual(exact);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('give the same answer whatever was asked before, and never more with more fuel', () => {
    const next = random(6160);
    let compared = 0;
    for (let trial = 0; trial < 120; trial++) {
      const t = trip(next, 1);
      if (t.capacity === 0) continue;
      const map = new RouteMap(t.waypoints, t.systems);
      const usable = t.capacity - t.reserve;
      const bounds = new TravelBounds(t.modes, t.engineSpeed, false, usable);
      const stations = map.stations[map.systemOf[t.target]!]!;
      const guideOf = () => new RouteGuide(map, t.target, bounds, stations, usable, t.refuelSeconds);
      const kept = guideOf();
      for (let query = 0; query < 60; query++) {
        const i = Math.floor(next() * t.waypoints.length);
        const fuel = Math.floor(next() * (usable + 1));
        const limit = next() < 0.5 ? Infinity : next() * 400;
        const context = `trial ${trial}, waypoint ${i}, fuel ${fuel}, limit ${limit}`;
        expect(kept.at(i, fuel, limit), context).toBe(guideOf().at(i, fuel, limit));
        if (fuel < usable) expect(kept.at(i, fuel + 1), context).toBeLessThanOrEqual(kept.at(i, fuel));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('never overestimate the time from the start to any waypoint (vs an exhaustive forward search)', () => {
    const next = random(8088);
    let checked = 0;
    for (let trial = 0; trial < 120; trial++) {
      // Mostly one system; sometimes a few, where the ship may leave (by gate or warp) and come back.
      const t = trip(next, trial % 3 === 2 ? 2 + Math.floor(next() * 2) : 1);
      const canWarp = t.systems.length > 1 && next() < 0.5;
      const map = new RouteMap(t.waypoints, t.systems);
      const fuel = t.capacity === 0 ? 0 : Math.floor(next() * (t.capacity + 1));
      const bounds = new TravelBounds(t.modes, t.engineSpeed, t.capacity === 0, t.capacity - t.reserve);
      const viaWarp = canWarp ? new WarpBounds(map, t.modes, t.engineSpeed).out(0) : undefined;
      const origin = new OriginBound(map.points, map.gates[0]!, 0, bounds, viaWarp);
      for (const i of map.members[0]!) {
        if (i === 0) continue;
        const ship = {
          symbol: 'S',
          location: t.waypoints[0]!.symbol,
          fuel,
          fuelCapacity: t.capacity,
          engineSpeed: t.engineSpeed,
          canWarp,
        };
        const exact = referenceFastestSeconds(
          t.waypoints,
          ship,
          t.waypoints[i]!.symbol,
          { modes: t.modes, fuelReserve: t.reserve, refuelSeconds: t.refuelSeconds },
          t.systems,
        );
        if (exact === undefined) continue;
        expect(origin.straight(i), `trial ${trial}, waypoint ${i}`).toBeLessThanOrEqual(exact);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('are tight where the answer is plain: one leg at BURN with fuel to spare', () => {
    const bounds = new TravelBounds(['BURN', 'CRUISE', 'DRIFT'], 30, false, 400);
    // round(100 × 12.5 / 30 + 15) = 57; the bound only gives up the rounding (½ unit and ½ s).
    expect(bounds.segment(100, 400)).toBeGreaterThan(55);
    expect(bounds.segment(100, 400)).toBeLessThanOrEqual(57);
    // On 100 fuel the same leg must be cruised (round(100 × 25 / 30 + 15) = 98) or partly burned over stops.
    expect(bounds.segment(100, 100)).toBeGreaterThan(bounds.segment(100, 400) + 30);
    expect(bounds.segment(100, 0)).toBe(Infinity);
  });

  it('price a stretch flown as one leg in one mode: mixing modes costs a second leg', () => {
    const bounds = new TravelBounds(['BURN', 'CRUISE', 'DRIFT'], 30, false, 400);
    // 300 units on 400 fuel: one CRUISE leg takes round(300 × 25 / 30 + 15) = 265 s; BURN and CRUISE
    // mixed need two legs: at least 101 units burned, 198 cruised and two overheads, 236 s. One leg
    // mixing them would be 222 s: no leg flies that.
    expect(bounds.segment(300, 400)).toBeGreaterThan(230);
    expect(bounds.segment(300, 400)).toBeLessThanOrEqual(236.1);
  });

  it('count the fuel in the tank on the way to the first refuel stop', () => {
    // From A on 10 fuel, the only station is 100 units away: the ship must drift most of it.
    const waypoints: NavWaypoint[] = [
      { symbol: 'X1-S-A', systemSymbol: 'X1-S', x: 0, y: 0, sellsFuel: false },
      { symbol: 'X1-S-S', systemSymbol: 'X1-S', x: 100, y: 0, sellsFuel: true },
      { symbol: 'X1-S-T', systemSymbol: 'X1-S', x: 300, y: 0, sellsFuel: false },
    ];
    const ship = { symbol: 'S', location: 'X1-S-A', fuel: 10, fuelCapacity: 400, engineSpeed: 30 };
    const exact = referenceFastestSeconds(waypoints, ship, 'X1-S-T', { refuelSeconds: 5 });
    const map = new RouteMap(waypoints);
    const bounds = new TravelBounds(['BURN', 'CRUISE', 'DRIFT'], 30, false, 400);
    const guide = new RouteGuide(map, 2, bounds, map.stations[0]!, 400, 5);
    // On a full tank to the station the bound would be about 160 s; drifting 89 units alone takes 741 s.
    expect(guide.at(0, 10)).toBeGreaterThan(741);
    expect(guide.at(0, 10)).toBeLessThanOrEqual(exact!);
  });

  it('allow for legs that round down: two short DRIFT legs can beat one long one for a slow ship', () => {
    // A→B→C are 1.41 units each (rounded to 1), A→C is 2.83 (rounded to 3): at speed 1, DRIFT
    // takes round(3 × 250 + 15) = 765 s direct but 2 × round(250 + 15) = 530 s through B.
    const waypoints: NavWaypoint[] = [
      { symbol: 'X1-S-A', systemSymbol: 'X1-S', x: 0, y: 0, sellsFuel: false },
      { symbol: 'X1-S-B', systemSymbol: 'X1-S', x: 1, y: 1, sellsFuel: false },
      { symbol: 'X1-S-C', systemSymbol: 'X1-S', x: 2, y: 2, sellsFuel: false },
    ];
    const exact = referenceFastestSeconds(
      waypoints,
      { symbol: 'S', location: 'X1-S-A', fuel: 5, fuelCapacity: 5, engineSpeed: 1 },
      'X1-S-C',
      { modes: ['DRIFT'] },
    );
    expect(exact).toBe(530);
    const map = new RouteMap(waypoints);
    const bounds = new TravelBounds(['DRIFT'], 1, false, 10);
    const guide = new RouteGuide(map, 2, bounds, [], 10, 0);
    expect(guide.at(0, 5)).toBeLessThanOrEqual(530);
    expect(guide.floor(0)).toBeLessThanOrEqual(530);
  });
});

describe('station field', () => {
  it('values each station by its least chain of full-tank segments, and answers the least over every station', () => {
    const next = random(8180);
    for (let trial = 0; trial < 60; trial++) {
      const count = 1 + Math.floor(next() * 40);
      const points = Array.from({ length: count + 10 }, () => ({
        x: Math.round((next() - 0.5) * 600),
        y: Math.round((next() - 0.5) * 600),
      }));
      const stations = Array.from({ length: count }, (_, k) => k);
      const modes = MODE_SETS[Math.floor(next() * MODE_SETS.length)]!;
      const bounds = new TravelBounds(modes, 5 + Math.floor(next() * 30), false, 20 + Math.floor(next() * 200));
      const refuelSeconds = Math.floor(next() * 20);
      // Seeds as a destination's: the full-tank segment to a point, some out of reach.
      const seeds = stations.map((k) =>
        next() < 0.1 ? Infinity : bounds.fullTank(distance(points[k]!, points[count]!)),
      );
      const field = new StationField(points, stations, (k) => seeds[k]!, bounds, refuelSeconds);
      // Bellman-Ford over the stations.
      const segment = (a: number, b: number) => bounds.fullTank(Math.floor(distance(points[a]!, points[b]!)));
      const value = [...seeds];
      for (let round = 0; round < count; round++)
        for (const a of stations)
          for (const b of stations)
            if (a !== b) value[b] = Math.min(value[b]!, value[a]! + refuelSeconds + segment(a, b));
      for (const k of stations) expect(field.value[k], `trial ${trial}, station ${k}`).toBe(value[k]);
      for (let i = 0; i < points.length; i++) {
        let least = Infinity;
        for (const k of stations) least = Math.min(least, value[k]! + (i === k ? 0 : segment(i, k)));
        expect(field.through(i), `trial ${trial}, waypoint ${i}`).toBe(least + refuelSeconds);
      }
    }
  });
});
