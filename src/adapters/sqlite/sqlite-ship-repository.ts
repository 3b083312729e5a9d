import type { ShipRepository } from '../../ports/ship-repository.js';
import type { ShipDto } from '../../ports/spacetraders-api.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

export class SqliteShipRepository implements ShipRepository {
  private readonly selectAll;
  private readonly selectOne;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {
    this.selectAll = db.prepare<[string], { data: string }>(
      'SELECT data FROM ships WHERE player_symbol = ? ORDER BY ship_symbol',
    );
    this.selectOne = db.prepare<[string, string], { data: string }>(
      'SELECT data FROM ships WHERE player_symbol = ? AND ship_symbol = ?',
    );
    this.upsert = db.prepare<[string, string, string, number]>(
      `INSERT INTO ships (player_symbol, ship_symbol, data, synced_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (player_symbol, ship_symbol) DO UPDATE SET data = excluded.data, synced_at = excluded.synced_at`,
    );
  }

  list(playerSymbol: string): ShipDto[] {
    return this.selectAll.all(playerSymbol).map((row) => {
      const ship = JSON.parse(row.data) as ShipDto;
      return this.find(playerSymbol, ship.symbol) ?? ship;
    });
  }

  find(playerSymbol: string, shipSymbol: string): ShipDto | undefined {
    const staged = stagedValue<ShipDto>(this.staging, key(playerSymbol, shipSymbol));
    if (staged) return structuredClone(staged.value);
    const row = this.selectOne.get(playerSymbol, shipSymbol);
    return row ? (JSON.parse(row.data) as ShipDto) : undefined;
  }

  save(playerSymbol: string, ship: ShipDto, syncedAt: number): void {
    const data = JSON.stringify(ship);
    stageWrite(this.db, this.staging, key(playerSymbol, ship.symbol), structuredClone(ship), () =>
      this.upsert.run(playerSymbol, ship.symbol, data, syncedAt),
    );
  }
}

function key(playerSymbol: string, shipSymbol: string): string {
  return `ship:${playerSymbol}:${shipSymbol}`;
}
