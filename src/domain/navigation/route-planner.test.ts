import { describe, expect, it } from 'vitest';
import { distance, fuelCost, travelSeconds, type FlightMode } from './flight-mode.js';
import type { NavSystem, NavWaypoint, Route, ShipNavState } from './route.js';
import { arrivalReserve, NoRouteError, RoutePlanner, type PlannerOptions } from './route-planner.js';
import { referenceFastestSeconds } from '../../test-support/route-planner-reference.js';
import { Random } from '../random.js';

/** The sandbox's seeded generator, as a function: the same seed gives the same instances. */
const random = (seed: number): (() => number) => {
  const generator = new Random(seed);
  return () => generator.next();
};

const wp = (symbol: string, x: number, y: number, sellsFuel = false): NavWaypoint => ({
  symbol,
  systemSymbol: 'X1-T',
  x,
  y,
  sellsFuel,
});
const ship = (location: string, fuel: number, fuelCapacity = 100, engineSpeed = 30): ShipNavState => ({
  symbol: 'NOVA-1-1',
  location,
  fuel,
  fuelCapacity,
  engineSpeed,
});

/** Replays a route leg by leg and checks that the ship could really fly it. */
function expectFlyable(route: Route, waypoints: NavWaypoint[], start: ShipNavState, reserve = 0): void {
  const bySymbol = new Map(waypoints.map((w) => [w.symbol, w]));
  let fuel = start.fuel;
  let at = start.location;
  let seconds = 0;
  for (const leg of route.legs) {
    expect(leg.from).toBe(at);
    if (leg.refuelBefore) {
      expect(bySymbol.get(at)!.sellsFuel).toBe(true);
      fuel = start.fuelCapacity;
    }
    const d = distance(bySymbol.get(leg.from)!, bySymbol.get(leg.to)!);
    const cost = start.fuelCapacity === 0 ? 0 : fuelCost(d, leg.mode as never);
    expect(cost).toBe(leg.fuelCost);
    expect(fuel - cost).toBeGreaterThanOrEqual(start.fuelCapacity === 0 ? 0 : reserve);
    fuel -= cost;
    expect(leg.fuelAfter).toBe(fuel);
    expect(leg.seconds).toBe(travelSeconds(d, leg.mode as never, start.engineSpeed));
    seconds += leg.seconds;
    at = leg.to;
  }
  expect(at).toBe(route.destination);
  expect(route.totalSeconds).toBeGreaterThanOrEqual(seconds);
}

/** 2 to 1 + `most` systems spread over `spread` galaxy units, each of 2 to 4 waypoints; the first waypoint of each is where its gate goes. */
function systemsOf(
  next: () => number,
  most: number,
  spread: number,
): { systems: NavSystem[]; waypoints: NavWaypoint[] } {
  const systems = Array.from({ length: 2 + Math.floor(next() * most) }, (_, s) => ({
    symbol: `X1-S${s}`,
    x: Math.round(next() * spread),
    y: Math.round(next() * spread),
  }));
  const waypoints: NavWaypoint[] = systems.flatMap((s) =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, (_, i) => ({
      symbol: `${s.symbol}-W${i}`,
      systemSymbol: s.symbol,
      x: Math.round((next() - 0.5) * 100),
      y: Math.round((next() - 0.5) * 100),
      sellsFuel: next() < 0.4,
    })),
  );
  return { systems, waypoints };
}

/**
 * Plans the trip and holds it to the exhaustive reference: no route where it has none, else the same
 * cost (time, plus the fuel's weight). Returns the route, if any.
 */
function expectReferenceCost(
  waypoints: NavWaypoint[],
  systems: NavSystem[],
  start: ShipNavState,
  destination: string,
  options: PlannerOptions,
  context: string,
): Route | undefined {
  const expected = referenceFastestSeconds(waypoints, start, destination, options, systems);
  const planner = new RoutePlanner(waypoints, systems);
  if (expected === undefined) {
    expect(() => planner.plan(start, destination, options), context).toThrow(NoRouteError);
    return undefined;
  }
  const route = planner.plan(start, destination, options);
  expect(route.totalSeconds + (options.fuelWeight ?? 0) * route.totalFuel, context).toBeCloseTo(expected, 6);
  return route;
}

describe('RoutePlanner', () => {
  it('flies straight there at BURN when the tank allows', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 100, 0)];
    const route = new RoutePlanner(waypoints).plan(ship('A', 400, 400), 'B');
    expect(route.legs).toEqual([
      expect.objectContaining({ from: 'A', to: 'B', mode: 'BURN', fuelCost: 200, refuelBefore: false }),
    ]);
    expect(route.totalSeconds).toBe(travelSeconds(100, 'BURN', 30));
  });

  it('drops to CRUISE, then DRIFT, as fuel runs short', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 100, 0)];
    expect(new RoutePlanner(waypoints).plan(ship('A', 150, 400), 'B').legs[0]!.mode).toBe('CRUISE');
    expect(new RoutePlanner(waypoints).plan(ship('A', 12, 400), 'B').legs[0]!.mode).toBe('DRIFT');
  });

  it('stops to refuel where fuel is sold when that is faster than drifting', () => {
    const waypoints = [wp('A', 0, 0), wp('S', 10, 0, true), wp('B', 200, 0)];
    const start = ship('A', 20, 400);
    const route = new RoutePlanner(waypoints).plan(start, 'B', { refuelSeconds: 5 });
    expect(route.legs.map((l) => [l.from, l.to, l.refuelBefore])).toEqual([
      ['A', 'S', false],
      ['S', 'B', true],
    ]);
    expect(route.refuelStops).toBe(1);
    expectFlyable(route, waypoints, start);
  });

  it('never refuels at a marketplace that does not trade fuel', () => {
    const waypoints = [wp('A', 0, 0), wp('M', 10, 0, false), wp('B', 200, 0)];
    const route = new RoutePlanner(waypoints).plan(ship('A', 20, 400), 'B');
    expect(route.refuelStops).toBe(0);
    expect(route.legs.every((l) => l.mode === 'DRIFT' || l.fuelCost <= 20)).toBe(true);
  });

  it('plans nothing for a ship already there', () => {
    const route = new RoutePlanner([wp('A', 0, 0)]).plan(ship('A', 0), 'A');
    expect(route.legs).toEqual([]);
    expect(route.totalSeconds).toBe(0);
  });

  it('flies a probe without fuel', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 300, 400)];
    const route = new RoutePlanner(waypoints).plan(ship('A', 0, 0, 9), 'B');
    expect(route.legs).toEqual([expect.objectContaining({ mode: 'BURN', fuelCost: 0 })]);
  });

  it('keeps the fuel reserve when it can, and ignores it when it cannot', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 50, 0)];
    const withReserve = new RoutePlanner(waypoints).plan(ship('A', 100, 400), 'B', { fuelReserve: 10 });
    expect(withReserve.legs[0]!.fuelAfter).toBeGreaterThanOrEqual(10);
    expect(withReserve.legs[0]!.mode).toBe('CRUISE');
    const tight = new RoutePlanner(waypoints).plan(ship('A', 5, 400), 'B', { fuelReserve: 10 });
    expect(tight.legs[0]!.mode).toBe('DRIFT');
  });

  it('plans to a waypoint without fuel so that one unit is left to drift on (never arriving empty)', () => {
    const waypoints = [wp('A', 0, 0, true), wp('B', 50, 0), wp('S', 60, 0, true)];
    // 50 units of fuel: CRUISE to B costs exactly 50 and would leave the ship stranded at B.
    const reserve = arrivalReserve(0, false);
    const route = new RoutePlanner(waypoints).plan(ship('A', 50, 50), 'B', { fuelReserve: reserve });
    expect(route.legs.at(-1)!.fuelAfter).toBeGreaterThanOrEqual(1);
    expect(() => new RoutePlanner(waypoints).plan(ship('B', route.legs.at(-1)!.fuelAfter, 50), 'S')).not.toThrow();
    expect(arrivalReserve(0, true)).toBe(0);
    expect(arrivalReserve(5, false)).toBe(5);
  });

  it('explains why there is no route', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 100, 0), wp('S', 500, 0, true)];
    expect(() => new RoutePlanner(waypoints).plan(ship('A', 0, 400), 'B')).toThrow(NoRouteError);
    expect(() => new RoutePlanner(waypoints).plan(ship('A', 0, 400), 'B')).toThrow(
      'the tank is empty and A sells no fuel (DRIFT needs 1)',
    );
    expect(() => new RoutePlanner(waypoints).plan(ship('A', 1, 400), 'Z')).toThrow('unknown destination Z');
  });

  it('jumps through working gates to another system', () => {
    const waypoints: NavWaypoint[] = [
      { symbol: 'X1-A-1', systemSymbol: 'X1-A', x: 0, y: 0, sellsFuel: true },
      { symbol: 'X1-A-G', systemSymbol: 'X1-A', x: 30, y: 40, sellsFuel: false, jumpsTo: ['X1-B-G'] },
      { symbol: 'X1-B-G', systemSymbol: 'X1-B', x: 0, y: 0, sellsFuel: false, jumpsTo: ['X1-A-G'] },
      { symbol: 'X1-B-2', systemSymbol: 'X1-B', x: 10, y: 0, sellsFuel: false },
    ];
    const systems = [
      { symbol: 'X1-A', x: 0, y: 0 },
      { symbol: 'X1-B', x: 300, y: 400 },
    ];
    const route = new RoutePlanner(waypoints, systems).plan(
      { symbol: 'S', location: 'X1-A-1', fuel: 400, fuelCapacity: 400, engineSpeed: 30 },
      'X1-B-2',
    );
    expect(route.legs.map((l) => (l.mode === 'JUMP' ? `jump ${l.to}` : `${l.mode} ${l.to}`))).toEqual([
      'BURN X1-A-G',
      'jump X1-B-G',
      'BURN X1-B-2',
    ]);
    // The jump is instant and the ship may navigate during its cooldown: the last jump costs nothing.
    expect(route.legs[1]!.seconds).toBe(0);
    expect(route.totalSeconds).toBe(route.legs[0]!.seconds + route.legs[2]!.seconds);
  });

  it('waits out a cooldown only before the next jump, and picks the gate chain by that', () => {
    // From A to C: one long jump (cooldown 15 + 0.3 x 1000 = 315 s), or two short ones through B
    // (cooldowns 45 s each). Only the first of the two short jumps is waited out.
    const waypoints: NavWaypoint[] = [
      { symbol: 'X1-A-G', systemSymbol: 'X1-A', x: 0, y: 0, sellsFuel: false, jumpsTo: ['X1-B-G', 'X1-C-G'] },
      { symbol: 'X1-B-G', systemSymbol: 'X1-B', x: 0, y: 0, sellsFuel: false, jumpsTo: ['X1-C-G'] },
      { symbol: 'X1-C-G', systemSymbol: 'X1-C', x: 0, y: 0, sellsFuel: false },
      { symbol: 'X1-C-2', systemSymbol: 'X1-C', x: 20, y: 0, sellsFuel: false },
    ];
    const ship = { symbol: 'S', location: 'X1-A-G', fuel: 100, fuelCapacity: 100, engineSpeed: 30 };
    const straight = [
      { symbol: 'X1-A', x: 0, y: 0 },
      { symbol: 'X1-B', x: 100, y: 0 },
      { symbol: 'X1-C', x: 1000, y: 0 },
    ];
    const direct = new RoutePlanner(waypoints, straight).plan(ship, 'X1-C-2');
    expect(direct.legs.map((l) => l.to)).toEqual(['X1-C-G', 'X1-C-2']);
    expect(direct.totalSeconds).toBe(direct.legs[1]!.seconds);

    // Now the direct link is gone: the two short jumps cost the first one's cooldown.
    const chained = new RoutePlanner(
      waypoints.map((w) => (w.symbol === 'X1-A-G' ? { ...w, jumpsTo: ['X1-B-G'] } : w)),
      straight,
    ).plan(ship, 'X1-C-2');
    expect(chained.legs.map((l) => `${l.mode} ${l.to} ${l.seconds}`)).toEqual([
      'JUMP X1-B-G 45',
      'JUMP X1-C-G 0',
      `${chained.legs[2]!.mode} X1-C-2 ${chained.legs[2]!.seconds}`,
    ]);
    expect(chained.totalSeconds).toBe(45 + chained.legs[2]!.seconds);

    // A ship that jumped 30 s ago (cooldown 100 s left) waits 100 s more before its first jump.
    const cooling = new RoutePlanner(
      waypoints.map((w) => (w.symbol === 'X1-A-G' ? { ...w, jumpsTo: ['X1-B-G'] } : w)),
      straight,
    ).plan({ ...ship, cooldownSeconds: 100 }, 'X1-C-2');
    expect(cooling.legs.map((l) => l.seconds).slice(0, 2)).toEqual([100 + 45, 0]);
    expect(cooling.totalSeconds).toBe(145 + cooling.legs[2]!.seconds);
  });

  it('matches an exhaustive search exactly on hundreds of random systems', () => {
    const next = random(20261122);
    const modeSets: ReadonlyArray<readonly FlightMode[] | undefined> = [
      undefined,
      undefined,
      ['CRUISE'],
      ['DRIFT'],
      ['BURN', 'CRUISE'],
    ];
    let routed = 0;
    for (let trial = 0; trial < 300; trial++) {
      const count = 3 + Math.floor(next() * 5);
      const waypoints = Array.from({ length: count }, (_, i) =>
        wp(`W${i}`, Math.round((next() - 0.5) * 120), Math.round((next() - 0.5) * 120), next() < 0.35),
      );
      const capacity = next() < 0.1 ? 0 : 10 + Math.floor(next() * 50);
      const start = ship(
        'W0',
        Math.floor(next() * (capacity + 1)),
        capacity,
        next() < 0.2 ? 1 + Math.floor(next() * 4) : 5 + Math.floor(next() * 40),
      );
      const destination = `W${1 + Math.floor(next() * (count - 1))}`;
      const modes = modeSets[Math.floor(next() * modeSets.length)];
      const options = {
        refuelSeconds: Math.floor(next() * 20),
        fuelReserve: next() < 0.3 ? 1 + Math.floor(next() * 5) : 0,
        ...(modes ? { modes } : {}),
      };
      // The planner keeps the reserve when it can and drops it when it cannot.
      const expected =
        referenceFastestSeconds(waypoints, start, destination, options) ??
        referenceFastestSeconds(waypoints, start, destination, { ...options, fuelReserve: 0 });
      const planner = new RoutePlanner(waypoints);
      if (expected === undefined) {
        expect(() => planner.plan(start, destination, options), `trial ${trial}`).toThrow(NoRouteError);
        continue;
      }
      const route = planner.plan(start, destination, options);
      expect(route.totalSeconds, `trial ${trial}`).toBe(expected);
      expectFlyable(route, waypoints, start);
      if (modes) expect(route.legs.every((l) => modes.includes(l.mode as FlightMode))).toBe(true);
      routed += 1;
    }
    expect(routed).toBeGreaterThan(150);
  });

  it('matches an exhaustive search exactly across jump gates', () => {
    const next = random(4242);
    let routed = 0;
    for (let trial = 0; trial < 300; trial++) {
      const { systems, waypoints } = systemsOf(next, 3, 600);
      // The first waypoint of each system is its gate; gates link to a random other system or two.
      for (const s of systems) {
        const gate = waypoints.find((w) => w.systemSymbol === s.symbol)!;
        const links = systems.filter((o) => o !== s && next() < 0.6).map((o) => `${o.symbol}-W0`);
        (gate as { jumpsTo?: string[] }).jumpsTo = links;
      }
      const capacity = 20 + Math.floor(next() * 40);
      // Some ships have just jumped: their first jump waits out what is left of the cooldown.
      const start = {
        symbol: 'S',
        location: waypoints[1]!.symbol,
        fuel: Math.floor(next() * (capacity + 1)),
        fuelCapacity: capacity,
        engineSpeed: 5 + Math.floor(next() * 30),
        cooldownSeconds: next() < 0.4 ? Math.floor(next() * 300) : 0,
      };
      // Sometimes inside the start's own system, where leaving to refuel next door may still pay.
      const destination =
        next() < 0.3
          ? waypoints.find((w) => w.systemSymbol === 'X1-S0' && w.symbol !== start.location)!.symbol
          : waypoints.at(-1)!.symbol;
      if (
        expectReferenceCost(
          waypoints,
          systems,
          start,
          destination,
          { refuelSeconds: Math.floor(next() * 20) },
          `trial ${trial}`,
        )
      )
        routed += 1;
    }
    expect(routed).toBeGreaterThan(40);
  });

  it('waits out the cooldown a ship starts with before its first jump, exactly, with fuel weighed or not', () => {
    const next = random(9001);
    let jumped = 0;
    for (let trial = 0; trial < 200; trial++) {
      const { systems, waypoints } = systemsOf(next, 2, 300);
      const gates = systems.map((s) => waypoints.find((w) => w.systemSymbol === s.symbol)!);
      for (const [i, g] of gates.entries())
        (g as { jumpsTo?: string[] }).jumpsTo = gates.filter((_, j) => j !== i).map((o) => o.symbol);
      const capacity = 20 + Math.floor(next() * 60);
      // The start is away from its gate, so the ship burns fuel (and time) before it can jump.
      const start = {
        symbol: 'S',
        location: waypoints[1]!.symbol,
        fuel: Math.floor(next() * (capacity + 1)),
        fuelCapacity: capacity,
        engineSpeed: 5 + Math.floor(next() * 30),
        cooldownSeconds: Math.floor(next() * 600),
        canWarp: next() < 0.3,
      };
      const destination = waypoints.at(-1)!.symbol;
      const options = {
        refuelSeconds: Math.floor(next() * 20),
        ...(next() < 0.7 ? { fuelWeight: 0.2 + next() * 3 } : {}),
      };
      const route = expectReferenceCost(waypoints, systems, start, destination, options, `trial ${trial}`);
      if (route?.legs.some((l) => l.mode === 'JUMP')) jumped += 1;
    }
    expect(jumped).toBeGreaterThan(60);
  });

  it('matches an exhaustive search exactly for ships with a warp drive, gates or not', () => {
    const next = random(7331);
    let routed = 0;
    let warped = 0;
    for (let trial = 0; trial < 200; trial++) {
      // Systems close enough for warps to compete with gates and with the tank.
      const { systems, waypoints } = systemsOf(next, 3, 80);
      // Some systems have a gate (their first waypoint) linked to another system's gate.
      for (const s of systems) {
        if (next() < 0.5) continue;
        const gate = waypoints.find((w) => w.systemSymbol === s.symbol)!;
        (gate as { jumpsTo?: string[] }).jumpsTo = systems
          .filter((o) => o !== s && next() < 0.6)
          .map((o) => `${o.symbol}-W0`);
      }
      const capacity = 20 + Math.floor(next() * 60);
      const start = {
        symbol: 'S',
        location: waypoints[1]!.symbol,
        fuel: Math.floor(next() * (capacity + 1)),
        fuelCapacity: capacity,
        engineSpeed: 5 + Math.floor(next() * 30),
        canWarp: true,
      };
      const destination =
        next() < 0.3
          ? waypoints.find((w) => w.systemSymbol === 'X1-S0' && w.symbol !== start.location)!.symbol
          : waypoints.at(-1)!.symbol;
      const modes = next() < 0.3 ? (['CRUISE', 'DRIFT'] as const) : undefined;
      const options = {
        refuelSeconds: Math.floor(next() * 20),
        ...(modes ? { modes } : {}),
        ...(next() < 0.2 ? { fuelWeight: next() } : {}),
      };
      // A cooldown left from a last jump: the first jump waits for it, whatever the fuel's weight.
      if (next() < 0.4) Object.assign(start, { cooldownSeconds: Math.floor(next() * 300) });
      const route = expectReferenceCost(waypoints, systems, start, destination, options, `trial ${trial}`);
      if (!route) continue;
      if (route.legs.some((l) => l.warp)) warped += 1;
      routed += 1;
    }
    expect(routed).toBeGreaterThan(100);
    expect(warped).toBeGreaterThan(30);
  });

  it('leaves the system to refuel next door when that is faster, and still finds the best legs back', () => {
    // No fuel in X1-A; the ship has 2 fuel. Jumping to X1-B (same position: 15 s each way) to
    // refuel beats drifting 100 units, and on a full tank of 160 the fastest way from the gate to
    // B burns to M first (120 fuel) and cruises the rest (40).
    const waypoints: NavWaypoint[] = [
      { symbol: 'X1-A-S', systemSymbol: 'X1-A', x: 0, y: 0, sellsFuel: false },
      { symbol: 'X1-A-G', systemSymbol: 'X1-A', x: 0, y: 1, sellsFuel: false, jumpsTo: ['X1-B-G'] },
      { symbol: 'X1-A-M', systemSymbol: 'X1-A', x: 60, y: 1, sellsFuel: false },
      { symbol: 'X1-A-B', systemSymbol: 'X1-A', x: 100, y: 1, sellsFuel: false },
      { symbol: 'X1-B-G', systemSymbol: 'X1-B', x: 0, y: 0, sellsFuel: false, jumpsTo: ['X1-A-G'] },
      { symbol: 'X1-B-F', systemSymbol: 'X1-B', x: 0, y: 1, sellsFuel: true },
    ];
    const systems = [
      { symbol: 'X1-A', x: 0, y: 0 },
      { symbol: 'X1-B', x: 0, y: 0 },
    ];
    const start = { symbol: 'S', location: 'X1-A-S', fuel: 2, fuelCapacity: 160, engineSpeed: 30 };
    const options = { refuelSeconds: 5 };
    const route = new RoutePlanner(waypoints, systems).plan(start, 'X1-A-B', options);
    expect(route.totalSeconds).toBe(referenceFastestSeconds(waypoints, start, 'X1-A-B', options, systems));
    expect(route.legs.map((l) => l.to)).toEqual(['X1-A-G', 'X1-B-G', 'X1-B-F', 'X1-B-G', 'X1-A-G', 'X1-A-M', 'X1-A-B']);
  });

  it('trades time for fuel when fuel has a weight, and stays exact against the exhaustive search', () => {
    const waypoints = [wp('A', 0, 0), wp('B', 100, 0)];
    // Time alone: BURN (57 s, 200 fuel). At 0.5 s per fuel unit: CRUISE (98 s + 50) beats BURN (57 s + 100).
    expect(new RoutePlanner(waypoints).plan(ship('A', 400, 400), 'B').legs[0]!.mode).toBe('BURN');
    const thrifty = new RoutePlanner(waypoints).plan(ship('A', 400, 400), 'B', { fuelWeight: 0.5 });
    expect(thrifty.legs[0]!.mode).toBe('CRUISE');
    expect(thrifty.totalSeconds).toBe(travelSeconds(100, 'CRUISE', 30));
    const next = random(31337);
    for (let trial = 0; trial < 150; trial++) {
      const count = 3 + Math.floor(next() * 4);
      const points = Array.from({ length: count }, (_, i) =>
        wp(`W${i}`, Math.round((next() - 0.5) * 120), Math.round((next() - 0.5) * 120), next() < 0.35),
      );
      const capacity = 10 + Math.floor(next() * 50);
      const start = ship('W0', Math.floor(next() * (capacity + 1)), capacity, 5 + Math.floor(next() * 40));
      const destination = `W${1 + Math.floor(next() * (count - 1))}`;
      const options = { refuelSeconds: Math.floor(next() * 20), fuelWeight: Math.round(next() * 40) / 10 };
      const expected = referenceFastestSeconds(points, start, destination, options);
      const planner = new RoutePlanner(points);
      if (expected === undefined) continue;
      const route = planner.plan(start, destination, options);
      expect(route.totalSeconds + options.fuelWeight * route.totalFuel, `trial ${trial}`).toBeCloseTo(expected, 6);
      expectFlyable(route, points, start);
    }
  });

  it('plans on maps far larger than any game system', () => {
    const waypoints = [wp('A', 0, 0), wp('S', 150, 30_000, true), wp('T', 30_000, 30_000, true), wp('B', 60_000, 1)];
    const start = ship('A', 400, 400);
    const route = new RoutePlanner(waypoints).plan(start, 'B', { refuelSeconds: 5 });
    expect(route.totalSeconds).toBe(referenceFastestSeconds(waypoints, start, 'B', { refuelSeconds: 5 }));
    expectFlyable(route, waypoints, start);
  });

  it('refuses a ship whose engine cannot move it', () => {
    expect(() => new RoutePlanner([wp('A', 0, 0), wp('B', 10, 0)]).plan(ship('A', 100, 100, 0), 'B')).toThrow(
      'engine speed of 0',
    );
  });

  it('splits a slow DRIFT trip where shorter legs round down', () => {
    // A→C is 2.83 units (rounded to 3); through B it is two legs of 1.41 (each rounded to 1).
    const waypoints = [wp('A', 0, 0), wp('B', 1, 1), wp('C', 2, 2)];
    const route = new RoutePlanner(waypoints).plan(ship('A', 5, 5, 1), 'C', { modes: ['DRIFT'] });
    expect(route.legs.map((l) => l.to)).toEqual(['B', 'C']);
    expect(route.totalSeconds).toBe(2 * travelSeconds(1.41, 'DRIFT', 1));
  });

  it('stays exact on systems of 70 waypoints', () => {
    const next = random(77);
    for (let trial = 0; trial < 12; trial++) {
      const waypoints = Array.from({ length: 70 }, (_, i) =>
        wp(`W${i}`, Math.round((next() - 0.5) * 200), Math.round((next() - 0.5) * 200), next() < 0.2),
      );
      const start = ship('W0', Math.floor(next() * 31), 30, 5 + Math.floor(next() * 30));
      const destination = `W${1 + Math.floor(next() * 69)}`;
      const expected = referenceFastestSeconds(waypoints, start, destination, { refuelSeconds: 5 });
      const planner = new RoutePlanner(waypoints);
      if (expected === undefined) {
        expect(() => planner.plan(start, destination, { refuelSeconds: 5 })).toThrow(NoRouteError);
        continue;
      }
      const route = planner.plan(start, destination, { refuelSeconds: 5 });
      expect(route.totalSeconds, `trial ${trial}`).toBe(expected);
      expectFlyable(route, waypoints, start);
    }
  });
});
