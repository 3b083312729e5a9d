import type { Config } from '../../ports/config.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { BudgetStore } from '../../ports/budget-store.js';
import type { CurrentWorkClass } from '../../ports/work-class.js';
import type { CurrentCancellation } from '../../ports/cancellation.js';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { sharedRateLimiter } from './rate-limiter.js';

/**
 * The API client for the configured server. Its rate budget lives in the database, so every
 * process using the same database file (CLI commands, the daemon) shares one budget per host.
 */
export function createSpaceTradersApi(
  config: Config,
  budgetStore: (host: string) => BudgetStore,
  /** What owns the budget: one limiter per host per owner (the database connection). */
  owner: object,
  /** The ambient work class, so scouting waits behind revenue for the budget. */
  workClass?: CurrentWorkClass,
  /** The running job's stop signal: a stopped job's requests end at once. */
  cancellation?: CurrentCancellation,
): SpaceTradersApi {
  const limiter = sharedRateLimiter(
    config.apiUrl,
    {
      perSecond: config.rateLimit.perSecond,
      burst: config.rateLimit.burst,
      burstWindowMs: config.rateLimit.burstWindowSeconds * 1000,
      followServer: config.rateLimit.override !== true,
    },
    budgetStore,
    owner,
  );
  return new AxiosSpaceTradersClient({
    baseUrl: config.apiUrl,
    timeoutMs: config.requestTimeoutMs,
    limiter,
    workClass,
    cancellation,
  });
}
