/**
 * API client under the real rate limit: 20 simulated ships send requests through one client for
 * T seconds against the sandbox (2/s + 30 burst per 60 s). Reports requests completed divided by
 * the most the server allows in T (2/s x T + 30 per started 60 s window), the 429s the server had
 * to send, and how long requests waited in the client, per priority class.
 */
import { AxiosSpaceTradersClient } from '../adapters/spacetraders-api/axios-spacetraders-client.js';
import { RateLimiter, type Priority } from '../adapters/spacetraders-api/rate-limiter.js';
import { startSandbox } from '../sandbox/index.js';
import { fixed, percentile } from './stats.js';

export async function run(): Promise<string[]> {
  const seconds = Number(process.env.BENCH_API_SECONDS ?? 30);
  const sandbox = await startSandbox({ port: 0, rateLimit: true });
  try {
    const limiter = new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000 });
    const api = new AxiosSpaceTradersClient({ baseUrl: sandbox.baseUrl, timeoutMs: 10_000, limiter });
    // Registering goes through the client too: the server counts it against the same budget.
    const data = await api.register('bench-account', 'RATE-1', 'COSMIC');
    limiter.waits.interactive.length = 0;
    const classes: Priority[] = ['interactive', 'navigation', 'background'];
    const deadline = Date.now() + seconds * 1000;
    let completed = 1; // the registration
    const ships = Array.from({ length: 20 }, (_, i) => async () => {
      const priority = classes[i % 3]!;
      while (Date.now() < deadline) {
        await api.getShip(data.token, data.ships[i % data.ships.length]!.symbol, priority);
        if (Date.now() <= deadline + 250) completed += 1;
      }
    });
    const started = Date.now();
    await Promise.all(ships.map((ship) => ship()));
    const elapsed = (Date.now() - started) / 1000;
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number };
    const maximum = 2 * seconds + 30 * Math.ceil(seconds / 60);
    return [
      `API client under the real rate limit (20 ships, one client, ${seconds} s; BENCH_API_SECONDS to change)`,
      `  completed ${completed} requests in ${fixed(elapsed, 1)} s; server maximum ${maximum}: ${fixed((100 * completed) / maximum, 1)} % (target >= 97 %)`,
      `  429 answers from the server: ${stats.rateLimited} (target 0)`,
      ...classes.map((c) => `  wait ${c.padEnd(11)} p50 ${fixed(percentile(limiter.waits[c], 50) / 1000, 2)} s, p95 ${fixed(percentile(limiter.waits[c], 95) / 1000, 2)} s`),
    ];
  } finally {
    await sandbox.close();
  }
}
