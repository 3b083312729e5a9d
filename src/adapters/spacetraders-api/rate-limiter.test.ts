import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkClass } from '../../ports/work-class.js';
import { type Priority, RateLimiter } from './rate-limiter.js';

/** One request a second, no burst, no margin: every grant is one tick of the fake clock. */
function oneASecond(agingMs = 5_000): RateLimiter {
  return new RateLimiter({ perSecond: 1, burst: 0, burstWindowMs: 60_000, marginMs: 0, agingMs }, undefined, () =>
    Date.now(),
  );
}

interface Grant {
  name: string;
  enqueuedAt: number;
  grantedAt: number;
}

function request(limiter: RateLimiter, grants: Grant[], name: string, priority: Priority, work?: WorkClass) {
  const enqueuedAt = Date.now();
  return limiter.acquire(priority, work).then(() => void grants.push({ name, enqueuedAt, grantedAt: Date.now() }));
}

describe('RateLimiter: revenue before scouting', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('grants revenue requests before scouting ones that waited as long, whatever their urgency', async () => {
    const limiter = oneASecond();
    const grants: Grant[] = [];
    await limiter.acquire(); // the second's one slot is gone: everything below waits
    // Scouting asks first, and as urgently; a revenue background read still goes ahead of it.
    const all = [
      request(limiter, grants, 'scout-navigate', 'navigation', 'scouting'),
      request(limiter, grants, 'scout-market', 'background', 'scouting'),
      request(limiter, grants, 'trade-navigate', 'navigation', 'revenue'),
      request(limiter, grants, 'trade-market', 'background', 'revenue'),
    ];
    await vi.advanceTimersByTimeAsync(4_000);
    await Promise.all(all);
    expect(grants.map((g) => g.name)).toEqual(['trade-navigate', 'trade-market', 'scout-navigate', 'scout-market']);
    expect(limiter.workWaits.revenue).toEqual([1_000, 2_000]);
    expect(limiter.workWaits.scouting).toEqual([3_000, 4_000]);
    expect(limiter.waits.scouting).toHaveLength(2);
  });

  it('keeps the urgency of requests outside declared work, and of revenue work', async () => {
    const limiter = oneASecond();
    const grants: Grant[] = [];
    await limiter.acquire();
    const all = [
      request(limiter, grants, 'revenue-background', 'background', 'revenue'),
      request(limiter, grants, 'player-command', 'interactive'),
      request(limiter, grants, 'revenue-navigation', 'navigation', 'revenue'),
    ];
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all(all);
    expect(grants.map((g) => g.name)).toEqual(['player-command', 'revenue-navigation', 'revenue-background']);
  });

  it('never starves scouting: a request of rank r goes first only if it arrived less than (3 − r) × aging after it', async () => {
    const aging = 2_000;
    const limiter = oneASecond(aging);
    const grants: Grant[] = [];
    await limiter.acquire();
    let running = true;
    // Six revenue ships ask again the moment they are answered: the budget is always contended.
    const urgencies: Priority[] = ['interactive', 'navigation', 'background'];
    const revenue = Array.from({ length: 6 }, async (_, ship) => {
      const urgency = urgencies[ship % 3]!;
      while (running) await request(limiter, grants, urgency, urgency, 'revenue');
    });
    await vi.advanceTimersByTimeAsync(10_000);
    const scoutAskedAt = Date.now();
    const scout = request(limiter, grants, 'scout', 'navigation', 'scouting');
    await vi.advanceTimersByTimeAsync(30_000);
    const granted = grants.find((g) => g.name === 'scout');
    expect(granted, 'the scouting request got through').toBeDefined();
    const rank = { interactive: 0, navigation: 1, background: 2 } as Record<string, number>;
    const aheadOfIt = grants.filter((g) => g.grantedAt <= granted!.grantedAt && g.name !== 'scout');
    for (const g of aheadOfIt) expect(g.enqueuedAt).toBeLessThan(scoutAskedAt + (3 - rank[g.name]!) * aging);
    // It yields: every revenue request waiting when it asked, background reads included, went first.
    const waiting = grants.filter(
      (g) => g.name !== 'scout' && g.enqueuedAt <= scoutAskedAt && g.grantedAt > scoutAskedAt,
    );
    expect(waiting.map((g) => g.name)).toContain('background');
    for (const g of waiting) expect(g.grantedAt).toBeLessThan(granted!.grantedAt);
    // Bounded: at most the six ships already queued plus 3 × aging of new asks, at one a second.
    expect(granted!.grantedAt - scoutAskedAt).toBeLessThanOrEqual(6_000 + 3 * aging);
    running = false;
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([scout, ...revenue]);
  });
});
