import { isShipState, Ship, type ShipState } from '../../domain/fleet/ship.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

/**
 * Ships as their domain snapshot (JSON). Rows an older version wrote in the API's own shape are a
 * cache like the rest: they read as absent until the ship is next fetched and saved.
 */
export class SqliteShipRepository implements ShipRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {
    this.selectAll = db.prepare<[string], { ship_symbol: string }>(
      'SELECT ship_symbol FROM ships WHERE player_symbol = ? ORDER BY ship_symbol',
    );
    this.selectOne = db.prepare<[string, string], { data: string }>(
      'SELECT data FROM ships WHERE player_symbol = ? AND ship_symbol = ?',
    );
    this.upsert = db.prepare<[string, string, string, number]>(
      `INSERT INTO ships (player_symbol, ship_symbol, data, synced_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (player_symbol, ship_symbol) DO UPDATE SET data = excluded.data, synced_at = excluded.synced_at`,
    );
  }

  list(playerSymbol: string): Ship[] {
    return this.selectAll
      .all(playerSymbol)
      .map((row) => this.find(playerSymbol, row.ship_symbol))
      .filter((ship): ship is Ship => ship !== undefined);
  }

  find(playerSymbol: string, shipSymbol: string): Ship | undefined {
    const staged = stagedValue<ShipState>(this.staging, key(playerSymbol, shipSymbol));
    if (staged) return new Ship(staged.value);
    const row = this.selectOne.get(playerSymbol, shipSymbol);
    if (!row) return undefined;
    const state: unknown = JSON.parse(row.data);
    return isShipState(state) ? new Ship(state) : undefined;
  }

  save(playerSymbol: string, ship: Ship, syncedAt: number): void {
    const state = ship.snapshot();
    const data = JSON.stringify(state);
    stageWrite(this.db, this.staging, key(playerSymbol, ship.symbol), state, () =>
      this.upsert.run(playerSymbol, ship.symbol, data, syncedAt),
    );
  }
}

function key(playerSymbol: string, shipSymbol: string): string {
  return `ship:${playerSymbol}:${shipSymbol}`;
}
