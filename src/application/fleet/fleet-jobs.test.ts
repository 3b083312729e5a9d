import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { SqliteContainerStore } from '../../adapters/sqlite/sqlite-container-store.js';
import { Container } from '../../domain/containers/container.js';
import type { Clock } from '../../ports/clock.js';
import { untilAJobEnds } from './fleet-jobs.js';

/** A clock whose sleeps pass at once, counting the time slept, and running `onSleep` after each. */
function fakeClock(onSleep: (slept: number) => void): Clock & { slept: number } {
  const clock = {
    slept: 0,
    now: () => clock.slept,
    sleep: async (ms: number) => {
      clock.slept += ms;
      onSleep(clock.slept);
    },
  };
  return clock;
}

function running(store: SqliteContainerStore, id: string): Container {
  const job = Container.create({
    id,
    player: 'A',
    commandType: 'MineRun',
    payload: {},
    claims: [`ship:${id}`],
    now: 0,
  });
  job.start(0);
  store.save(job);
  store.claim(id, [`ship:${id}`], 0);
  return job;
}

describe('the coordinator waiting for its next cycle', () => {
  it('wakes as soon as a job completes, long before the interval', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    const job = running(store, 'S1');
    const clock = fakeClock((slept) => {
      if (slept >= 10_000 && job.status === 'RUNNING') {
        job.complete(slept);
        store.save(job);
        store.release('S1');
      }
    });
    await untilAJobEnds(store, clock, 'A', 180_000);
    expect(clock.slept).toBe(18_000); // the first look after the completion: steps of 1/20 of the interval
  });

  it('waits the whole interval when a job failed (retrying at once would fail again) or none ends', async () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    const job = running(store, 'S1');
    const clock = fakeClock((slept) => {
      if (slept >= 10_000 && job.status === 'RUNNING') {
        job.fail('no route', false, slept);
        store.save(job);
        store.release('S1');
      }
    });
    await untilAJobEnds(store, clock, 'A', 180_000);
    expect(clock.slept).toBe(180_000);
  });
});
