import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { SqliteContainerStore } from '../../adapters/sqlite/sqlite-container-store.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { TradeLeg, TradeRow } from '../../domain/trading/trade-planner.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { Request } from '../../mediator/request.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { runInContainer } from '../containers/container-scope.js';
import type { Markets } from '../markets/markets.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import type { Players } from '../player/players.js';
import { JettisonCargo } from '../ships/jettison-cargo.js';
import { SellCargo } from '../ships/sell-cargo.js';
import type { SystemMap } from '../systems/system-map.js';
import { TradeRun, TradeRunHandler } from './trade-run.js';
import type { TradePlan, TradePlanning } from './trade-planning.js';
import { type LegReport, TradeTrips } from './trade-trips.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const clock = { now: () => Date.now(), sleep: async () => {} };
const players = { resolve: () => ({ agentSymbol: 'NOVA-1', token: 't' }) } as unknown as Players;

function row(good: string, buyAt: string, sellAt: string, creditsPerHour: number): TradeRow {
  const leg: TradeLeg = {
    good,
    buyAt,
    sellAt,
    units: 40,
    buyPrice: 100,
    sellPrice: 160,
    expectedProfit: 2000,
    seconds: 100,
  };
  return {
    good,
    buyAt,
    sellAt,
    units: 40,
    expectedProfit: 2000,
    seconds: 100,
    creditsPerHour,
    dataAgeSeconds: 0,
    fuelCredits: 0,
    legs: [leg],
  };
}

function api(cargo: Array<{ symbol: string; units: number }> = []): SpaceTradersApi {
  const units = cargo.reduce((sum, item) => sum + item.units, 0);
  return {
    getShip: async () => new Ship(shipState({ cargo: { capacity: 40, units, inventory: cargo } })),
    getMyAgent: async () => ({ credits: 100_000 }),
  } as unknown as SpaceTradersApi;
}

/** A system whose market X1-A-5 (near) and X1-A-9 (far) list GOLD_ORE; nobody trades JUNK. */
const map = {
  load: async () => ({
    systemSymbol: 'X1-A',
    waypoints: [
      { symbol: 'X1-A-1', x: 0, y: 0 },
      { symbol: 'X1-A-5', x: 10, y: 0 },
      { symbol: 'X1-A-9', x: 90, y: 0 },
    ],
    markets: ['X1-A-9', 'X1-A-5'].map((symbol) => ({
      symbol,
      imports: [{ symbol: 'GOLD_ORE' }],
      exports: [],
      exchange: [{ symbol: 'FUEL' }],
    })),
  }),
} as unknown as SystemMap;

const inContainer = <T>(id: string, fn: () => Promise<T>) =>
  runInContainer({ containerId: id, signal: new AbortController().signal }, fn);

describe('TradeRun', () => {
  it('skips a route another trader reserved after the plan was made, and frees its own route after the trip', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    // The plan still shows IRON (it was made before the other trader's claim landed).
    const planning = {
      plan: async () =>
        ({
          rows: [row('IRON', 'X1-A-1', 'X1-A-2', 9000), row('COPPER', 'X1-A-3', 'X1-A-4', 8000)],
          reserved: [],
        }) as unknown as TradePlan,
    } as unknown as TradePlanning;
    store.claim('other', ['route:IRON:X1-A-1>X1-A-2'], 1);
    const flown: string[] = [];
    const trips = {
      leg: async (_p: unknown, _s: string, leg: TradeLeg): Promise<LegReport> => {
        flown.push(`${leg.good}:${leg.buyAt}>${leg.sellAt}`);
        expect(store.claimed('route:')).toContainEqual({ resource: 'route:COPPER:X1-A-3>X1-A-4', holder: 'me' });
        return {
          good: leg.good,
          buyAt: leg.buyAt,
          sellAt: leg.sellAt,
          bought: 40,
          sold: 40,
          spent: 4000,
          earned: 6000,
          aborted: null,
        };
      },
    } as unknown as TradeTrips;
    const handler = new TradeRunHandler(players, api(), planning, trips, store, quiet, clock);
    const report = await inContainer('me', () => handler.handle(new TradeRun({ shipSymbol: 'NOVA-1-1', trips: 1 })));
    expect(flown).toEqual(['COPPER:X1-A-3>X1-A-4']);
    expect(report).toMatchObject({ trips: [{ route: ['route:COPPER:X1-A-3>X1-A-4'], profit: 2000 }], profit: 2000 });
    expect(store.claimed('route:')).toEqual([{ resource: 'route:IRON:X1-A-1>X1-A-2', holder: 'other' }]);
  });

  it('stops when every route worth running is reserved, and below the threshold', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    store.claim('other', ['route:IRON:X1-A-1>X1-A-2'], 1);
    const planning = {
      plan: async () =>
        ({
          rows: [row('IRON', 'X1-A-1', 'X1-A-2', 9000), row('COPPER', 'X1-A-3', 'X1-A-4', 500)],
          reserved: [],
        }) as unknown as TradePlan,
    } as unknown as TradePlanning;
    const trips = { leg: async () => expect.fail('no leg should be flown') } as unknown as TradeTrips;
    const handler = new TradeRunHandler(players, api(), planning, trips, store, quiet, clock);
    const report = await inContainer('me', () =>
      handler.handle(new TradeRun({ shipSymbol: 'NOVA-1-1', trips: 1, minProfitPerHour: 1000 })),
    );
    expect(report).toMatchObject({ trips: [], stoppedBecause: 'NO_ROUTE' });
  });

  it('after a restart, sells what the hold carries where its reserved route sells it', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    store.claim('me', ['ship:NOVA-1-1', 'route:IRON:X1-A-1>X1-A-7'], 1);
    const sent: Request<unknown>[] = [];
    const mediator = {
      send: async (request: Request<unknown>) => {
        sent.push(request);
        return request instanceof SellCargo ? { units: 30, totalPrice: 4500, stoppedBecause: null } : {};
      },
    } as unknown as Mediator;
    const planning = { quotes: () => [], plan: async () => ({ rows: [], reserved: [] }) } as unknown as TradePlanning;
    const trips = new TradeTrips(mediator, api(), {} as Markets, planning, store, quiet, clock, map);
    const handler = new TradeRunHandler(
      players,
      api([{ symbol: 'IRON', units: 30 }]),
      planning,
      trips,
      store,
      quiet,
      clock,
    );
    const report = await inContainer('me', () => handler.handle(new TradeRun({ shipSymbol: 'NOVA-1-1', trips: 1 })));
    expect(
      sent.map((r) =>
        r instanceof NavigateShip ? `fly ${r.destination}` : r instanceof SellCargo ? `sell ${r.good}` : '?',
      ),
    ).toEqual(['fly X1-A-7', 'sell IRON']);
    expect(report.trips[0]).toMatchObject({
      route: [],
      legs: [{ good: 'IRON', sellAt: 'X1-A-7', sold: 30, earned: 4500 }],
    });
    // The cut-short trip's route is free again; the ship stays claimed.
    expect(store.claimed('route:')).toEqual([]);
    expect(store.claim('other', ['ship:NOVA-1-1'], 2)).toEqual({ resource: 'ship:NOVA-1-1', holder: 'me' });
  });

  it('starts with what the hold carries: sells it where a market trades it, though no price was seen; jettisons what none trades', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    const sent: Request<unknown>[] = [];
    const mediator = {
      send: async (request: Request<unknown>) => {
        sent.push(request);
        return request instanceof SellCargo ? { units: 5, totalPrice: 400, stoppedBecause: null } : {};
      },
    } as unknown as Mediator;
    const planning = { quotes: () => [], plan: async () => ({ rows: [], reserved: [] }) } as unknown as TradePlanning;
    const trips = new TradeTrips(mediator, api(), {} as Markets, planning, store, quiet, clock, map);
    const leftovers = api([
      { symbol: 'GOLD_ORE', units: 5 },
      { symbol: 'JUNK', units: 2 },
    ]);
    const handler = new TradeRunHandler(players, leftovers, planning, trips, store, quiet, clock);
    const report = await inContainer('me', () => handler.handle(new TradeRun({ shipSymbol: 'NOVA-1-1', trips: 1 })));
    expect(
      sent.map((r) =>
        r instanceof NavigateShip
          ? `fly ${r.destination}`
          : r instanceof SellCargo
            ? `sell ${r.good}`
            : r instanceof JettisonCargo
              ? `jettison ${r.units} ${r.good}`
              : '?',
      ),
    ).toEqual(['fly X1-A-5', 'sell GOLD_ORE', 'jettison 2 JUNK']);
    expect(report.trips[0]?.legs).toMatchObject([
      { good: 'GOLD_ORE', sellAt: 'X1-A-5', sold: 5, earned: 400, aborted: null },
      { good: 'JUNK', sold: 0, aborted: 'jettisoned 2 JUNK: no market of X1-A trades it' },
    ]);
  });
});
