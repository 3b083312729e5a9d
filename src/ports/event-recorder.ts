import type { DomainEvent } from '../domain/events.js';

/** Records events that happen outside any command (the daemon's container lifecycle), then dispatches them. */
export interface EventRecorder {
  record(...events: DomainEvent[]): Promise<void>;
}
