import type { MarketDto, WaypointDto } from './spacetraders-api.js';

export interface CachedSystem {
  systemSymbol: string;
  waypoints: WaypointDto[];
  markets: MarketDto[];
  syncedAt: number;
}

/** Where a system is and where its jump gate leads: what route planning between systems needs. */
export interface SystemLinks {
  systemSymbol: string;
  x: number;
  y: number;
  /** The system's jump gate, if it has one. */
  gate?: { symbol: string; x: number; y: number; underConstruction: boolean; connections: string[] };
  syncedAt: number;
}

/** A player's cache of what the universe looks like (waypoints, markets, gate links); emptied on a reset. */
export interface SystemRepository {
  find(playerSymbol: string, systemSymbol: string): CachedSystem | undefined;
  save(playerSymbol: string, system: CachedSystem): void;
  findLinks(playerSymbol: string, systemSymbol: string): SystemLinks | undefined;
  saveLinks(playerSymbol: string, links: SystemLinks): void;
  clear(playerSymbol: string): void;
}
