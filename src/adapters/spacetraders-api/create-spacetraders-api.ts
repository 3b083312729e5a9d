import type { Config } from '../../config/config.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { SqliteDatabase } from '../sqlite/connection.js';
import { SqliteBudgetStore } from '../sqlite/sqlite-budget-store.js';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { sharedRateLimiter } from './rate-limiter.js';

/**
 * The API client for the configured server. Its rate budget lives in the database, so every
 * process using the same database file (CLI commands, the daemon) shares one budget per host.
 */
export function createSpaceTradersApi(config: Config, db: SqliteDatabase): SpaceTradersApi {
  const limiter = sharedRateLimiter(
    config.apiUrl,
    {
      perSecond: config.rateLimit.perSecond,
      burst: config.rateLimit.burst,
      burstWindowMs: config.rateLimit.burstWindowSeconds * 1000,
    },
    (host) => new SqliteBudgetStore(db, host),
    db,
  );
  return new AxiosSpaceTradersClient({ baseUrl: config.apiUrl, timeoutMs: config.requestTimeoutMs, limiter });
}
