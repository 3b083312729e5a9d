import { type BudgetStore, EMPTY_POOLS, type PoolState } from '../../ports/budget-store.js';
import type { SqliteDatabase } from './connection.js';

interface BudgetRow {
  static_used: number;
  static_reset_at: number;
  burst_used: number;
  burst_reset_at: number;
  paused_until: number;
}

/**
 * The API rate budget kept in the database file, so every bot process on the machine (CLI
 * commands, the daemon) draws on one budget per host. Each change is one short IMMEDIATE
 * transaction — read, decide, write — never held across an await; busy_timeout queues the others.
 */
export class SqliteBudgetStore implements BudgetStore {
  private readonly select;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly host: string,
  ) {
    this.select = db.prepare<[string], BudgetRow>(
      'SELECT static_used, static_reset_at, burst_used, burst_reset_at, paused_until FROM rate_budget WHERE host = ?',
    );
    this.upsert = db.prepare(`
      INSERT INTO rate_budget (host, static_used, static_reset_at, burst_used, burst_reset_at, paused_until)
      VALUES (@host, @staticUsed, @staticResetAt, @burstUsed, @burstResetAt, @pausedUntil)
      ON CONFLICT (host) DO UPDATE SET static_used = excluded.static_used, static_reset_at = excluded.static_reset_at,
        burst_used = excluded.burst_used, burst_reset_at = excluded.burst_reset_at, paused_until = excluded.paused_until`);
  }

  update<T>(change: (state: PoolState) => T): T {
    return this.db
      .transaction(() => {
        const row = this.select.get(this.host);
        const pools: PoolState = row
          ? {
              staticUsed: row.static_used,
              staticResetAt: row.static_reset_at,
              burstUsed: row.burst_used,
              burstResetAt: row.burst_reset_at,
              pausedUntil: row.paused_until,
            }
          : { ...EMPTY_POOLS };
        const result = change(pools);
        this.upsert.run({ host: this.host, ...pools });
        return result;
      })
      .immediate();
  }
}
