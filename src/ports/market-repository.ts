import type { MarketObservation } from '../domain/market/market.js';

/** The freshest stored observation of one market. */
export interface MarketFreshness {
  waypoint: string;
  observedAt: number;
}

/**
 * A player's market observations, a time series: one row per good per read with prices. Older rows
 * than the retention are pruned on write; a server reset empties the player's store.
 */
export interface MarketRepository {
  /** Stores a read with prices (a read without them holds nothing to keep). */
  record(playerSymbol: string, systemSymbol: string, observation: MarketObservation): void;
  /** The last stored observation of a market, if any. */
  latest(playerSymbol: string, waypointSymbol: string): MarketObservation | undefined;
  /** When each of these markets was last observed (markets never observed are absent). */
  freshest(playerSymbol: string, systemSymbol: string): MarketFreshness[];
  clear(playerSymbol: string): void;
}
