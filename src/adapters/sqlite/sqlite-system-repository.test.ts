import { describe, expect, it } from 'vitest';
import { Player } from '../../domain/player/player.js';
import { runInContext, currentUnitOfWork } from '../../mediator/context.js';
import { UnitOfWork } from '../../mediator/unit-of-work.js';
import type { SystemLinks } from '../../ports/system-repository.js';
import { openDatabase } from './connection.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteSystemRepository } from './sqlite-system-repository.js';
import { SqliteUnitOfWorkStore } from './sqlite-unit-of-work-store.js';

const agent = (symbol: string) => ({ symbol, headquarters: 'X1-AB12-A1', credits: 175_000, startingFaction: 'COSMIC' });
const links: SystemLinks = {
  systemSymbol: 'X1-AB12',
  x: 10,
  y: -20,
  gate: { symbol: 'X1-AB12-J9', x: 3, y: 4, underConstruction: false, connections: ['X1-CD34-J1'] },
  syncedAt: 1_700_000_000_000,
};

function database() {
  const db = openDatabase(':memory:');
  const players = new SqlitePlayerRepository(db, currentUnitOfWork);
  for (const symbol of ['NOVA-1', 'NOVA-2']) players.save(Player.registered(agent(symbol), 'tok', 1).player);
  return { db, systems: new SqliteSystemRepository(db, currentUnitOfWork) };
}

describe('SqliteSystemRepository: gate links', () => {
  it("keeps each player's positions and gate links apart, replaces them on a second save, and forgets them on clear", () => {
    const { systems } = database();
    systems.saveLinks('NOVA-1', links);
    expect(systems.findLinks('NOVA-1', 'X1-AB12')).toEqual(links);
    expect(systems.findLinks('NOVA-2', 'X1-AB12')).toBeUndefined();
    const built = {
      ...links,
      gate: { ...links.gate!, connections: ['X1-CD34-J1', 'X1-EF56-J2'] },
      syncedAt: links.syncedAt + 1,
    };
    systems.saveLinks('NOVA-1', built);
    expect(systems.findLinks('NOVA-1', 'X1-AB12')).toEqual(built);
    systems.saveLinks('NOVA-2', links);
    systems.clear('NOVA-1');
    expect(systems.findLinks('NOVA-1', 'X1-AB12')).toBeUndefined();
    expect(systems.findLinks('NOVA-2', 'X1-AB12')).toEqual(links);
  });

  it('inside a unit of work: reads see the pending write, the database sees it only at commit', () => {
    const { db, systems } = database();
    const unitOfWork = new UnitOfWork(new SqliteUnitOfWorkStore(db));
    runInContext({ requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0, unitOfWork }, () => {
      systems.saveLinks('NOVA-1', links);
      expect(systems.findLinks('NOVA-1', 'X1-AB12')).toEqual(links);
    });
    expect(systems.findLinks('NOVA-1', 'X1-AB12')).toBeUndefined();
    unitOfWork.commit();
    expect(systems.findLinks('NOVA-1', 'X1-AB12')).toEqual(links);
  });
});
