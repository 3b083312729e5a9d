import type { DomainEvent } from '../domain/events.js';

/** An event as stored in the outbox: the row id lets the dispatcher mark it delivered. */
export type StoredEvent = DomainEvent & {
  readonly id: number;
  readonly correlationId: string | null;
};

/** What a unit of work needs from the database: both calls are synchronous. */
export interface UnitOfWorkStore {
  /** Run fn inside one database transaction; any throw rolls everything back. */
  transaction(fn: () => void): void;
  /** Append events to the outbox (inside the transaction) and return them with their ids. */
  appendEvents(events: readonly DomainEvent[], correlationId: string | null): StoredEvent[];
}

/** The outbox as the dispatcher sees it. */
export interface OutboxStore {
  pending(limit: number): StoredEvent[];
  markDispatched(ids: readonly number[], at: number): void;
}

/** The writes a root command has staged but not yet committed; reads see them. */
export interface StagingArea {
  /** Stage a write under an identity key; it is applied when the root command commits. */
  stage(key: string, value: unknown, apply: () => void): void;
  /** The pending value for a key, or `undefined` when nothing is staged for it. */
  read<T>(key: string): { value: T } | undefined;
}

/** How a repository finds the staging area of the command it runs for (none outside a command). */
export type CurrentStaging = () => StagingArea | undefined;
