import type { DomainEvent } from '../domain/events.js';
import type { StagingArea, StoredEvent, UnitOfWorkStore } from '../ports/unit-of-work.js';

interface PendingWrite {
  value: unknown;
  apply: () => void;
}

/**
 * Collects a root command's writes and events while its handler awaits remote calls, then flushes
 * them in one synchronous transaction. No database transaction is ever open across an await:
 * better-sqlite3 would commit at the first await, and in the daemon other containers share the
 * connection. Reads see pending writes through the identity map (`read`).
 */
export class UnitOfWork implements StagingArea {
  private readonly writes = new Map<string, PendingWrite>();
  private events: DomainEvent[] = [];

  constructor(
    private readonly store: UnitOfWorkStore,
    readonly correlationId: string | null = null,
    private readonly onCommitted: (events: StoredEvent[]) => Promise<void> = async () => {},
  ) {}

  /**
   * Stage a write under an identity key (e.g. `player:NOVA-1`). A later write to the same key
   * replaces the earlier one but keeps its place in the flush order.
   */
  stage(key: string, value: unknown, apply: () => void): void {
    this.writes.set(key, { value, apply });
  }

  /** The pending value for a key, or `undefined` when nothing is staged for it. */
  read<T>(key: string): { value: T } | undefined {
    const pending = this.writes.get(key);
    return pending ? { value: pending.value as T } : undefined;
  }

  record(...events: DomainEvent[]): void {
    this.events.push(...events);
  }

  get pendingWrites(): number {
    return this.writes.size;
  }

  /**
   * Flush everything staged so far and hand the committed events on (to the outbox dispatcher).
   * A long command checkpoints after each step it must not lose, such as a navigation leg, so a
   * crash costs at most the step in flight.
   */
  async checkpoint(): Promise<void> {
    const events = this.commit();
    if (events.length > 0) await this.onCommitted(events);
  }

  /** Flush everything staged so far in one transaction and start afresh; returns the stored events. */
  commit(): StoredEvent[] {
    if (this.writes.size === 0 && this.events.length === 0) return [];
    const writes = [...this.writes.values()];
    const events = this.events;
    let stored: StoredEvent[] = [];
    this.store.transaction(() => {
      for (const write of writes) write.apply();
      stored = this.store.appendEvents(events, this.correlationId);
    });
    this.writes.clear();
    this.events = [];
    return stored;
  }

  /** Forget everything staged: nothing reaches the database. */
  discard(): void {
    this.writes.clear();
    this.events = [];
  }
}
