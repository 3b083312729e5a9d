import type { BudgetUse } from '../../ports/budget-store.js';

/** When the server would next accept a request, and at what rate that pool refills (requests per ms). */
export interface NextSlot {
  /** The server's own refill time: the model's reset without the client's safety margin (or the end of a 429 pause). */
  at: number;
  perMs: number;
}

/**
 * How much of the budget the limiter uses while requests wait in it. A request waits only when the
 * model's pools are empty, so what the limiter can waste is time: when it wakes `late` ms after the
 * server's refill (the safety margin, timer granularity, a busy event loop) and requests are still
 * waiting after the refill was spent, the pool's next window starts `late` ms after the server would
 * have allowed it, and `late × the pool's rate` requests of budget are gone. A backlog that ends at the
 * refill loses nothing (those requests merely waited a little longer). So, over the time the queue is
 * non-empty: used = requests sent, allowed = sent + forgone.
 */
export class BudgetMeter {
  private backlogSince: number | undefined;
  private next: NextSlot | undefined;
  /** The first grant after the awaited refill, while backlogged. */
  private wokeAt: number | undefined;
  private waitingMs = 0;
  private sent = 0;
  private forgone = 0;

  /** A request was granted; `backlogged` when it is granted out of a queue that had to wait. */
  granted(now: number, backlogged: boolean): void {
    if (!backlogged) return;
    this.sent += 1;
    if (this.next && this.wokeAt === undefined && now >= this.next.at) this.wokeAt = now;
  }

  /** Requests are waiting until `next`: a backlog starts or goes on. */
  blocked(now: number, next: NextSlot): void {
    if (this.backlogSince === undefined) this.backlogSince = now;
    else if (this.next && this.wokeAt !== undefined) {
      // Served after the refill, and the refill did not clear the queue: its window started late.
      this.forgone += Math.max(0, this.wokeAt - this.next.at) * this.next.perMs;
    }
    this.next = next;
    this.wokeAt = undefined;
  }

  /** The queue is empty: the backlog (if any) is over. */
  idle(now: number): void {
    if (this.backlogSince !== undefined) this.waitingMs += now - this.backlogSince;
    this.backlogSince = undefined;
    this.next = undefined;
    this.wokeAt = undefined;
  }

  get backlogged(): boolean {
    return this.backlogSince !== undefined;
  }

  /** The figures so far, the backlog in progress included. */
  use(now: number): BudgetUse {
    const open = this.backlogSince === undefined ? 0 : now - this.backlogSince;
    return {
      waitingMs: this.waitingMs + open,
      sentWhileWaiting: this.sent,
      allowedWhileWaiting: this.sent + Math.round(this.forgone),
    };
  }
}
