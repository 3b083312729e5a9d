import type { DomainEvent } from '../../domain/events.js';
import type { OutboxStore, StoredEvent, UnitOfWorkStore } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';

interface OutboxRow {
  id: number;
  type: string;
  payload: string;
  correlation_id: string | null;
  occurred_at: number;
}

/** Transactions and the event outbox on SQLite. */
export class SqliteUnitOfWorkStore implements UnitOfWorkStore, OutboxStore {
  private readonly insertEvent;
  private readonly selectPending;
  private readonly selectRecent;

  constructor(
    private readonly db: SqliteDatabase,
    /** Applied to each event's payload as stored: no secret reaches the outbox (and `events`). */
    private readonly scrub: (text: string) => string = (text) => text,
  ) {
    this.insertEvent = db.prepare<[string, string, string | null, number]>(
      'INSERT INTO outbox (type, payload, correlation_id, occurred_at) VALUES (?, ?, ?, ?)',
    );
    this.selectPending = db.prepare<[number], OutboxRow>(
      'SELECT * FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ?',
    );
    this.selectRecent = db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY id DESC LIMIT ?');
  }

  transaction(fn: () => void): void {
    this.db.transaction(fn).immediate();
  }

  appendEvents(events: readonly DomainEvent[], correlationId: string | null): StoredEvent[] {
    return events.map((event) => {
      const { lastInsertRowid } = this.insertEvent.run(
        event.type,
        this.scrub(JSON.stringify(event.payload)),
        correlationId,
        event.occurredAt,
      );
      return { ...event, id: Number(lastInsertRowid), correlationId };
    });
  }

  pending(limit: number): StoredEvent[] {
    return this.selectPending.all(limit).map(toStoredEvent);
  }

  markDispatched(ids: readonly number[], at: number): void {
    if (ids.length === 0) return;
    this.db
      .prepare(`UPDATE outbox SET dispatched_at = ? WHERE id IN (${ids.map(() => '?').join(',')})`)
      .run(at, ...ids);
  }

  /** Most recent events first. */
  recent(limit: number): StoredEvent[] {
    return this.selectRecent.all(limit).map(toStoredEvent);
  }
}

/** The outbox holds only events this code recorded (domain/events.ts names every type and payload). */
function toStoredEvent(row: OutboxRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload),
    correlationId: row.correlation_id,
    occurredAt: row.occurred_at,
  } as StoredEvent;
}
