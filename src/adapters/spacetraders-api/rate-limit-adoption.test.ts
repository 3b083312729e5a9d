import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../sandbox/index.js';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { RateLimiter } from './rate-limiter.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function sandboxAt(timeScale: number, scaleRateLimit?: boolean) {
  const sandbox = await startSandbox({ port: 0, rateLimit: true, timeScale, scaleRateLimit });
  running.push(sandbox);
  return sandbox;
}

async function advertised(sandbox: RunningSandbox) {
  const response = await fetch(`${sandbox.baseUrl}/`);
  return {
    perSecond: response.headers.get('x-ratelimit-limit-per-second'),
    burst: response.headers.get('x-ratelimit-limit-burst'),
  };
}

function client(sandbox: RunningSandbox, followServer: boolean) {
  const limiter = new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000, followServer });
  return { limiter, api: new AxiosSpaceTradersClient({ baseUrl: sandbox.baseUrl, timeoutMs: 5_000, limiter }) };
}

describe('a sandbox with a time scale and the client that follows its advertised limits', () => {
  it('scales the limit with the time scale (N × 2/s, N × 30 burst) unless told not to', async () => {
    expect(await advertised(await sandboxAt(1))).toEqual({ perSecond: '2', burst: '30' });
    expect(await advertised(await sandboxAt(20))).toEqual({ perSecond: '40', burst: '600' });
    expect(await advertised(await sandboxAt(20, false))).toEqual({ perSecond: '2', burst: '30' });
    // A fractional scale never advertises less than one request per second.
    expect(await advertised(await sandboxAt(0.1))).toEqual({ perSecond: '1', burst: '3' });
  });

  it('adopts the limits the server advertises and sends a large burst without a 429', async () => {
    const sandbox = await sandboxAt(20);
    const { api, limiter } = client(sandbox, true);
    const { token } = await api.register('account', 'SCALED-1', 'COSMIC');
    expect(limiter.limits).toEqual({ perSecond: 40, burst: 600 });
    // 120 requests: far past the real 2/s + 30 burst, well within the scaled one.
    const agents = await Promise.all(Array.from({ length: 120 }, () => api.getMyAgent(token)));
    expect(agents.every((a) => a.symbol === 'SCALED-1')).toBe(true);
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number };
    expect(stats.rateLimited).toBe(0);
  });

  it('keeps limits the user set (SPACETRADERS_RATE_LIMIT) whatever the server advertises', async () => {
    const sandbox = await sandboxAt(20);
    const { api, limiter } = client(sandbox, false);
    await api.register('account', 'FIXED-1', 'COSMIC');
    expect(limiter.limits).toEqual({ perSecond: 2, burst: 30 });
  });

  it('ignores advertised limits that make no sense', () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000, followServer: true });
    limiter.adopt(0, -5);
    limiter.adopt(Number.NaN, 2.5);
    limiter.adopt(undefined, undefined);
    expect(limiter.limits).toEqual({ perSecond: 2, burst: 30 });
    limiter.adopt(6, 90);
    expect(limiter.limits).toEqual({ perSecond: 6, burst: 90 });
  });
});
