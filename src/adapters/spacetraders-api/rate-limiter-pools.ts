import type { PoolState } from '../../ports/budget-store.js';
import type { NextSlot } from './rate-limiter-meter.js';

/** The limits the pools are kept to (the limiter's settings). */
export interface PoolLimits {
  perSecond: number;
  burst: number;
  burstWindowMs: number;
  /** Margin added to each window, for clock skew and network latency. */
  marginMs?: number;
}

/**
 * One request let go: the pool it was counted in, when, and the window it was counted in (its start and
 * its end as the model set them then). Given back to `settle` when the server's answer arrives.
 */
export interface Ticket {
  pool: 'static' | 'burst';
  grantedAt: number;
  /** The end of the window it was counted in (the static pool's, or the burst pool's). */
  resetAt: number;
  /** When the static window's first request was let go: the server's window ends 1 s after that at the earliest. */
  windowStart: number;
  /** The first request of its window: the window started when the server received it. */
  first: boolean;
}

const margin = (limits: PoolLimits) => limits.marginMs ?? 50;

/** Takes one request's slot if there is one (a ticket), else the milliseconds until one frees up. */
export function takeSlot(pools: PoolState, now: number, limits: PoolLimits): Ticket | number {
  if (now < pools.pausedUntil) return pools.pausedUntil - now;
  if (now >= pools.staticResetAt) pools.staticUsed = 0;
  if (now >= pools.burstResetAt) pools.burstUsed = 0;
  if (pools.staticUsed < limits.perSecond) {
    const first = pools.staticUsed === 0;
    if (first) pools.staticResetAt = now + 1000 + margin(limits);
    pools.staticUsed += 1;
    const windowStart = pools.staticResetAt - 1000 - margin(limits);
    return { pool: 'static', grantedAt: now, resetAt: pools.staticResetAt, windowStart, first };
  }
  if (pools.burstUsed < limits.burst) {
    const first = pools.burstUsed === 0;
    if (first) pools.burstResetAt = now + limits.burstWindowMs + margin(limits);
    pools.burstUsed += 1;
    const windowStart = pools.burstResetAt - limits.burstWindowMs - margin(limits);
    return { pool: 'burst', grantedAt: now, resetAt: pools.burstResetAt, windowStart, first };
  }
  return Math.max(1, nextReset(pools, now) - now);
}

/**
 * The server answered (or the request failed) at `now`: it counted the request at some moment between
 * `ticket.grantedAt` and now, at the latest `now − fastestMs` (`fastestMs`: the quickest round trip seen
 * lately, the part of any answer's time that is surely spent on the way). When that is later than the
 * margin allowed for, the model is moved to cover every moment the server may have counted it at — so a
 * slow request (a loaded machine, a slow network) is never counted by the server in a window the client
 * thinks is free, while a steady slow network (every answer as slow) moves nothing:
 * - the first request of a window may have started the server's window that late: the window lasts
 *   until then + 1 s (60 s for the burst pool) + the margin;
 * - a request counted in the static pool that the server may have seen after its window ended (1 s after
 *   the window's first request was let go) may have started the server's next window: while its own
 *   window still runs in the model, that window is kept full until the server's next one is over;
 *   otherwise it is counted again, in the window running now (or one started then).
 * Returns the static window's new end when it was moved, for a window started or moved by this request.
 */
export function settle(
  pools: PoolState,
  ticket: Ticket,
  now: number,
  fastestMs: number,
  limits: PoolLimits,
  /** When the static window running in the model started (the first request let go in it). */
  runningWindowStart: number,
): number | undefined {
  const seen = now - fastestMs;
  if (ticket.pool === 'burst') {
    // The burst pool's window started when the server received its first request, too.
    const end = seen + limits.burstWindowMs + margin(limits);
    if (!ticket.first || pools.burstResetAt !== ticket.resetAt || end <= pools.burstResetAt) return;
    pools.burstResetAt = end;
    return;
  }
  const end = seen + 1000 + margin(limits);
  if (ticket.first && pools.staticResetAt === ticket.resetAt) {
    if (end <= pools.staticResetAt) return;
    pools.staticResetAt = end;
    return end;
  }
  if (seen + margin(limits) < ticket.windowStart + 1000) return;
  // Possibly counted in the server's next window, which it then started at `seen` at the latest.
  const next = seen + 1000 + margin(limits);
  if (now >= pools.staticResetAt) {
    // No window runs here: the server's may still.
    if (next <= now) return;
    pools.staticUsed = 1;
    pools.staticResetAt = next;
    return next;
  }
  if (runningWindowStart === ticket.windowStart) {
    // Its own window still runs here: nothing more goes out as static until the server's next one is over.
    pools.staticUsed = limits.perSecond;
    if (next <= pools.staticResetAt) return;
    pools.staticResetAt = next;
    return next;
  }
  // A later window runs here: it is counted in it.
  if (pools.staticUsed < limits.perSecond) pools.staticUsed += 1;
  else if (now < pools.burstResetAt && pools.burstUsed < limits.burst) pools.burstUsed += 1;
}

/** The earliest reset still ahead (a pool of size 0 never started a window and never resets). */
function nextReset(pools: PoolState, now: number): number {
  return Math.min(...[pools.staticResetAt, pools.burstResetAt].filter((at) => at > now), now + 1000);
}

/** When the server itself would next accept a request (no margin), and the rate of the pool refilled then. */
export function nextSlot(pools: PoolState, now: number, limits: PoolLimits): NextSlot {
  const perSecond = { perMs: limits.perSecond / 1000 };
  if (now < pools.pausedUntil) return { at: pools.pausedUntil, ...perSecond };
  const at = nextReset(pools, now);
  if (at === pools.burstResetAt && at !== pools.staticResetAt)
    return { at: at - margin(limits), perMs: limits.burst / limits.burstWindowMs };
  return { at: at - margin(limits), ...perSecond };
}
