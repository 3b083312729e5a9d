import { describe, expect, it } from 'vitest';
import type { ShipyardObservation } from '../../domain/shipyard/shipyard.js';
import { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { openDatabase } from './connection.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteShipyardRepository } from './sqlite-shipyard-repository.js';

const agent = (symbol: string) => ({ symbol, headquarters: 'X1-AB12-A1', credits: 175_000, startingFaction: 'COSMIC' });
const DAY = 24 * 3600_000;
const T0 = 1_700_000_000_000;

function observation(waypoint: string, observedAt: number, probePrice: number): ShipyardObservation {
  const offer = (type: string, purchasePrice: number) => ({
    type,
    name: type,
    purchasePrice,
    supply: 'MODERATE',
    engineSpeed: 3,
    cargoCapacity: 0,
    fuelCapacity: 0,
    mounts: ['MOUNT_SENSOR_ARRAY_I'],
  });
  return {
    waypoint,
    observedAt,
    shipTypes: ['SHIP_PROBE', 'SHIP_LIGHT_HAULER'],
    ships: [offer('SHIP_PROBE', probePrice), offer('SHIP_LIGHT_HAULER', 300_000)],
  };
}

function database() {
  const db = openDatabase(':memory:');
  const players = new SqlitePlayerRepository(db, currentUnitOfWork);
  for (const symbol of ['NOVA-1', 'NOVA-2']) players.save(Player.registered(agent(symbol), 'tok', 1).player);
  return { db, yards: new SqliteShipyardRepository(db, currentUnitOfWork, 7) };
}

const rows = (db: ReturnType<typeof openDatabase>) =>
  (db.prepare('SELECT COUNT(*) AS n FROM shipyard_observations').get() as { n: number }).n;

describe('SqliteShipyardRepository', () => {
  it('keeps one row per offer per read and returns the latest read whole, per player', () => {
    const { db, yards } = database();
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0, 20_000));
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0 + 60_000, 20_500));
    expect(rows(db)).toBe(4);
    expect(yards.latest('NOVA-1', 'X1-AB12-A1')).toEqual(observation('X1-AB12-A1', T0 + 60_000, 20_500));
    expect(yards.latest('NOVA-2', 'X1-AB12-A1')).toBeUndefined();
  });

  it("lists each shipyard's latest price of a type, cheapest first", () => {
    const { yards } = database();
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0, 10_000));
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0 + 1000, 30_000));
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-B2', T0, 25_000));
    expect(yards.pricesOf('NOVA-1', 'SHIP_PROBE')).toEqual([
      { waypoint: 'X1-AB12-B2', purchasePrice: 25_000, observedAt: T0 },
      { waypoint: 'X1-AB12-A1', purchasePrice: 30_000, observedAt: T0 + 1000 },
    ]);
    expect(yards.pricesOf('NOVA-1', 'SHIP_SURVEYOR')).toEqual([]);
  });

  it('stores nothing for a read without prices and prunes reads older than the retention, and empties on clear', () => {
    const { db, yards } = database();
    yards.record('NOVA-1', 'X1-AB12', { ...observation('X1-AB12-A1', T0, 1), ships: [] });
    expect(rows(db)).toBe(0);
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0, 1));
    yards.record('NOVA-1', 'X1-AB12', observation('X1-AB12-A1', T0 + 8 * DAY, 2));
    expect(rows(db)).toBe(2);
    yards.record('NOVA-2', 'X1-AB12', observation('X1-AB12-A1', T0 + 8 * DAY, 2));
    yards.clear('NOVA-1');
    expect(yards.latest('NOVA-1', 'X1-AB12-A1')).toBeUndefined();
    expect(rows(db)).toBe(2);
  });
});
