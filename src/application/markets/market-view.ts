import type { MarketGood, MarketObservation, MarketSnapshot } from '../../domain/market/market.js';
import { observationAgeSeconds } from '../../domain/market/market.js';

/** What `market show` prints (the JSON keys are a contract). */
export interface MarketView {
  waypoint: string;
  /** ISO time of the observation; null when only the public listing is known. */
  observedAt: string | null;
  /** Read just now, with one of the player's ships there. */
  live: boolean;
  /** Seconds since the observation; null with no observation. */
  ageSeconds: number | null;
  tradeGoods: Array<Omit<MarketGood, 'activity'> & { activity: MarketGood['activity'] }>;
  imports: string[];
  exports: string[];
  exchange: string[];
}

export function toMarketView(market: MarketObservation | MarketSnapshot, live: boolean, now: number): MarketView {
  const observedAt = 'observedAt' in market ? market.observedAt : null;
  return {
    waypoint: market.waypoint,
    observedAt: observedAt === null ? null : new Date(observedAt).toISOString(),
    live,
    ageSeconds: observedAt === null ? null : observationAgeSeconds(observedAt, now),
    tradeGoods: market.tradeGoods.map((g) => ({
      symbol: g.symbol,
      type: g.type,
      supply: g.supply,
      activity: g.activity,
      tradeVolume: g.tradeVolume,
      purchasePrice: g.purchasePrice,
      sellPrice: g.sellPrice,
    })),
    imports: [...market.imports],
    exports: [...market.exports],
    exchange: [...market.exchange],
  };
}
