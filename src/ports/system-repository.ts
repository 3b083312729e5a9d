import type { MarketDto, WaypointDto } from './spacetraders-api.js';

export interface CachedSystem {
  systemSymbol: string;
  waypoints: WaypointDto[];
  markets: MarketDto[];
  syncedAt: number;
}

/** A player's cache of what the universe looks like (waypoints, markets); emptied on a reset. */
export interface SystemRepository {
  find(playerSymbol: string, systemSymbol: string): CachedSystem | undefined;
  save(playerSymbol: string, system: CachedSystem): void;
  clear(playerSymbol: string): void;
}
