import type { MarketGood, MarketObservation } from '../domain/market/market.js';

/** The freshest stored observation of one market. */
export interface MarketFreshness {
  waypoint: string;
  observedAt: number;
}

/** One good at one market, as last observed there. */
export interface GoodObservation {
  waypoint: string;
  system: string;
  observedAt: number;
  good: MarketGood;
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
  /** The latest stored observation of a good at every market that has one (in one system, if given). */
  latestOfGood(playerSymbol: string, good: string, systemSymbol?: string): GoodObservation[];
  /** Every stored observation of a good from a moment on, by market then oldest first (one market or system, if given). */
  historyOfGood(
    playerSymbol: string,
    good: string,
    filter?: { waypoint?: string; system?: string; since?: number },
  ): GoodObservation[];
  clear(playerSymbol: string): void;
}
