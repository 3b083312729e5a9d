/**
 * The one source of schema truth: versioned migrations applied in order, tracked by SQLite's
 * `user_version`. Timestamps are integer epoch milliseconds everywhere. Append new migrations at
 * the end; never edit one that has shipped.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'players, settings and the event outbox',
    sql: `
      CREATE TABLE players (
        agent_symbol       TEXT PRIMARY KEY,
        token              TEXT NOT NULL,
        account_registered INTEGER NOT NULL DEFAULT 0,
        faction            TEXT,
        headquarters       TEXT,
        credits            INTEGER,
        metadata           TEXT NOT NULL DEFAULT '{}',
        token_stale        INTEGER NOT NULL DEFAULT 0,
        created_at         INTEGER NOT NULL,
        last_active_at     INTEGER NOT NULL
      );
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      CREATE TABLE outbox (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        type           TEXT NOT NULL,
        payload        TEXT NOT NULL,
        correlation_id TEXT,
        occurred_at    INTEGER NOT NULL,
        dispatched_at  INTEGER
      );
      CREATE INDEX outbox_pending ON outbox (id) WHERE dispatched_at IS NULL;
    `,
  },
];
