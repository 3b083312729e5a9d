import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('lost updates: two connections updating one player at once both keep their changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'players-'));
    try {
      const path = join(dir, 'db.sqlite');
      const [a, b] = [openDatabase(path), openDatabase(path)];
      const repoA = new SqlitePlayerRepository(a, currentUnitOfWork);
      const repoB = new SqlitePlayerRepository(b, currentUnitOfWork);
      repoA.save(Player.registered(agent, 'tok-1', 1).player);
      const uowA = new UnitOfWork(new SqliteUnitOfWorkStore(a));
      const uowB = new UnitOfWork(new SqliteUnitOfWorkStore(b));
      const context = { requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0 };
      // Both read before either commits: a plain read-modify-write would lose A's key.
      const update = (repo: SqlitePlayerRepository, unitOfWork: UnitOfWork, changes: Record<string, unknown>) =>
        runInContext({ ...context, unitOfWork }, () => {
          const player = repo.find('NOVA-1')!;
          player.updateMetadata(changes, 2);
          repo.save(player);
        });
      update(repoA, uowA, { kA: 1 });
      update(repoB, uowB, { kB: 2 });
      uowA.commit();
      uowB.commit();
      expect(repoA.find('NOVA-1')?.snapshot().metadata).toEqual({ kA: 1, kB: 2 });
      // A removal made concurrently with another key's update is kept too.
      update(repoA, uowA, { kA: null });
      update(repoB, uowB, { kC: 3 });
      uowB.commit();
      uowA.commit();
      expect(repoB.find('NOVA-1')?.snapshot().metadata).toEqual({ kB: 2, kC: 3 });
      a.close();
      b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a second save in the same unit of work keeps the changes of the first', () => {
    const db = openDatabase(':memory:');
    const repo = new SqlitePlayerRepository(db, currentUnitOfWork);
    repo.save(Player.registered(agent, 'tok-1', 1).player);
    const unitOfWork = new UnitOfWork(new SqliteUnitOfWorkStore(db));
    runInContext({ requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0, unitOfWork }, () => {
      const first = repo.find('NOVA-1')!;
      first.updateMetadata({ k1: 1 }, 2);
      repo.save(first);
      const second = repo.find('NOVA-1')!;
      second.updateMetadata({ k2: 2 }, 3);
      repo.save(second);
    });
    unitOfWork.commit();
    expect(repo.find('NOVA-1')?.snapshot().metadata).toEqual({ k1: 1, k2: 2 });
  });
});
