import type { CreditBaseline, LedgerEntry, LedgerKind } from '../../domain/market/ledger.js';
import type { Ledger } from '../../ports/ledger.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stageWrite } from './sqlite-write.js';

interface LedgerRow {
  at: number;
  ship_symbol: string;
  kind: LedgerKind;
  good: string;
  units: number;
  credits: number;
  waypoint_symbol: string;
  price_per_unit: number;
  balance_after: number | null;
}

/** The ledger on SQLite: one row per entry recorded (two equal lots in one millisecond are two rows). */
export class SqliteLedger implements Ledger {
  private staged = 0;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {}

  record(playerSymbol: string, entry: LedgerEntry): void {
    stageWrite(this.db, this.staging, `ledger:${playerSymbol}:${++this.staged}`, entry, () => {
      this.db
        .prepare(
          `INSERT INTO ledger (player_symbol, at, ship_symbol, kind, good, units, credits, waypoint_symbol,
             price_per_unit, balance_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          playerSymbol,
          entry.at,
          entry.ship,
          entry.kind,
          entry.good,
          entry.units,
          entry.credits,
          entry.waypoint,
          entry.pricePerUnit,
          entry.balanceAfter,
        );
    });
  }

  entries(playerSymbol: string, since = 0): LedgerEntry[] {
    return this.db
      .prepare<[string, number], LedgerRow>(
        `SELECT at, ship_symbol, kind, good, units, credits, waypoint_symbol, price_per_unit, balance_after FROM ledger
         WHERE player_symbol = ? AND at >= ? ORDER BY at, id`,
      )
      .all(playerSymbol, since)
      .map((row) => ({
        at: row.at,
        ship: row.ship_symbol,
        kind: row.kind,
        good: row.good,
        units: row.units,
        credits: row.credits,
        waypoint: row.waypoint_symbol,
        pricePerUnit: row.price_per_unit,
        balanceAfter: row.balance_after,
      }));
  }

  recordBaseline(playerSymbol: string, baseline: CreditBaseline): void {
    stageWrite(this.db, this.staging, `ledger-baseline:${playerSymbol}:${++this.staged}`, baseline, () => {
      this.db
        .prepare('INSERT INTO credit_baselines (player_symbol, at, credits) VALUES (?, ?, ?)')
        .run(playerSymbol, baseline.at, baseline.credits);
    });
  }

  baselines(playerSymbol: string, since = 0): CreditBaseline[] {
    return this.db
      .prepare<[string, number], CreditBaseline>(
        'SELECT at, credits FROM credit_baselines WHERE player_symbol = ? AND at >= ? ORDER BY at, id',
      )
      .all(playerSymbol, since);
  }
}
