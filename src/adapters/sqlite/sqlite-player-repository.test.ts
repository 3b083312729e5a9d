import { describe, expect, it } from 'vitest';
import { Player } from '../../domain/player/player.js';
import { runInContext, currentUnitOfWork } from '../../mediator/context.js';
import { UnitOfWork } from '../../mediator/unit-of-work.js';
import { openDatabase } from './connection.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteUnitOfWorkStore } from './sqlite-unit-of-work-store.js';

const agent = { symbol: 'NOVA-1', headquarters: 'X1-AB12-A1', credits: 175_000, startingFaction: 'COSMIC' };

describe('SqlitePlayerRepository', () => {
  it('round-trips a player with its token, metadata and timestamps', () => {
    const repo = new SqlitePlayerRepository(openDatabase(':memory:'), currentUnitOfWork);
    const { player } = Player.registered(agent, 'tok-1', 1_700_000_000_000);
    player.updateMetadata({ role: 'trader' }, 1_700_000_000_500);
    repo.save(player);
    expect(repo.find('NOVA-1')?.snapshot()).toEqual(player.snapshot());
    expect(repo.find('NOVA-2')).toBeUndefined();
  });

  it('inside a unit of work: reads see the pending write, the database sees it only at commit', () => {
    const db = openDatabase(':memory:');
    const repo = new SqlitePlayerRepository(db, currentUnitOfWork);
    const unitOfWork = new UnitOfWork(new SqliteUnitOfWorkStore(db));
    runInContext({ requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0, unitOfWork }, () => {
      repo.save(Player.registered(agent, 'tok-1', 1).player);
      expect(repo.find('NOVA-1')?.token).toBe('tok-1');
    });
    expect(repo.find('NOVA-1')).toBeUndefined();
    unitOfWork.commit();
    expect(repo.find('NOVA-1')?.token).toBe('tok-1');
  });

  it('updates in place on a second save', () => {
    const repo = new SqlitePlayerRepository(openDatabase(':memory:'), currentUnitOfWork);
    const { player } = Player.registered(agent, 'tok-1', 1);
    repo.save(player);
    player.markTokenStale(2);
    repo.save(player);
    expect(repo.list().map((p) => p.snapshot().tokenStale)).toEqual([true]);
  });
});
