/**
 * The server's rate limit, per token (or per IP for anonymous calls): a static pool of 2 points
 * refilled 1 s after its first use, and a burst pool of 30 points refilled 60 s after its first
 * use; the static pool is spent first. Real time, not game time.
 */
export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
  remaining: number;
  resetAt: number;
}

interface Pools {
  staticUsed: number;
  staticResetAt: number;
  burstUsed: number;
  burstResetAt: number;
}

export class SandboxRateLimiter {
  private readonly pools = new Map<string, Pools>();

  constructor(
    readonly perSecond = 2,
    readonly burst = 30,
    readonly burstWindowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): RateDecision {
    const now = this.now();
    const pools = this.pools.get(key) ?? { staticUsed: 0, staticResetAt: 0, burstUsed: 0, burstResetAt: 0 };
    this.pools.set(key, pools);
    if (now >= pools.staticResetAt) pools.staticUsed = 0;
    if (now >= pools.burstResetAt) pools.burstUsed = 0;
    if (pools.staticUsed < this.perSecond) {
      if (pools.staticUsed === 0) pools.staticResetAt = now + 1000;
      pools.staticUsed += 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: this.remaining(pools), resetAt: pools.staticResetAt };
    }
    if (pools.burstUsed < this.burst) {
      if (pools.burstUsed === 0) pools.burstResetAt = now + this.burstWindowMs;
      pools.burstUsed += 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: this.remaining(pools), resetAt: pools.burstResetAt };
    }
    const resetAt = Math.min(pools.staticResetAt, pools.burstResetAt);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)), remaining: 0, resetAt };
  }

  private remaining(pools: Pools): number {
    return this.perSecond - pools.staticUsed + (this.burst - pools.burstUsed);
  }
}
