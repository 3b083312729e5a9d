import type { EventBus } from './event-bus.js';
import type { OutboxStore, StoredEvent } from '../ports/unit-of-work.js';

/**
 * Hands committed outbox events to the event bus and marks them dispatched. Events whose process
 * died before delivery stay pending and are delivered again by `redeliverPending` at start-up, so
 * subscribers must be idempotent.
 */
export class OutboxDispatcher {
  constructor(
    private readonly bus: EventBus,
    private readonly outbox: OutboxStore,
    private readonly now: () => number = Date.now,
  ) {}

  async dispatch(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Events of one command keep their order; publish() itself never throws (fail-open).
    for (const event of events) await this.bus.publish(event);
    this.outbox.markDispatched(
      events.map((e) => e.id),
      this.now(),
    );
  }

  async redeliverPending(batch = 500): Promise<number> {
    let delivered = 0;
    for (;;) {
      const pending = this.outbox.pending(batch);
      if (pending.length === 0) return delivered;
      await this.dispatch(pending);
      delivered += pending.length;
    }
  }
}
