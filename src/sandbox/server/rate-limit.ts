/**
 * The server's rate limit, per token (or per IP for anonymous calls): a static pool of 2 points
 * refilled 1 s after its first use, and a burst pool of 30 points refilled 60 s after its first
 * use; the static pool is spent first. Real time, not game time.
 */
/** The real server's limits (MECHANICS.md): 2 requests per second, plus a burst pool of 30 per 60 s. */
const REAL_PER_SECOND = 2;
const REAL_BURST = 30;

/**
 * The limits of a sandbox whose game time runs `timeScale` times faster. Scaled, a game hour holds
 * as many requests as on the real server (N × 2/s and N × 30 burst per 60 real seconds), so a
 * strategy that is request-bound does not look better than it is; unscaled, the real figures.
 * At least one request per second whatever the scale.
 */
export function scaledLimits(timeScale: number, scale = true): { perSecond: number; burst: number } {
  const factor = scale ? timeScale : 1;
  return {
    perSecond: Math.max(1, Math.round(REAL_PER_SECOND * factor)),
    burst: Math.max(1, Math.round(REAL_BURST * factor)),
  };
}

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
    /** The limits now (they follow the time scale, which the admin API may change). */
    private readonly limits: () => { perSecond: number; burst: number } = () => scaledLimits(1),
    readonly burstWindowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get perSecond(): number {
    return this.limits().perSecond;
  }

  get burst(): number {
    return this.limits().burst;
  }

  take(key: string): RateDecision {
    const now = this.now();
    const pools = this.pools.get(key) ?? { staticUsed: 0, staticResetAt: 0, burstUsed: 0, burstResetAt: 0 };
    this.pools.set(key, pools);
    if (now >= pools.staticResetAt) pools.staticUsed = 0;
    if (now >= pools.burstResetAt) pools.burstUsed = 0;
    const { perSecond, burst } = this.limits();
    if (pools.staticUsed < perSecond) {
      if (pools.staticUsed === 0) pools.staticResetAt = now + 1000;
      pools.staticUsed += 1;
      return { allowed: true, retryAfterSeconds: 0, remaining: this.remaining(pools), resetAt: pools.staticResetAt };
    }
    if (pools.burstUsed < burst) {
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
