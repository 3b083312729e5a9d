import type { TradeProgress, TradeProgressStore } from '../../ports/trade-progress.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

/** Rows older than this are pruned on write: a trade is resumed within minutes, not weeks. */
const KEEP_MS = 7 * 24 * 3600_000;

export class SqliteTradeProgress implements TradeProgressStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {}

  find(tradeId: string): TradeProgress | undefined {
    const staged = stagedValue<TradeProgress>(this.staging, key(tradeId));
    if (staged) return staged.value;
    const row = this.db
      .prepare<[string], { units_done: number; in_flight: number | null }>(
        'SELECT units_done, in_flight FROM trade_progress WHERE trade_id = ?',
      )
      .get(tradeId);
    return row ? { unitsDone: row.units_done, inFlight: row.in_flight } : undefined;
  }

  save(playerSymbol: string, tradeId: string, progress: TradeProgress, at: number): void {
    stageWrite(this.db, this.staging, key(tradeId), { ...progress }, () => {
      this.db
        .prepare(
          `INSERT INTO trade_progress (trade_id, player_symbol, units_done, in_flight, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (trade_id) DO UPDATE SET units_done = excluded.units_done, in_flight = excluded.in_flight,
             updated_at = excluded.updated_at`,
        )
        .run(tradeId, playerSymbol, progress.unitsDone, progress.inFlight, at);
      this.db.prepare('DELETE FROM trade_progress WHERE updated_at < ?').run(at - KEEP_MS);
    });
  }
}

function key(tradeId: string): string {
  return `trade:${tradeId}`;
}
