import type { Config } from '../../config/config.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { sharedRateLimiter } from './rate-limiter.js';

/** The API client for the configured server, sharing this process's rate budget for that host. */
export function createSpaceTradersApi(config: Config): SpaceTradersApi {
  const limiter = sharedRateLimiter(config.apiUrl, {
    perSecond: config.rateLimit.perSecond,
    burst: config.rateLimit.burst,
    burstWindowMs: config.rateLimit.burstWindowSeconds * 1000,
  });
  return new AxiosSpaceTradersClient({ baseUrl: config.apiUrl, timeoutMs: config.requestTimeoutMs, limiter });
}
