import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BudgetStore, EMPTY_POOLS, type PoolState } from '../../ports/budget-store.js';
import { SandboxRateLimiter } from '../../sandbox/server/rate-limit.js';
import { type RateLimitSettings, RateLimiter } from './rate-limiter.js';

/** A small deterministic generator, so a failure replays. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Run {
  sent: number;
  rateLimited: number;
}

/**
 * `clients` limiters (processes) sharing one budget store, each with `ships` loops asking again as soon
 * as they are answered, against the server's own rate limiter, on the fake clock. Each request reaches
 * the server `delay()` ms after the limiter let it go (a loaded machine: the process or the server is
 * descheduled), and its answer carries the server's x-ratelimit-remaining and reset, as over HTTP.
 */
async function simulate(delay: () => number, seconds: number, back = () => 1): Promise<Run> {
  const limits = { perSecond: 2, burst: 30 };
  const server = new SandboxRateLimiter(
    () => limits,
    60_000,
    () => Date.now(),
  );
  const settings: RateLimitSettings = { ...limits, burstWindowMs: 60_000 };
  // Two processes: two limiters (own queues) on one store, as with the SQLite budget.
  const pools: PoolState = { ...EMPTY_POOLS };
  const store: BudgetStore = { update: (change) => change(pools) };
  const limiters = [0, 1].map(() => new RateLimiter(settings, store, () => Date.now()));
  const run: Run = { sent: 0, rateLimited: 0 };
  const end = Date.now() + seconds * 1000;
  const ship = async (limiter: RateLimiter) => {
    while (Date.now() < end) {
      const ticket = await limiter.acquire('background');
      await new Promise((resolve) => setTimeout(resolve, delay()));
      const decision = server.take('ip');
      if (Date.now() < end) run.sent += 1;
      await new Promise((resolve) => setTimeout(resolve, back()));
      limiter.settle(ticket);
      limiter.observe(decision.remaining, decision.resetAt);
      if (!decision.allowed) {
        run.rateLimited += 1;
        limiter.pause(decision.retryAfterSeconds * 1000);
      }
    }
  };
  const ships = limiters.flatMap((limiter) => Array.from({ length: 10 }, () => ship(limiter)));
  // Until every ship has had its last answer (a backlog can outlast the run by the ships' number ÷ 2 s).
  let done = false;
  const all = Promise.all(ships).then(() => {
    done = true;
  });
  while (!done) await vi.advanceTimersByTimeAsync(1_000);
  await all;
  return run;
}

describe('RateLimiter: processes sharing one budget on a loaded machine', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('earns no 429 on a quiet machine', async () => {
    const run = await simulate(() => 1, 120);
    expect(run.rateLimited).toBe(0);
    expect(run.sent).toBe(290);
  });

  it('earns no 429 when requests reach the server up to 200 ms after they were let go', async () => {
    const random = seeded(15);
    const run = await simulate(() => (random() < 0.1 ? 50 + random() * 150 : random() * 10), 120);
    expect(run.rateLimited).toBe(0);
    // …and still uses the budget: 2/s and two bursts of 30 in 120 s, less the reserve.
    expect(run.sent).toBeGreaterThan(0.9 * (2 * 120 + 60));
  });

  it('keeps its windows on a slow but steady network (150 ms each way): a slow answer alone moves nothing', async () => {
    const random = seeded(3);
    const run = await simulate(
      () => 145 + random() * 10,
      120,
      () => 145 + random() * 10,
    );
    expect(run.rateLimited).toBe(0);
    // As many as on a quiet machine (290): taking every answer's time as the server's would send about 250.
    expect(run.sent).toBeGreaterThanOrEqual(280);
  });

  it('earns no 429 after a cold start whose first requests all reached the server 250 ms late', async () => {
    // Both pools' first windows started 250 ms after the client started them: the static pool's ends
    // 200 ms after the client's, the burst pool's too, a minute later.
    let sent = 0;
    const run = await simulate(
      () => (sent++ < 32 ? 250 : 1),
      130,
      () => (sent < 32 ? 400 : 1),
    );
    expect(run.rateLimited).toBe(0);
  });

  it('earns no 429 when a request let go late in its window reaches the server after that window ended', async () => {
    const limits = { perSecond: 2, burst: 30 };
    const server = new SandboxRateLimiter(
      () => limits,
      60_000,
      () => Date.now(),
    );
    const limiter = new RateLimiter({ ...limits, burstWindowMs: 60_000 }, undefined, () => Date.now());
    let rateLimited = 0;
    const send = async (uplink: number) => {
      const ticket = await limiter.acquire('background');
      await new Promise((resolve) => setTimeout(resolve, uplink));
      const decision = server.take('ip');
      await new Promise((resolve) => setTimeout(resolve, 1));
      limiter.settle(ticket);
      limiter.observe(decision.remaining, decision.resetAt);
      if (!decision.allowed) {
        rateLimited += 1;
        limiter.pause(decision.retryAfterSeconds * 1000);
      }
    };
    // Registration reaches the server 300 ms late (its window there: 300 to 1,300 ms; here, from its
    // answer, to 1,351). At 1,201 ms 32 go at once (the window's second static slot and the burst pool)
    // and reach the server 120 ms late, after its window ended: it counts the static one in a new window
    // (1,321 to 2,321), and answers before the window here is over. Then the ships ask back to back.
    const work = (async () => {
      await send(300);
      await new Promise((resolve) => setTimeout(resolve, 900));
      await Promise.all(Array.from({ length: 32 }, () => send(120)));
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          for (let i = 0; i < 5; i++) await send(1);
        }),
      );
    })();
    await vi.advanceTimersByTimeAsync(60_000);
    await work;
    expect(rateLimited).toBe(0);
  });
});
