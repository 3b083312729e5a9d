import { type BudgetStore, type BudgetUse, EMPTY_POOLS, type PoolState } from '../../ports/budget-store.js';
import type { WorkClass } from '../../ports/work-class.js';
import { BudgetMeter, type NextSlot } from './rate-limiter-meter.js';
import { nextSlot, settle, type Ticket, takeSlot } from './rate-limiter-pools.js';

/**
 * A client-side model of the server's rate limit, so requests wait here instead of earning 429s:
 * a static pool (2 per second, refilled one second after its first use) spent first, then a burst
 * pool (30, refilled 60 s after its first use). Waiting requests are served by class — interactive
 * before navigation before background before scouting — with aging, so a request that has waited
 * long enough goes ahead of newer, more urgent ones and nothing starves.
 */
export type Priority = 'interactive' | 'navigation' | 'background';

/**
 * The class a waiting request is served in: its own urgency, except that scouting work (a request
 * made while a command of work class `scouting` runs) waits behind every other class, whatever its
 * urgency: revenue gets the budget first.
 */
export type ServiceClass = Priority | 'scouting';

const RANK: Record<ServiceClass, number> = { interactive: 0, navigation: 1, background: 2, scouting: 3 };

function serviceClass(priority: Priority, work: WorkClass | undefined): ServiceClass {
  return work === 'scouting' ? 'scouting' : priority;
}

export interface RateLimitSettings {
  perSecond: number;
  burst: number;
  burstWindowMs: number;
  /**
   * Milliseconds of waiting that promote a request by one class (5 s by default): a request of rank r
   * (interactive 0 … scouting 3) is never overtaken by one that arrived more than r × agingMs after it.
   */
  agingMs?: number;
  /** Margin added to each window, for clock skew and network latency. */
  marginMs?: number;
  /** Take the limits the server advertises (x-ratelimit-limit-*) in place of these; off when the user set them. */
  followServer?: boolean;
}

class InMemoryBudgetStore implements BudgetStore {
  private state: PoolState = { ...EMPTY_POOLS };

  update<T>(change: (state: PoolState) => T): T {
    return change(this.state);
  }
}

interface Waiter {
  serviceClass: ServiceClass;
  work: WorkClass | undefined;
  enqueuedAt: number;
  resolve: (ticket: Ticket) => void;
}

export class RateLimiter {
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Milliseconds each granted request waited, by the class it was served in (for the benchmark). */
  readonly waits: Record<ServiceClass, number[]> = { interactive: [], navigation: [], background: [], scouting: [] };
  /** The same, by work class (requests made outside any declared work are not counted here). */
  readonly workWaits: Record<WorkClass, number[]> = { revenue: [], scouting: [] };

  private settings: RateLimitSettings;
  private readonly meter = new BudgetMeter();
  /** Static windows' starts by their end, for tickets counted in a window whose end was moved (see settle). */
  private readonly windowStarts = new Map<number, number>();
  /** The latest requests' round trips (grant to answer), for the fastest one (see settle). */
  private readonly roundTrips: Array<{ grantedAt: number; ms: number }> = [];

  constructor(
    settings: RateLimitSettings,
    private readonly store: BudgetStore = new InMemoryBudgetStore(),
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...settings };
  }

  /** The limits in force: the configured ones, or the server's once it advertised them. */
  get limits(): { perSecond: number; burst: number } {
    return { perSecond: this.settings.perSecond, burst: this.settings.burst };
  }

  /**
   * The server advertised its limits: follow them (a sandbox with a time scale allows more than the
   * real server), unless the user fixed the limits. Nonsense values are ignored.
   */
  adopt(perSecond: number | undefined, burst: number | undefined): void {
    if (!this.settings.followServer) return;
    const sound = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= 1;
    if (sound(perSecond)) this.settings.perSecond = perSecond;
    if (sound(burst)) this.settings.burst = burst;
  }

  /**
   * Resolves when this request may be sent; `work` is what the request is for (scouting waits behind the
   * rest). Give the ticket back to `settle` once the server answered (or the request failed).
   */
  acquire(priority: Priority = 'interactive', work?: WorkClass): Promise<Ticket> {
    return new Promise((resolve) => {
      this.queue.push({ serviceClass: serviceClass(priority, work), work, enqueuedAt: this.now(), resolve });
      this.drain();
    });
  }

  /** The budget used while requests waited here (see BudgetMeter). */
  budgetUse(): BudgetUse {
    return this.meter.use(this.now());
  }

  /** The request of `ticket` is over: a slow one is counted where the server may have counted it (see settle). */
  settle(ticket: Ticket): void {
    const now = this.now();
    this.roundTrips.push({ grantedAt: ticket.grantedAt, ms: now - ticket.grantedAt });
    if (this.roundTrips.length > 64) this.roundTrips.shift();
    // Answers to fewer than 8 separate grants say nothing of the way (requests let go together are late
    // together, and a cold process's first ones all are): then none counts as fast.
    const grants = new Set(this.roundTrips.map((trip) => trip.grantedAt)).size;
    const fastest = grants < 8 ? 0 : Math.min(...this.roundTrips.map((trip) => trip.ms));
    const moved = this.store.update((pools) =>
      settle(pools, ticket, now, fastest, this.settings, this.windowStart(pools.staticResetAt)),
    );
    if (moved !== undefined) this.windowStarts.set(moved, ticket.first ? ticket.grantedAt : now - fastest);
  }

  /** The server said 429: nothing goes out until retry-after has passed. */
  pause(ms: number): void {
    const until = this.now() + ms;
    this.store.update((pools) => {
      pools.pausedUntil = Math.max(pools.pausedUntil, until);
      pools.burstUsed = this.settings.burst;
    });
    this.schedule(ms);
  }

  /** Corrects the model with the server's own count of what is left. */
  observe(remaining: number | undefined, resetAt: number | undefined): void {
    if (remaining === undefined || Number.isNaN(remaining)) return;
    this.store.update((pools) => {
      const modelled = this.settings.perSecond - pools.staticUsed + (this.settings.burst - pools.burstUsed);
      if (remaining >= modelled) return;
      pools.burstUsed = Math.min(this.settings.burst, pools.burstUsed + (modelled - remaining));
      if (resetAt && !Number.isNaN(resetAt) && pools.burstUsed > 0)
        pools.burstResetAt = Math.max(pools.burstResetAt, resetAt);
    });
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const now = this.now();
      const { ticket, wait, next } = this.tryTake(now);
      if (!ticket) {
        this.meter.blocked(now, next);
        this.schedule(wait);
        return;
      }
      const waiter = this.nextWaiter();
      const waited = now - waiter.enqueuedAt;
      this.meter.granted(now, this.meter.backlogged);
      this.waits[waiter.serviceClass].push(waited);
      if (waiter.work) this.workWaits[waiter.work].push(waited);
      waiter.resolve(ticket);
    }
    this.meter.idle(this.now());
  }

  /** Takes a slot (a ticket), or says how long until one frees up and when the server itself would allow it. */
  private tryTake(
    now: number,
  ): { ticket: Ticket; wait?: never; next?: never } | { ticket?: never; wait: number; next: NextSlot } {
    const taken = this.store.update((pools) => {
      const slot = takeSlot(pools, now, this.settings);
      return typeof slot === 'number' ? { wait: slot, next: nextSlot(pools, now, this.settings) } : { ticket: slot };
    });
    if (taken.ticket) this.remember(taken.ticket);
    return taken;
  }

  /** The start of the window a ticket was counted in, as this process saw it (a window moved later keeps its start). */
  private remember(ticket: Ticket): void {
    if (ticket.pool !== 'static') return;
    if (ticket.first) this.windowStarts.set(ticket.resetAt, ticket.grantedAt);
    else ticket.windowStart = this.windowStart(ticket.resetAt);
    if (this.windowStarts.size > 64) this.windowStarts.delete(this.windowStarts.keys().next().value!);
  }

  /** When the static window ending at `resetAt` started, as this process saw it (else as its end implies). */
  private windowStart(resetAt: number): number {
    return this.windowStarts.get(resetAt) ?? resetAt - 1000 - (this.settings.marginMs ?? 50);
  }

  /**
   * The waiter with the lowest rank − waited / agingMs: in effect the earliest of the virtual
   * deadlines enqueuedAt + rank × agingMs, so equal waits go by class and a long wait beats any class.
   */
  private nextWaiter(): Waiter {
    const now = this.now();
    const aging = this.settings.agingMs ?? 5_000;
    let best = 0;
    let bestScore = Infinity;
    this.queue.forEach((waiter, index) => {
      const score = RANK[waiter.serviceClass] - (now - waiter.enqueuedAt) / aging;
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

const limiters = new WeakMap<object, Map<string, RateLimiter>>();

/**
 * One limiter per API host (and budget scope, e.g. the database) in this process, whatever the
 * number of clients, drawing on `store` — the budget every process on the machine shares when it
 * is kept in SQLite.
 */
export function sharedRateLimiter(
  baseUrl: string,
  settings: RateLimitSettings,
  store: (host: string) => BudgetStore,
  scope: object,
): RateLimiter {
  const host = new URL(baseUrl).host;
  const byHost = limiters.get(scope) ?? new Map<string, RateLimiter>();
  limiters.set(scope, byHost);
  let limiter = byHost.get(host);
  if (!limiter) {
    limiter = new RateLimiter(settings, store(host));
    byHost.set(host, limiter);
  }
  return limiter;
}
