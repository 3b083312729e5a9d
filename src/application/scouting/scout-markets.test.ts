import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Ship, type ShipState } from '../../domain/fleet/ship.js';
import { distance, travelSeconds } from '../../domain/navigation/flight-mode.js';
import type { Clock } from '../../ports/clock.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { SHIP_NOW, shipState } from '../../test-support/ship-mother.js';
import { ListMarkets } from '../markets/list-markets.js';
import { RegisterPlayer } from '../player/register-player.js';
import { PlanScoutTours } from './plan-scout-tours.js';
import { ScoutMarkets } from './scout-markets.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

/** X1-A: 1 market and shipyard, 2 market, 3 shipyard, 4 neither; 5 a market far out. */
const WAYPOINTS = [
  { symbol: 'X1-A-1', x: 0, y: 0, traits: ['MARKETPLACE', 'SHIPYARD'] },
  { symbol: 'X1-A-2', x: 60, y: 0, traits: ['MARKETPLACE'] },
  { symbol: 'X1-A-3', x: 0, y: 80, traits: ['SHIPYARD'] },
  { symbol: 'X1-A-4', x: 50, y: 50, traits: [] },
  { symbol: 'X1-A-5', x: -300, y: 0, traits: ['MARKETPLACE'] },
];

/**
 * A server stand-in with probes that really move (by the published travel times) on a virtual
 * clock, and markets that show prices only with a ship there; the scouting use case is under test.
 */
function world(probes: Array<{ symbol: string; at?: string; system?: string; tank?: number }>) {
  let now = SHIP_NOW;
  const clock: Clock = { now: () => now, sleep: async (ms) => void (now += ms) };
  const ships = new Map<string, ShipState>(
    probes.map((p) => [
      p.symbol,
      shipState(
        { symbol: p.symbol, role: 'SATELLITE', engineSpeed: 9, fuel: { current: p.tank ?? 0, capacity: p.tank ?? 0 } },
        { waypointSymbol: p.at ?? 'X1-A-1', systemSymbol: p.system ?? 'X1-A', status: 'DOCKED' },
      ),
    ]),
  );
  const reads: Array<{ waypoint: string; kind: 'market' | 'shipyard'; at: number }> = [];
  const point = (symbol: string) => WAYPOINTS.find((w) => w.symbol === symbol)!;
  const landed = (state: ShipState): ShipState =>
    state.nav.status === 'IN_TRANSIT' && now >= state.nav.arrival
      ? { ...state, nav: { ...state.nav, status: 'IN_ORBIT' } }
      : state;
  const ship = (symbol: string) => {
    const state = ships.get(symbol);
    if (!state) throw new Error(`no ship ${symbol}`);
    ships.set(symbol, landed(state));
    return ships.get(symbol)!;
  };
  const present = (waypoint: string) =>
    [...ships.values()].some((s) => landed(s).nav.waypointSymbol === waypoint && landed(s).nav.status !== 'IN_TRANSIT');
  const agent = (): AgentDto => anAgent({ credits: 1000, shipCount: ships.size });
  const api = {
    register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
    getMyAgent: async () => agent(),
    getShip: async (_token: string, symbol: string) => new Ship(ship(symbol)),
    orbit: async (_token: string, symbol: string) => {
      const state = ship(symbol);
      ships.set(symbol, { ...state, nav: { ...state.nav, status: 'IN_ORBIT' } });
      return ships.get(symbol)!.nav;
    },
    setFlightMode: async (_token: string, symbol: string, mode: string) => {
      const state = ship(symbol);
      ships.set(symbol, { ...state, nav: { ...state.nav, flightMode: mode } });
      return { nav: ships.get(symbol)!.nav, fuel: state.fuel };
    },
    navigate: async (_token: string, symbol: string, to: string) => {
      const state = ship(symbol);
      const from = state.nav.waypointSymbol;
      const seconds = travelSeconds(distance(point(from), point(to)), 'BURN', state.engineSpeed);
      const nav = { ...state.nav, status: 'IN_TRANSIT' as const, origin: from, destination: to, waypointSymbol: to };
      ships.set(symbol, { ...state, nav: { ...nav, departureTime: now, arrival: now + seconds * 1000 } });
      return { nav: ships.get(symbol)!.nav, fuel: state.fuel };
    },
    listWaypoints: async () =>
      WAYPOINTS.map((w) => ({
        ...w,
        systemSymbol: 'X1-A',
        type: 'PLANET',
        orbitals: [],
        isUnderConstruction: false,
        traits: w.traits.map((symbol) => ({ symbol, name: symbol, description: '' })),
      })),
    getMarket: async (_token: string, _system: string, waypoint: string) => ({
      symbol: waypoint,
      exports: [],
      imports: [{ symbol: 'IRON', name: 'Iron', description: '' }],
      exchange: [],
    }),
    readMarket: async (_token: string, _system: string, waypoint: string) => {
      const live = present(waypoint);
      if (live) reads.push({ waypoint, kind: 'market', at: now });
      const good = { symbol: 'IRON', type: 'IMPORT', supply: 'MODERATE', activity: 'WEAK', tradeVolume: 20 };
      return {
        waypoint,
        imports: ['IRON'],
        exports: [],
        exchange: [],
        tradeGoods: live ? [{ ...good, purchasePrice: 60, sellPrice: 55 }] : [],
      };
    },
    readShipyard: async (_token: string, _system: string, waypoint: string) => {
      const live = present(waypoint);
      if (live) reads.push({ waypoint, kind: 'shipyard', at: now });
      const offer = { type: 'SHIP_PROBE', name: 'Probe', supply: 'HIGH', engineSpeed: 9, cargoCapacity: 0 };
      return {
        waypoint,
        shipTypes: ['SHIP_PROBE'],
        ships: [{ ...offer, fuelCapacity: 0, mounts: [], purchasePrice: live ? 20_000 : null }],
      };
    },
  } as unknown as SpaceTradersApi;
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
    api,
    logger: silentLogger,
    clock,
    database: openDatabase(':memory:'),
  });
  const register = () =>
    bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  return { bot, reads, ships, clock, register };
}

describe('ScoutMarkets', () => {
  it('one round with two probes reads every market and every shipyard of the system once, and stores them', async () => {
    const { bot, reads, register } = world([{ symbol: 'P-1' }, { symbol: 'P-2' }]);
    await register();
    const result = await bot.mediator.send(new ScoutMarkets({ system: 'x1-a', ships: ['P-1', 'p-2'], rounds: 1 }));
    expect(result).toMatchObject({ system: 'X1-A', rounds: 1, visits: 4 });
    expect(reads.map((r) => `${r.kind} ${r.waypoint}`).sort()).toEqual([
      'market X1-A-1',
      'market X1-A-2',
      'market X1-A-5',
      'shipyard X1-A-1',
      'shipyard X1-A-3',
    ]);
    const markets = await bot.mediator.send(new ListMarkets({ system: 'X1-A' }));
    expect(markets.map((m) => [m.waypoint, m.observedAt !== null])).toEqual([
      ['X1-A-1', true],
      ['X1-A-2', true],
      ['X1-A-5', true],
    ]);
  });

  it('waits between rounds until an observation is about to get older than the maximum age, never longer', async () => {
    const { bot, reads, register } = world([{ symbol: 'P-1' }, { symbol: 'P-2' }]);
    await register();
    const maxAge = 900;
    const plan = await bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['P-1', 'P-2'] }));
    expect(plan.makespanSeconds).toBeLessThan(maxAge);
    await bot.mediator.send(
      new ScoutMarkets({ system: 'X1-A', ships: ['P-1', 'P-2'], maxAgeSeconds: maxAge, rounds: 3 }),
    );
    const gaps: number[] = [];
    for (const key of new Set(reads.map((r) => `${r.kind} ${r.waypoint}`))) {
      const times = reads.filter((r) => `${r.kind} ${r.waypoint}` === key).map((r) => r.at);
      expect(times).toHaveLength(3);
      for (let i = 1; i < times.length; i++) gaps.push((times[i]! - times[i - 1]!) / 1000);
    }
    // The most urgent stop is refreshed right at the limit (the fleet did not come back early) and none later.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(maxAge + 2);
    expect(Math.max(...gaps)).toBeGreaterThan(maxAge - 5);
  });

  it('waits before a round when every observation is still fresh', async () => {
    const { bot, reads, register, clock } = world([{ symbol: 'P-1' }]);
    await register();
    await bot.mediator.send(new ScoutMarkets({ system: 'X1-A', ships: ['P-1'], rounds: 1 }));
    const started = clock.now();
    reads.length = 0;
    await bot.mediator.send(new ScoutMarkets({ system: 'X1-A', ships: ['P-1'], maxAgeSeconds: 3600, rounds: 1 }));
    // Every stop is observed now, so the second run waits before its first read.
    expect(reads[0]!.at - started).toBeGreaterThan(60_000);
  });

  it('claims every ship it flies and refuses bad input before anything is sent', () => {
    expect(new ScoutMarkets({ system: 'X1-A', ships: ['p-1', 'P-2'] }).claims()).toEqual(['ship:P-1', 'ship:P-2']);
    const invalid = [
      { system: 'X1', ships: ['P-1'] },
      { system: 'X1-A', ships: [] },
      { system: 'X1-A', ships: ['P-1', 'p-1'] },
      { system: 'X1-A', ships: ['P-1'], maxAgeSeconds: 0 },
      { system: 'X1-A', ships: ['P-1'], rounds: 0 },
      { system: 'X1-A', ships: ['P-1'], rounds: 1.5 },
    ];
    for (const props of invalid) expect(() => new ScoutMarkets(props).validate(), JSON.stringify(props)).toThrow();
  });
});

describe('PlanScoutTours', () => {
  it('plans every marketplace and shipyard, and nothing else, split between the ships', async () => {
    const { bot, register } = world([{ symbol: 'P-1' }, { symbol: 'P-2' }]);
    await register();
    const plan = await bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['P-1', 'P-2'] }));
    expect(plan.tours.flatMap((t) => t.stops).sort()).toEqual(['X1-A-1', 'X1-A-2', 'X1-A-3', 'X1-A-5']);
    expect(plan.makespanSeconds).toBe(Math.max(...plan.tours.map((t) => t.seconds)));
  });

  it('counts the rest of a flight for a ship still in transit to its start', async () => {
    const { bot, register, ships } = world([{ symbol: 'P-1' }]);
    await register();
    const still = await bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['P-1'] }));
    const state = ships.get('P-1')!;
    ships.set('P-1', { ...state, nav: { ...state.nav, status: 'IN_TRANSIT', arrival: SHIP_NOW + 100_000 } });
    const flying = await bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['P-1'] }));
    expect(flying.tours[0]!.stops).toEqual(still.tours[0]!.stops);
    expect(flying.makespanSeconds).toBe(still.makespanSeconds + 100);
  });

  it('refuses a ship in another system and a ship with a fuel tank, naming them', async () => {
    const { bot, register } = world([
      { symbol: 'P-1' },
      { symbol: 'P-2', at: 'X1-B-1', system: 'X1-B' },
      { symbol: 'F-1', tank: 400 },
    ]);
    await register();
    await expect(bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['P-1', 'P-2'] }))).rejects.toThrow(
      'P-2 is in X1-B, not in X1-A',
    );
    await expect(bot.mediator.send(new PlanScoutTours({ system: 'X1-A', ships: ['F-1'] }))).rejects.toThrow(
      /F-1 has a fuel tank \(400\)/,
    );
  });
});
