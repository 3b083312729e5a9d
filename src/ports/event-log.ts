import type { StoredEvent } from './unit-of-work.js';

/** Read access to the events the bot has recorded (the outbox). */
export interface EventLog {
  /** Most recent first. */
  recent(limit: number): StoredEvent[];
}
