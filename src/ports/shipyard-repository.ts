import type { ShipyardObservation } from '../domain/shipyard/shipyard.js';

/** Where a ship type was last seen for sale, and at what price. */
export interface ShipyardPrice {
  waypoint: string;
  purchasePrice: number;
  observedAt: number;
}

/** A player's shipyard observations, a time series: one row per ship type per read with prices. */
export interface ShipyardRepository {
  /** Stores a read with prices (a read without them holds nothing to keep). */
  record(playerSymbol: string, systemSymbol: string, observation: ShipyardObservation): void;
  /** The last stored observation of a shipyard, if any. */
  latest(playerSymbol: string, waypointSymbol: string): ShipyardObservation | undefined;
  /** Every shipyard's latest known price of a ship type, cheapest first. */
  pricesOf(playerSymbol: string, shipType: string): ShipyardPrice[];
  /** Forgets the player's observations (a server reset). */
  clear(playerSymbol: string): void;
}
