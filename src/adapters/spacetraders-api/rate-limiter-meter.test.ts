import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from './rate-limiter.js';

const T0 = 1_000_000;

/** Two a second plus a burst of one, with the client's usual 50 ms margin, on the fake clock. */
function limiter(marginMs = 50): RateLimiter {
  return new RateLimiter({ perSecond: 2, burst: 1, burstWindowMs: 60_000, marginMs }, undefined, () => Date.now());
}

function ask(l: RateLimiter, n: number, grants: number[]): Promise<void>[] {
  return Array.from({ length: n }, () => l.acquire('background').then(() => void grants.push(Date.now())));
}

describe('RateLimiter: the budget used while requests wait', () => {
  beforeEach(() => vi.useFakeTimers({ now: T0 }));
  afterEach(() => vi.useRealTimers());

  it('counts nothing while no request waits', async () => {
    const l = limiter();
    const grants: number[] = [];
    await Promise.all(ask(l, 3, grants)); // two static and the burst slot: no one waits
    expect(l.budgetUse()).toEqual({ waitingMs: 0, sentWhileWaiting: 0, allowedWhileWaiting: 0 });
  });

  it('charges a long backlog the margin it adds to every window (2/s at 1,050 ms windows)', async () => {
    const l = limiter();
    const grants: number[] = [];
    const all = ask(l, 20, grants);
    await vi.advanceTimersByTimeAsync(20_000);
    await Promise.all(all);
    // 3 at once, then 17 waiting: 2 per 1,050 ms window, the last window with one.
    expect(grants.slice(3)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9].map((k) => T0 + k * 1_050));
    const use = l.budgetUse();
    expect(use.waitingMs).toBe(9 * 1_050);
    expect(use.sentWhileWaiting).toBe(17);
    // Eight refills were followed by more waiting: each started 50 ms after the server allowed it,
    // 0.1 request of budget each (the server would have served the 17 a window sooner, by T0 + 9,000).
    expect(use.allowedWhileWaiting).toBe(18);
  });

  it('loses nothing when the refill clears the queue: the requests only waited', async () => {
    const l = limiter();
    const grants: number[] = [];
    const all = ask(l, 5, grants);
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);
    expect(l.budgetUse()).toEqual({ waitingMs: 1_050, sentWhileWaiting: 2, allowedWhileWaiting: 2 });
  });

  it('keeps counting across backlogs, the one in progress included', async () => {
    const l = limiter();
    const grants: number[] = [];
    const first = ask(l, 5, grants);
    await vi.advanceTimersByTimeAsync(1_050);
    await Promise.all(first);
    const second = ask(l, 3, grants); // the window of T0 + 1,050 is spent: all three wait
    await vi.advanceTimersByTimeAsync(500);
    expect(l.budgetUse()).toEqual({ waitingMs: 1_550, sentWhileWaiting: 2, allowedWhileWaiting: 2 });
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(second);
    // The second backlog: 2 at T0 + 2,100 (one left waiting: 0.1 forgone), 1 at T0 + 3,150.
    expect(l.budgetUse()).toEqual({ waitingMs: 1_050 + 2_100, sentWhileWaiting: 5, allowedWhileWaiting: 5 });
  });

  it('measures full use when the limiter wakes exactly at the server refill (no margin)', async () => {
    const l = limiter(0);
    const grants: number[] = [];
    const all = ask(l, 43, grants);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(all);
    expect(l.budgetUse()).toEqual({ waitingMs: 20_000, sentWhileWaiting: 40, allowedWhileWaiting: 40 });
  });

  it('charges a late wake-up (a busy event loop) with the budget of the time it slept past the refill', async () => {
    let lag = 0;
    const l = new RateLimiter(
      { perSecond: 10, burst: 1, burstWindowMs: 60_000, marginMs: 50 },
      undefined,
      () => Date.now() + lag,
    );
    const grants: number[] = [];
    const all = ask(l, 41, grants); // 11 at once, 30 wait: three windows of 10
    lag = 200; // the first wake-up comes 200 ms after its timer was due
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    // Late 250 ms (margin and lag) at 10/s: 2.5 requests; late 50 ms at the second: 0.5; the third clears the queue.
    expect(l.budgetUse()).toMatchObject({ sentWhileWaiting: 30, allowedWhileWaiting: 33 });
  });
});
