import type { Ship } from '../domain/fleet/ship.js';

/** The last known state of each player's ships: a cache for views, never the ground for a move. */
export interface ShipRepository {
  list(playerSymbol: string): Ship[];
  find(playerSymbol: string, shipSymbol: string): Ship | undefined;
  save(playerSymbol: string, ship: Ship, syncedAt: number): void;
}
