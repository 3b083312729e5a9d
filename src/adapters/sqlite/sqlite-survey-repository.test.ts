import { describe, expect, it } from 'vitest';
import type { Survey } from '../../domain/mining/survey.js';
import { Player } from '../../domain/player/player.js';
import { currentUnitOfWork, runInContext } from '../../mediator/context.js';
import { UnitOfWork } from '../../mediator/unit-of-work.js';
import { openDatabase } from './connection.js';
import { SqlitePlayerRepository } from './sqlite-player-repository.js';
import { SqliteSurveyRepository } from './sqlite-survey-repository.js';
import { SqliteUnitOfWorkStore } from './sqlite-unit-of-work-store.js';

const T0 = Date.parse('2026-12-01T12:00:00.000Z');
const MIN = 60_000;

function survey(signature: string, expiresInMs: number, waypoint = 'X1-MN-B'): Survey {
  return {
    signature,
    waypoint,
    deposits: ['IRON_ORE', 'IRON_ORE', 'ICE_WATER'],
    expiration: new Date(T0 + expiresInMs).toISOString(),
    size: 'MODERATE',
  };
}

function database() {
  const db = openDatabase(':memory:');
  const players = new SqlitePlayerRepository(db, currentUnitOfWork);
  for (const symbol of ['NOVA-1', 'NOVA-2'])
    players.save(
      Player.registered({ symbol, headquarters: 'X1-MN-A', credits: 175_000, startingFaction: 'COSMIC' }, 'tok', 1)
        .player,
    );
  return { db, surveys: new SqliteSurveyRepository(db, currentUnitOfWork) };
}

const signatures = (list: Array<{ signature: string }>) => list.map((s) => s.signature);

describe('SqliteSurveyRepository', () => {
  it('stores surveys per player and returns the usable ones of a waypoint whole', () => {
    const { surveys } = database();
    surveys.save('NOVA-1', [survey('S-1', 10 * MIN), survey('S-2', 10 * MIN, 'X1-MN-C')], T0);
    expect(surveys.usable('NOVA-1', 'X1-MN-B', T0)).toEqual([
      { ...survey('S-1', 10 * MIN), status: 'ACTIVE', surveyedAt: T0 },
    ]);
    expect(surveys.usable('NOVA-2', 'X1-MN-B', T0)).toEqual([]);
    expect(surveys.find('NOVA-1', 'S-2')?.waypoint).toBe('X1-MN-C');
  });

  it('never returns an expired survey', () => {
    const { surveys } = database();
    surveys.save('NOVA-1', [survey('OLD', 1 * MIN), survey('NEW', 30 * MIN)], T0);
    expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0))).toEqual(['NEW', 'OLD']);
    expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0 + 2 * MIN))).toEqual(['NEW']);
    expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0 + 31 * MIN))).toEqual([]);
  });

  it('never returns a survey marked exhausted, expired or altered, and saving it again does not revive it', () => {
    const { surveys } = database();
    surveys.save(
      'NOVA-1',
      [survey('A', 30 * MIN), survey('B', 30 * MIN), survey('C', 30 * MIN), survey('D', 30 * MIN)],
      T0,
    );
    surveys.mark('NOVA-1', 'A', 'EXHAUSTED');
    surveys.mark('NOVA-1', 'B', 'EXPIRED');
    surveys.mark('NOVA-1', 'C', 'ALTERED');
    surveys.save('NOVA-1', [survey('A', 30 * MIN)], T0 + 1);
    expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0))).toEqual(['D']);
    expect(surveys.find('NOVA-1', 'A')?.status).toBe('EXHAUSTED');
  });

  it('inside a unit of work: saves and marks are seen at once and written only at commit', () => {
    const { db, surveys } = database();
    const unitOfWork = new UnitOfWork(new SqliteUnitOfWorkStore(db));
    runInContext({ requestName: 'T', requestId: 'r', correlationId: 'c', depth: 0, unitOfWork }, () => {
      surveys.save('NOVA-1', [survey('S-1', 10 * MIN), survey('S-2', 10 * MIN)], T0);
      surveys.mark('NOVA-1', 'S-2', 'EXHAUSTED');
      expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0))).toEqual(['S-1']);
    });
    expect(surveys.usable('NOVA-1', 'X1-MN-B', T0)).toEqual([]);
    unitOfWork.commit();
    expect(signatures(surveys.usable('NOVA-1', 'X1-MN-B', T0))).toEqual(['S-1']);
    expect(surveys.find('NOVA-1', 'S-2')?.status).toBe('EXHAUSTED');
  });

  it('empties a player on clear (a server reset), leaving the others', () => {
    const { surveys } = database();
    surveys.save('NOVA-1', [survey('S-1', 10 * MIN)], T0);
    surveys.save('NOVA-2', [survey('S-9', 10 * MIN)], T0);
    surveys.clear('NOVA-1');
    expect(surveys.usable('NOVA-1', 'X1-MN-B', T0)).toEqual([]);
    expect(signatures(surveys.usable('NOVA-2', 'X1-MN-B', T0))).toEqual(['S-9']);
  });
});
