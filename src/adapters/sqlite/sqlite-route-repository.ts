import type { RouteProgress, RouteRepository, RouteStatus } from '../../ports/route-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

interface RouteRow {
  ship_symbol: string;
  destination: string;
  plan: string;
  legs_done: number;
  status: string;
  created_at: number;
  updated_at: number;
}

export class SqliteRouteRepository implements RouteRepository {
  private readonly selectOne;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {
    this.selectOne = db.prepare<[string, string], RouteRow>(
      'SELECT * FROM routes WHERE player_symbol = ? AND ship_symbol = ?',
    );
    this.upsert = db.prepare(`
      INSERT INTO routes (player_symbol, ship_symbol, destination, plan, legs_done, status, created_at, updated_at)
      VALUES (@player, @ship, @destination, @plan, @legsDone, @status, @createdAt, @updatedAt)
      ON CONFLICT (player_symbol, ship_symbol) DO UPDATE SET destination = excluded.destination, plan = excluded.plan,
        legs_done = excluded.legs_done, status = excluded.status, created_at = excluded.created_at, updated_at = excluded.updated_at`);
  }

  find(playerSymbol: string, shipSymbol: string): RouteProgress | undefined {
    const staged = stagedValue<RouteProgress>(this.staging, key(playerSymbol, shipSymbol));
    if (staged) return structuredClone(staged.value);
    const row = this.selectOne.get(playerSymbol, shipSymbol);
    if (!row) return undefined;
    return {
      shipSymbol: row.ship_symbol,
      destination: row.destination,
      route: JSON.parse(row.plan),
      legsDone: row.legs_done,
      status: row.status as RouteStatus,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  save(playerSymbol: string, progress: RouteProgress): void {
    const params = {
      player: playerSymbol,
      ship: progress.shipSymbol,
      destination: progress.destination,
      plan: JSON.stringify(progress.route),
      legsDone: progress.legsDone,
      status: progress.status,
      createdAt: progress.createdAt,
      updatedAt: progress.updatedAt,
    };
    stageWrite(this.db, this.staging, key(playerSymbol, progress.shipSymbol), structuredClone(progress), () =>
      this.upsert.run(params),
    );
  }
}

function key(playerSymbol: string, shipSymbol: string): string {
  return `route:${playerSymbol}:${shipSymbol}`;
}
