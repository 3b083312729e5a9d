import type { ShipDto } from './spacetraders-api.js';

/** The last known state of each player's ships, as the API returned it. */
export interface ShipRepository {
  list(playerSymbol: string): ShipDto[];
  find(playerSymbol: string, shipSymbol: string): ShipDto | undefined;
  save(playerSymbol: string, ship: ShipDto, syncedAt: number): void;
}
