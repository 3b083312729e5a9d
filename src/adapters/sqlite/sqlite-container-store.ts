import { Container, type ContainerState, type ContainerStatus } from '../../domain/containers/container.js';
import { LOG_LEVEL_RANK, type ContainerLogLine, type ContainerStore } from '../../ports/container-store.js';
import type { SqliteDatabase } from './connection.js';

/** Lines kept per container; older ones are pruned as new ones arrive. */
const LOG_RETENTION = 2_000;

interface ContainerRow {
  id: string;
  player_symbol: string | null;
  command_type: string;
  payload: string;
  claims: string;
  status: string;
  restart_policy: string;
  attempts: number;
  exit_reason: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

/** Containers, claims and logs in SQLite. Every method is one short synchronous transaction. */
export class SqliteContainerStore implements ContainerStore {
  constructor(
    private readonly db: SqliteDatabase,
    /** Removes secrets from the texts it stores (log lines, exit reasons): the composition root passes the scrubber. */
    private readonly scrub: (text: string) => string = (text) => text,
  ) {}

  save(container: Container): void {
    const s = container.snapshot();
    this.db
      .prepare(
        `INSERT INTO containers (id, player_symbol, command_type, payload, claims, status, restart_policy, attempts, exit_reason, created_at, started_at, finished_at)
         VALUES (@id, @player, @commandType, @payload, @claims, @status, @restartPolicy, @attempts, @exitReason, @createdAt, @startedAt, @finishedAt)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts, exit_reason = excluded.exit_reason,
           started_at = excluded.started_at, finished_at = excluded.finished_at`,
      )
      .run({
        ...s,
        payload: JSON.stringify(s.payload),
        claims: JSON.stringify(s.claims),
        restartPolicy: JSON.stringify(s.restartPolicy),
        exitReason: s.exitReason === null ? null : this.scrub(s.exitReason),
      });
  }

  find(id: string): Container | undefined {
    const row = this.db.prepare<[string], ContainerRow>('SELECT * FROM containers WHERE id = ?').get(id);
    return row ? toContainer(row) : undefined;
  }

  list(statuses?: readonly ContainerStatus[]): Container[] {
    const rows = statuses
      ? this.db
          .prepare<string[], ContainerRow>(
            `SELECT * FROM containers WHERE status IN (${statuses.map(() => '?').join(',')}) ORDER BY created_at`,
          )
          .all(...statuses)
      : this.db.prepare<[], ContainerRow>('SELECT * FROM containers ORDER BY created_at').all();
    return rows.map(toContainer);
  }

  claim(
    containerId: string,
    resources: readonly string[],
    now: number,
  ): { resource: string; holder: string } | undefined {
    return this.db
      .transaction(() => {
        const holderOf = this.db.prepare<[string], { container_id: string }>(
          'SELECT container_id FROM claims WHERE resource = ?',
        );
        for (const resource of resources) {
          const holder = holderOf.get(resource)?.container_id;
          if (holder && holder !== containerId) return { resource, holder };
        }
        const insert = this.db.prepare(
          'INSERT INTO claims (resource, container_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT (resource) DO NOTHING',
        );
        for (const resource of resources) insert.run(resource, containerId, now);
        return undefined;
      })
      .immediate();
  }

  release(containerId: string): void {
    this.db.prepare('DELETE FROM claims WHERE container_id = ?').run(containerId);
  }

  unclaim(containerId: string, resources: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM claims WHERE container_id = ? AND resource = ?');
    this.db.transaction(() => {
      for (const resource of resources) remove.run(containerId, resource);
    })();
  }

  claimed(prefix: string): Array<{ resource: string; holder: string }> {
    return this.db
      .prepare<[number, string], { resource: string; holder: string }>(
        'SELECT resource, container_id AS holder FROM claims WHERE substr(resource, 1, ?) = ? ORDER BY resource',
      )
      .all(prefix.length, prefix);
  }

  appendLog(containerId: string, level: string, message: string, at: number): void {
    this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO container_logs (container_id, at, level, message) VALUES (?, ?, ?, ?)')
        .run(containerId, at, level, this.scrub(message));
      if (Number(lastInsertRowid) % 100 === 0) {
        this.db
          .prepare('DELETE FROM container_logs WHERE container_id = ? AND id <= ?')
          .run(containerId, Number(lastInsertRowid) - LOG_RETENTION);
      }
    })();
  }

  logs(containerId: string, options: { afterId?: number; minLevel?: string; limit?: number }): ContainerLogLine[] {
    const minRank = LOG_LEVEL_RANK[options.minLevel ?? 'trace'] ?? 0;
    const levels = Object.entries(LOG_LEVEL_RANK)
      .filter(([, rank]) => rank >= minRank)
      .map(([level]) => level);
    return this.db
      .prepare<unknown[], { id: number; container_id: string; at: number; level: string; message: string }>(
        `SELECT * FROM container_logs WHERE container_id = ? AND id > ? AND level IN (${levels.map(() => '?').join(',')}) ORDER BY id LIMIT ?`,
      )
      .all(containerId, options.afterId ?? 0, ...levels, options.limit ?? 1_000)
      .map((row) => ({
        id: row.id,
        containerId: row.container_id,
        at: row.at,
        level: row.level,
        message: row.message,
      }));
  }
}

function toContainer(row: ContainerRow): Container {
  const state: ContainerState = {
    id: row.id,
    player: row.player_symbol,
    commandType: row.command_type,
    payload: JSON.parse(row.payload),
    claims: JSON.parse(row.claims),
    status: row.status as ContainerStatus,
    restartPolicy: JSON.parse(row.restart_policy),
    attempts: row.attempts,
    exitReason: row.exit_reason,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
  return new Container(state);
}
