import type { MarketDto, WaypointDto } from '../../ports/spacetraders-api.js';
import type { CachedSystem, SystemLinks, SystemRepository } from '../../ports/system-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

export class SqliteSystemRepository implements SystemRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {}

  find(playerSymbol: string, systemSymbol: string): CachedSystem | undefined {
    const staged = stagedValue<CachedSystem>(this.staging, key(playerSymbol, systemSymbol));
    if (staged) return staged.value;
    const synced = this.db
      .prepare<[string, string], { synced_at: number }>(
        'SELECT synced_at FROM systems_synced WHERE player_symbol = ? AND system_symbol = ?',
      )
      .get(playerSymbol, systemSymbol);
    if (!synced) return undefined;
    const waypoints = this.db
      .prepare<[string, string], { data: string }>(
        'SELECT data FROM waypoints WHERE player_symbol = ? AND system_symbol = ? ORDER BY waypoint_symbol',
      )
      .all(playerSymbol, systemSymbol)
      .map((row) => JSON.parse(row.data) as WaypointDto);
    const symbols = new Set(waypoints.map((w) => w.symbol));
    const markets = this.db
      .prepare<[string], { waypoint_symbol: string; data: string }>(
        'SELECT waypoint_symbol, data FROM markets WHERE player_symbol = ? ORDER BY waypoint_symbol',
      )
      .all(playerSymbol)
      .filter((row) => symbols.has(row.waypoint_symbol))
      .map((row) => JSON.parse(row.data) as MarketDto);
    return { systemSymbol, waypoints, markets, syncedAt: synced.synced_at };
  }

  save(playerSymbol: string, system: CachedSystem): void {
    stageWrite(this.db, this.staging, key(playerSymbol, system.systemSymbol), system, () => {
      const at = system.syncedAt;
      this.db
        .prepare('DELETE FROM waypoints WHERE player_symbol = ? AND system_symbol = ?')
        .run(playerSymbol, system.systemSymbol);
      const insertWaypoint = this.db.prepare(
        'INSERT INTO waypoints (player_symbol, system_symbol, waypoint_symbol, data, synced_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const waypoint of system.waypoints)
        insertWaypoint.run(playerSymbol, system.systemSymbol, waypoint.symbol, JSON.stringify(waypoint), at);
      const upsertMarket = this.db.prepare(
        `INSERT INTO markets (player_symbol, waypoint_symbol, data, synced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (player_symbol, waypoint_symbol) DO UPDATE SET data = excluded.data, synced_at = excluded.synced_at`,
      );
      for (const market of system.markets) upsertMarket.run(playerSymbol, market.symbol, JSON.stringify(market), at);
      this.db
        .prepare(
          `INSERT INTO systems_synced (player_symbol, system_symbol, synced_at) VALUES (?, ?, ?)
           ON CONFLICT (player_symbol, system_symbol) DO UPDATE SET synced_at = excluded.synced_at`,
        )
        .run(playerSymbol, system.systemSymbol, at);
    });
  }

  findLinks(playerSymbol: string, systemSymbol: string): SystemLinks | undefined {
    const staged = stagedValue<SystemLinks>(this.staging, linksKey(playerSymbol, systemSymbol));
    if (staged) return staged.value;
    const row = this.db
      .prepare<[string, string], { data: string }>(
        'SELECT data FROM system_links WHERE player_symbol = ? AND system_symbol = ?',
      )
      .get(playerSymbol, systemSymbol);
    return row ? (JSON.parse(row.data) as SystemLinks) : undefined;
  }

  saveLinks(playerSymbol: string, links: SystemLinks): void {
    stageWrite(this.db, this.staging, linksKey(playerSymbol, links.systemSymbol), links, () => {
      this.db
        .prepare(
          `INSERT INTO system_links (player_symbol, system_symbol, data, synced_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (player_symbol, system_symbol) DO UPDATE SET data = excluded.data, synced_at = excluded.synced_at`,
        )
        .run(playerSymbol, links.systemSymbol, JSON.stringify(links), links.syncedAt);
    });
  }

  clear(playerSymbol: string): void {
    stageWrite(this.db, this.staging, `systems:${playerSymbol}:clear`, null, () => {
      for (const table of ['waypoints', 'markets', 'systems_synced', 'system_links'])
        this.db.prepare(`DELETE FROM ${table} WHERE player_symbol = ?`).run(playerSymbol);
    });
  }
}

function key(playerSymbol: string, systemSymbol: string): string {
  return `system:${playerSymbol}:${systemSymbol}`;
}

function linksKey(playerSymbol: string, systemSymbol: string): string {
  return `links:${playerSymbol}:${systemSymbol}`;
}
