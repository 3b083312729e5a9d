/**
 * A client-side model of the server's rate limit, so requests wait here instead of earning 429s:
 * a static pool (2 per second, refilled one second after its first use) spent first, then a burst
 * pool (30, refilled 60 s after its first use). Waiting requests are served by priority —
 * interactive before navigation before background — with aging, so a background request that has
 * waited long enough goes ahead of newer, more urgent ones and nothing starves.
 */
export type Priority = 'interactive' | 'navigation' | 'background';

const RANK: Record<Priority, number> = { interactive: 0, navigation: 1, background: 2 };

export interface RateLimitSettings {
  perSecond: number;
  burst: number;
  burstWindowMs: number;
  /** Milliseconds of waiting that promote a request by one priority class. */
  agingMs?: number;
  /** Margin added to each window, for clock skew and network latency. */
  marginMs?: number;
}

interface Waiter {
  priority: Priority;
  enqueuedAt: number;
  resolve: () => void;
}

export class RateLimiter {
  private staticUsed = 0;
  private staticResetAt = 0;
  private burstUsed = 0;
  private burstResetAt = 0;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Milliseconds each granted request waited, by priority (for the benchmark). */
  readonly waits: Record<Priority, number[]> = { interactive: [], navigation: [], background: [] };

  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Resolves when this request may be sent. */
  acquire(priority: Priority = 'interactive'): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ priority, enqueuedAt: this.now(), resolve });
      this.drain();
    });
  }

  /** The server said 429: nothing goes out until retry-after has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.burstUsed = this.settings.burst;
    this.schedule(ms);
  }

  /** Corrects the model with the server's own count of what is left. */
  observe(remaining: number | undefined, resetAt: number | undefined): void {
    if (remaining === undefined || Number.isNaN(remaining)) return;
    const modelled = this.settings.perSecond - this.staticUsed + (this.settings.burst - this.burstUsed);
    if (remaining < modelled) {
      const deficit = modelled - remaining;
      this.burstUsed = Math.min(this.settings.burst, this.burstUsed + deficit);
      if (resetAt && !Number.isNaN(resetAt) && this.burstUsed > 0) this.burstResetAt = Math.max(this.burstResetAt, resetAt);
    }
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const wait = this.tryTake();
      if (wait > 0) return this.schedule(wait);
      const next = this.nextWaiter();
      this.waits[next.priority].push(this.now() - next.enqueuedAt);
      next.resolve();
    }
  }

  /** 0 when a slot was taken, else milliseconds until one frees up. */
  private tryTake(): number {
    const now = this.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    const margin = this.settings.marginMs ?? 50;
    if (now >= this.staticResetAt) this.staticUsed = 0;
    if (now >= this.burstResetAt) this.burstUsed = 0;
    if (this.staticUsed < this.settings.perSecond) {
      if (this.staticUsed === 0) this.staticResetAt = now + 1000 + margin;
      this.staticUsed += 1;
      return 0;
    }
    if (this.burstUsed < this.settings.burst) {
      if (this.burstUsed === 0) this.burstResetAt = now + this.settings.burstWindowMs + margin;
      this.burstUsed += 1;
      return 0;
    }
    return Math.max(1, Math.min(this.staticResetAt, this.burstResetAt) - now);
  }

  private nextWaiter(): Waiter {
    const now = this.now();
    const aging = this.settings.agingMs ?? 5_000;
    let best = 0;
    let bestScore = Infinity;
    this.queue.forEach((waiter, index) => {
      const score = RANK[waiter.priority] - (now - waiter.enqueuedAt) / aging;
      if (score < bestScore) {
        bestScore = score;
        best = index;
      }
    });
    return this.queue.splice(best, 1)[0]!;
  }

  private schedule(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, ms);
  }
}

const limiters = new Map<string, RateLimiter>();

/** One limiter per API host in this process, whatever the number of clients. */
export function sharedRateLimiter(baseUrl: string, settings: RateLimitSettings): RateLimiter {
  const host = new URL(baseUrl).host;
  let limiter = limiters.get(host);
  if (!limiter) {
    limiter = new RateLimiter(settings);
    limiters.set(host, limiter);
  }
  return limiter;
}
