import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { MarketGoodState } from '../world/world.js';

type S = components['schemas'];

/*
 * The real server publishes no price model, only its outcome (ECONOMY.md §1). The sandbox's: a good's
 * price follows its supply level (a continuous 0 SCARCE … 4 ABUNDANT), and the spread sits around it by
 * the kind of trade, at the figures players observed.
 */
const SUPPLY_LEVELS: S['SupplyLevel'][] = ['SCARCE', 'LIMITED', 'MODERATE', 'HIGH', 'ABUNDANT'];
/** The level `basePrice` is quoted at. */
export const MODERATE = 2;
/**
 * Log-price per supply level: each level scarcer is ×e^0.25 ≈ +28%. ECONOMY.md §1 (aDyn: price falls as
 * supply rises, r ≈ −0.90; aRetro: sustained buying raised asks 66–80%, dumping cut bids 40–60%): from
 * MODERATE, the scarce floor is ×1.75 and the abundant ceiling ×0.53. The step itself is the sandbox's.
 */
export const LOG_PRICE_PER_LEVEL = 0.25;
/** Supply stays within these levels (with the step above: +75% / −47% around MODERATE). */
export const SUPPLY_FLOOR = -0.25;
export const SUPPLY_CEILING = 4.5;
/** IMPORT/EXPORT: sellPrice ≈ 0.48–0.50 × purchasePrice (ECONOMY.md §1, snap); the middle. */
const BID_SHARE = 0.49;
/** An import's bid over the good's base (exporter ask): importer bid ÷ exporter ask is 1.3–1.9× (§1, snap); the middle. */
const IMPORT_BID_MARKUP = 1.6;
/** EXCHANGE: a gap of ~4 credits on cheap goods (FUEL 72/68), 2–3% on costly ones (ANTIMATTER 5052/4948) (§1, snap). */
const EXCHANGE_MIN_GAP = 4;
const EXCHANGE_SPREAD = 0.024;

/** The supply label of a continuous level. */
export function supplyLabel(level: number): S['SupplyLevel'] {
  return SUPPLY_LEVELS[Math.max(0, Math.min(4, Math.round(level)))]!;
}

/** The good's prices now: fixed for one transaction, moved after it (markets/economy.ts). */
export function prices(good: MarketGoodState): {
  purchasePrice: number;
  sellPrice: number;
  supply: S['SupplyLevel'];
} {
  const factor = Math.exp(LOG_PRICE_PER_LEVEL * (MODERATE - good.supply));
  const supply = supplyLabel(good.supply);
  if (good.type === 'IMPORT') {
    const sellPrice = Math.max(1, Math.round(good.basePrice * IMPORT_BID_MARKUP * factor));
    return { purchasePrice: Math.max(sellPrice + 1, Math.round(sellPrice / BID_SHARE)), sellPrice, supply };
  }
  const purchasePrice = Math.max(2, Math.round(good.basePrice * factor));
  const gap =
    good.type === 'EXCHANGE'
      ? Math.max(EXCHANGE_MIN_GAP, Math.round(purchasePrice * EXCHANGE_SPREAD))
      : purchasePrice - Math.round(purchasePrice * BID_SHARE);
  return { purchasePrice, sellPrice: Math.max(1, purchasePrice - gap), supply };
}
