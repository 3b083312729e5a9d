import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { MarketGoodState } from '../world/world.js';

type S = components['schemas'];

/*
 * The real server publishes no price model, only its outcome: a purchase price above the sell price,
 * a supply level, prices that move with trade. The sandbox's model: a mid price (the base price moved
 * by the good's market pressure) and a spread around it by the kind of trade.
 */
/** Half the gap between purchase and sell price, by the kind of trade: exchanges are the tightest. */
export const SPREAD: Record<MarketGoodState['type'], number> = { EXCHANGE: 0.04, EXPORT: 0.08, IMPORT: 0.12 };
/** Supply levels from abundant to scarce: market pressure from -0.5 to 0.5 spread evenly over the five. */
const SUPPLY: S['SupplyLevel'][] = ['ABUNDANT', 'HIGH', 'MODERATE', 'LIMITED', 'SCARCE'];

/** Price of a good now: pressure above 0 means scarce (dearer), below 0 abundant (cheaper). */
export function prices(good: MarketGoodState): { purchasePrice: number; sellPrice: number; supply: S['SupplyLevel'] } {
  const mid = good.basePrice * (1 + good.pressure);
  const spread = SPREAD[good.type];
  const level = Math.max(0, Math.min(4, Math.round((good.pressure + 0.5) * 4)));
  return {
    purchasePrice: Math.max(1, Math.round(mid * (1 + spread))),
    sellPrice: Math.max(1, Math.round(mid * (1 - spread))),
    supply: SUPPLY[level]!,
  };
}
