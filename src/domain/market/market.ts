/** Supply of a good at a market, from scarce (dear) to abundant (cheap), as the game reports it. */
type SupplyLevel = 'SCARCE' | 'LIMITED' | 'MODERATE' | 'HIGH' | 'ABUNDANT';
/** How busy the good's trade is; RESTRICTED when its production is starved. */
type ActivityLevel = 'WEAK' | 'GROWING' | 'STRONG' | 'RESTRICTED';
type TradeGoodType = 'EXPORT' | 'IMPORT' | 'EXCHANGE';

/** One good of a market at one moment: what it costs to buy, what it pays to sell, and how much per trade. */
export interface MarketGood {
  symbol: string;
  type: TradeGoodType;
  supply: SupplyLevel;
  /** Null when the server did not say. */
  activity: ActivityLevel | null;
  /** The most units one purchase or sale may move (more is refused with 4604). */
  tradeVolume: number;
  /** What the player pays per unit. */
  purchasePrice: number;
  /** What the player is paid per unit. */
  sellPrice: number;
}

/** What a market trades, public without a ship there. */
export interface MarketListing {
  waypoint: string;
  imports: string[];
  exports: string[];
  exchange: string[];
}

/** A market as the server shows it: the listing, and its goods' prices only with a ship there (else empty). */
export interface MarketSnapshot extends MarketListing {
  tradeGoods: MarketGood[];
}

/** A market as read at one moment. An observation, never the truth: it ages. */
export interface MarketObservation extends MarketSnapshot {
  /** Epoch ms of the read. */
  observedAt: number;
}

/** A purchase or sale as the server recorded it (its own MarketTransaction). */
export interface MarketTrade {
  waypoint: string;
  ship: string;
  good: string;
  type: 'PURCHASE' | 'SELL';
  units: number;
  pricePerUnit: number;
  totalPrice: number;
  /** Epoch ms, the server's timestamp. */
  at: number;
}

/** True when the market buys or sells the good at all (listed as an import, export or exchange). */
export function tradesGood(listing: MarketListing, good: string): boolean {
  return [...listing.imports, ...listing.exports, ...listing.exchange].includes(good);
}

/** The good's prices in an observation, if it carries them. */
export function goodIn(observation: MarketObservation, good: string): MarketGood | undefined {
  return observation.tradeGoods.find((g) => g.symbol === good);
}

/** Whole seconds since an observation (0 for one from the future: clocks differ a little). */
export function observationAgeSeconds(observedAt: number, now: number): number {
  return Math.max(0, Math.floor((now - observedAt) / 1000));
}

/** An age the way a player reads it: 45s, 12m, 3h 5m, 2d 4h. */
export function describeAge(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days}d ${hours % 24}h` : `${days}d`;
}
