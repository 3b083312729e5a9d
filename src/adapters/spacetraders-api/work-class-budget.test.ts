import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { runInContext } from '../../mediator/context.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { type RunningSandbox, startSandbox } from '../../sandbox/index.js';
import { openDatabase } from '../sqlite/connection.js';
import { SqliteBudgetStore } from '../sqlite/sqlite-budget-store.js';
import { sharedRateLimiter } from './rate-limiter.js';
import { silentLogger } from '../../test-support/agent-mother.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
  for (const sandbox of running.splice(0)) await sandbox.close();
});

describe('the API client of the composed app', () => {
  it('takes the work class of the request it runs for from the mediator context', async () => {
    const sandbox = await startSandbox({ port: 0 });
    running.push(sandbox);
    const db = openDatabase(':memory:');
    const app = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:', apiUrl: sandbox.baseUrl }), {
      database: db,
      logger: silentLogger,
    });
    const api = app.container.get<SpaceTradersApi>(TOKENS.SpaceTradersApi);
    await api.getStatus(); // outside any request: no work class
    // The app's own limiter: one per host per database.
    const limiter = sharedRateLimiter(
      sandbox.baseUrl,
      { perSecond: 2, burst: 30, burstWindowMs: 60_000 },
      (host) => new SqliteBudgetStore(db, host),
      db,
    );
    expect(limiter.workWaits).toEqual({ revenue: [], scouting: [] });
    const inside = (workClass: 'revenue' | 'scouting' | undefined) =>
      runInContext({ requestName: 'Test', requestId: 'r', correlationId: 'r', depth: 0, workClass }, () =>
        api.getStatus(),
      );
    await inside('scouting');
    await inside('scouting');
    await inside('revenue');
    await inside(undefined);
    expect(limiter.workWaits.scouting).toHaveLength(2);
    expect(limiter.workWaits.revenue).toHaveLength(1);
    expect(limiter.waits.scouting).toHaveLength(2);
    app.close();
    db.close();
  });
});
