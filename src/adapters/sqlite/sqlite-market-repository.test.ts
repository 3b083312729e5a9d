import { describe, expect, it } from 'vitest';
import type { MarketObservation } from '../../domain/market/market.js';
import { Player } from '../../domain/player/player.js';
import { currentUnitOfWork, runInContext } from '../../mediator/context.js';
import { UnitOfWork } from '../../mediator/unit-of-work.js';
import { openDatabase } from './connection.js';
import { SqliteLedger } from './sqlite-ledger.js';
import { SqliteMarketRepository } from './sqlite-market-repository.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteUnitOfWorkStore } from './sqlite-unit-of-work-store.js';

const agent = (symbol: string) => ({ symbol, headquarters: 'X1-AB12-A1', credits: 175_000, startingFaction: 'COSMIC' });
const DAY = 24 * 3600_000;
const T0 = 1_700_000_000_000;

function observation(observedAt: number, purchasePrice = 100): MarketObservation {
  return {
    waypoint: 'X1-AB12-A1',
    observedAt,
    imports: ['IRON_ORE'],
    exports: ['IRON'],
    exchange: [],
    tradeGoods: [
      {
        symbol: 'IRON',
        type: 'EXPORT',
        supply: 'HIGH',
        activity: 'GROWING',
        tradeVolume: 20,
        purchasePrice,
        sellPrice: 90,
      },
      {
        symbol: 'IRON_ORE',
        type: 'IMPORT',
        supply: 'SCARCE',
        activity: null,
        tradeVolume: 60,
        purchasePrice: 30,
        sellPrice: 25,
      },
    ],
  };
}

function database() {
  const db = openDatabase(':memory:');
  const players = new SqlitePlayerRepository(db, currentUnitOfWork);
  for (const symbol of ['NOVA-1', 'NOVA-2']) players.save(Player.registered(agent(symbol), 'tok', 1).player);
  return {
    db,
    markets: new SqliteMarketRepository(db, currentUnitOfWork, 7),
    ledger: new SqliteLedger(db, currentUnitOfWork),
  };
}

const rows = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT COUNT(*) AS n FROM market_observations').get() as { n: number }).n;

describe('SqliteMarketRepository', () => {
  it('keeps one row per good per read, returns the latest read whole, per player', () => {
    const { db, markets } = database();
    markets.record('NOVA-1', 'X1-AB12', observation(T0, 100));
    markets.record('NOVA-1', 'X1-AB12', observation(T0 + 60_000, 120));
    expect(rows(db)).toBe(4);
    expect(markets.latest('NOVA-1', 'X1-AB12-A1')).toEqual(observation(T0 + 60_000, 120));
    expect(markets.latest('NOVA-2', 'X1-AB12-A1')).toBeUndefined();
    expect(markets.freshest('NOVA-1', 'X1-AB12')).toEqual([{ waypoint: 'X1-AB12-A1', observedAt: T0 + 60_000 }]);
    expect(markets.freshest('NOVA-1', 'X1-OTHER')).toEqual([]);
  });

  it('stores nothing for a read without prices, prunes reads older than the retention, and empties on clear', () => {
    const { db, markets } = database();
    markets.record('NOVA-1', 'X1-AB12', { ...observation(T0), tradeGoods: [] });
    expect(rows(db)).toBe(0);
    markets.record('NOVA-1', 'X1-AB12', observation(T0));
    markets.record('NOVA-2', 'X1-AB12', observation(T0));
    markets.record('NOVA-1', 'X1-AB12', observation(T0 + 8 * DAY));
    expect(rows(db)).toBe(4);
    markets.clear('NOVA-1');
    expect(markets.latest('NOVA-1', 'X1-AB12-A1')).toBeUndefined();
    expect(markets.latest('NOVA-2', 'X1-AB12-A1')?.observedAt).toBe(T0);
  });

  it('inside a unit of work: the latest read is seen at once, written only at commit', () => {
    const { db, markets } = database();
    const unitOfWork = new UnitOfWork(new SqliteUnitOfWorkStore(db));
    runInContext({ requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0, unitOfWork }, () => {
      markets.record('NOVA-1', 'X1-AB12', observation(T0));
      markets.record('NOVA-1', 'X1-AB12', observation(T0 + 1));
      expect(markets.latest('NOVA-1', 'X1-AB12-A1')?.observedAt).toBe(T0 + 1);
    });
    expect(rows(db)).toBe(0);
    unitOfWork.commit();
    expect(rows(db)).toBe(4);
  });
});

describe('SqliteLedger', () => {
  it('writes one row per entry (two equal lots are two rows), signed, and reads them back oldest first', () => {
    const { ledger } = database();
    const entry = {
      at: T0,
      ship: 'NOVA-1-1',
      kind: 'PURCHASE' as const,
      good: 'IRON',
      units: 20,
      credits: -2000,
      waypoint: 'X1-AB12-A1',
      pricePerUnit: 100,
      balanceAfter: 173_000,
    };
    ledger.record('NOVA-1', { ...entry, at: T0 + 5, kind: 'SALE', credits: 2100, pricePerUnit: 105 });
    ledger.record('NOVA-1', entry);
    ledger.record('NOVA-1', entry);
    expect(ledger.entries('NOVA-1').map((e) => e.credits)).toEqual([-2000, -2000, 2100]);
    expect(ledger.entries('NOVA-1', T0 + 1)).toHaveLength(1);
    expect(ledger.entries('NOVA-2')).toEqual([]);
    expect(ledger.entries('NOVA-1')[0]).toEqual(entry);
  });
  it('finds the latest observation of a good at each market, in one system if asked, per player', () => {
    const { markets } = database();
    markets.record('NOVA-1', 'X1-AB12', observation(T0, 100));
    markets.record('NOVA-1', 'X1-AB12', observation(T0 + 60_000, 120));
    markets.record('NOVA-1', 'X1-CD34', { ...observation(T0 + 1_000, 80), waypoint: 'X1-CD34-B2' });
    markets.record('NOVA-2', 'X1-AB12', observation(T0 + 90_000, 999));
    const found = markets.latestOfGood('NOVA-1', 'IRON');
    expect(found.map((f) => [f.waypoint, f.system, f.observedAt, f.good.purchasePrice])).toEqual([
      ['X1-AB12-A1', 'X1-AB12', T0 + 60_000, 120],
      ['X1-CD34-B2', 'X1-CD34', T0 + 1_000, 80],
    ]);
    expect(markets.latestOfGood('NOVA-1', 'IRON', 'X1-CD34').map((f) => f.waypoint)).toEqual(['X1-CD34-B2']);
    expect(markets.latestOfGood('NOVA-1', 'COPPER')).toEqual([]);
  });

  it('lists every stored observation of a good by market, oldest first, filtered by market, system and time', () => {
    const { db, markets } = database();
    markets.record('NOVA-1', 'X1-AB12', observation(T0 + 60_000, 120));
    markets.record('NOVA-1', 'X1-AB12', observation(T0, 100));
    markets.record('NOVA-1', 'X1-CD34', { ...observation(T0 + 1_000, 80), waypoint: 'X1-CD34-B2' });
    markets.record('NOVA-2', 'X1-AB12', observation(T0 + 90_000, 999));
    const history = markets.historyOfGood('NOVA-1', 'IRON');
    expect(history.map((f) => [f.waypoint, f.observedAt, f.good.purchasePrice, f.good.sellPrice])).toEqual([
      ['X1-AB12-A1', T0, 100, 90],
      ['X1-AB12-A1', T0 + 60_000, 120, 90],
      ['X1-CD34-B2', T0 + 1_000, 80, 90],
    ]);
    expect(history[0]!.good).toMatchObject({ supply: 'HIGH', activity: 'GROWING', tradeVolume: 20 });
    expect(markets.historyOfGood('NOVA-1', 'IRON', { waypoint: 'X1-CD34-B2' })).toHaveLength(1);
    expect(markets.historyOfGood('NOVA-1', 'IRON', { system: 'X1-AB12' })).toHaveLength(2);
    expect(markets.historyOfGood('NOVA-1', 'IRON', { since: T0 + 1_000 }).map((f) => f.observedAt)).toEqual([
      T0 + 60_000,
      T0 + 1_000,
    ]);
    expect(markets.historyOfGood('NOVA-1', 'GOLD')).toEqual([]);
    // The query is served by the index on (player, good, time), not a scan of every observation.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM market_observations WHERE player_symbol = 'NOVA-1' AND good = 'IRON'
         AND observed_at >= 0 ORDER BY waypoint_symbol, observed_at, id`,
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('market_observations_by_good');
  });
});

describe('SqliteLedger baselines', () => {
  it('keeps the credits baselines per player, oldest first, from a moment on', () => {
    const { ledger } = database();
    ledger.recordBaseline('NOVA-1', { at: T0 + 10, credits: 150_000 });
    ledger.recordBaseline('NOVA-1', { at: T0, credits: 175_000 });
    ledger.recordBaseline('NOVA-2', { at: T0, credits: 1 });
    expect(ledger.baselines('NOVA-1')).toEqual([
      { at: T0, credits: 175_000 },
      { at: T0 + 10, credits: 150_000 },
    ]);
    expect(ledger.baselines('NOVA-1', T0 + 1)).toEqual([{ at: T0 + 10, credits: 150_000 }]);
  });
});
