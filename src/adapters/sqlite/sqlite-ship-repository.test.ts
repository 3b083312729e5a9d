import { describe, expect, it } from 'vitest';
import { Ship } from '../../domain/fleet/ship.js';
import { Player } from '../../domain/player/player.js';
import { shipState } from '../../test-support/ship-mother.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { openDatabase } from './connection.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteShipRepository } from './sqlite-ship-repository.js';

/** A database with the player NOVA-1 (ships belong to a player). */
function database() {
  const db = openDatabase(':memory:');
  const agent = { symbol: 'NOVA-1', headquarters: 'X1-A-1', credits: 0, startingFaction: 'COSMIC' };
  new SqlitePlayerRepository(db, currentUnitOfWork).save(Player.registered(agent, 'tok', 1).player);
  return db;
}

describe('SqliteShipRepository', () => {
  it("stores the domain ship's snapshot and reads it back per player", () => {
    const repo = new SqliteShipRepository(database(), currentUnitOfWork);
    const ship = new Ship(shipState({ modules: ['MODULE_WARP_DRIVE_I'] }));
    repo.save('NOVA-1', ship, 1);
    expect(repo.find('NOVA-1', 'NOVA-1-1')?.snapshot()).toEqual(ship.snapshot());
    expect(repo.list('NOVA-1').map((s) => s.symbol)).toEqual(['NOVA-1-1']);
    expect(repo.find('NOVA-2', 'NOVA-1-1')).toBeUndefined();
  });

  it("treats a row in the API's older shape as a cache miss, and replaces it on the next save", () => {
    const db = database();
    const repo = new SqliteShipRepository(db, currentUnitOfWork);
    const old = { symbol: 'NOVA-1-1', nav: { waypointSymbol: 'X1-A-1', route: {} }, fuel: { current: 1, capacity: 2 } };
    db.prepare('INSERT INTO ships (player_symbol, ship_symbol, data, synced_at) VALUES (?, ?, ?, ?)').run(
      'NOVA-1',
      'NOVA-1-1',
      JSON.stringify(old),
      1,
    );
    expect(repo.find('NOVA-1', 'NOVA-1-1')).toBeUndefined();
    expect(repo.list('NOVA-1')).toEqual([]);
    repo.save('NOVA-1', new Ship(shipState()), 2);
    expect(repo.find('NOVA-1', 'NOVA-1-1')?.location()).toBe('X1-A-1');
  });
});
