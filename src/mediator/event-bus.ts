import type { DomainEvent, EventOf, EventType } from '../domain/events.js';

export type EventSubscriber = (event: DomainEvent) => void | Promise<void>;
export type SubscriberFailure = (event: DomainEvent, error: unknown) => void;

/**
 * In-memory publish/subscribe for events that have been committed. Subscribers run concurrently
 * and fail open: one that throws is reported and does not stop the others. A bounded history of
 * recent events is kept for inspection.
 */
export class EventBus {
  private readonly subscribers = new Map<string, EventSubscriber[]>();
  private readonly recent: DomainEvent[] = [];

  constructor(
    private readonly onFailure: SubscriberFailure = () => {},
    private readonly historyLimit = 100,
  ) {}

  /** Subscribe to one event type, or to every event with '*'. Returns an unsubscribe function. */
  subscribe(type: string, subscriber: EventSubscriber): () => void {
    const list = this.subscribers.get(type) ?? [];
    list.push(subscriber);
    this.subscribers.set(type, list);
    return () => {
      const current = this.subscribers.get(type) ?? [];
      this.subscribers.set(
        type,
        current.filter((s) => s !== subscriber),
      );
    };
  }

  /** Subscribe to one event type with a subscriber typed for it. Returns an unsubscribe function. */
  on<K extends EventType>(type: K, subscriber: (event: EventOf<K>) => void | Promise<void>): () => void {
    // Only events of this type reach the subscriber (publish looks them up by type).
    return this.subscribe(type, subscriber as EventSubscriber);
  }

  async publish(event: DomainEvent): Promise<void> {
    const targets = [...(this.subscribers.get(event.type) ?? []), ...(this.subscribers.get('*') ?? [])];
    const outcomes = await Promise.allSettled(targets.map(async (subscriber) => subscriber(event)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') this.onFailure(event, outcome.reason);
    }
    this.recent.push(event);
    if (this.recent.length > this.historyLimit) this.recent.splice(0, this.recent.length - this.historyLimit);
  }

  history(limit = this.historyLimit): DomainEvent[] {
    return this.recent.slice(-limit);
  }
}
