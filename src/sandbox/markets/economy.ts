import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { SUPPLY_CHAIN } from '../world/reference.js';
import type { MarketGoodState, TradeType, WaypointState } from '../world/world.js';
import { LOG_PRICE_PER_LEVEL, MODERATE, SUPPLY_CEILING, SUPPLY_FLOOR } from './prices.js';

type S = components['schemas'];
type Market = Record<string, MarketGoodState>;

/*
 * How a market changes: trades move supply (and so price), supply drifts back over game time, a
 * factory's export follows how well its imports at the same market are supplied, and sustained trade
 * grows an export's trade volume. Everything advances lazily, in whole ticks of game time counted from
 * the epoch, so a market's state at a moment depends on its trades only, never on when it was read.
 * The real server publishes none of these rules; each figure below cites what it follows (ECONOMY.md).
 */

/** One tick of game time (the sandbox's step; small next to every half-life below). */
const TICK_MS = 60_000;
/** Beyond this many ticks, a market is past any effect of its past: it is set to its resting state (sandbox's choice). */
const MAX_TICKS = 3 * 24 * 60;
/**
 * Supply returns halfway to its baseline in this much game time. ECONOMY.md §1 Recovery: sources range from
 * 1–1.5 h (aPB) through ~520 min (aImp) to 1580–2850 min (aModel); the sandbox takes aImp's 520 min, the fit
 * that also gives the price impacts below.
 */
export const RECOVERY_HALF_LIFE_MS = 520 * 60_000;
/** A factory's export moves halfway to its production target in this time: "a fed factory's supply rose one step in ~20–30 min" (§1, aDyn). */
const PRODUCTION_HALF_LIFE_MS = 25 * 60_000;
/** Buying one full trade volume raises the ask ~+5%, linear in units/tv (§1 Price impact, aImp): in supply levels. */
const BUY_LEVELS_PER_TV = Math.log(1.05) / LOG_PRICE_PER_LEVEL;
/** Selling one full trade volume lowers the bid ~−1.5%, linear in units/tv (§1, aImp): in supply levels. */
const SELL_LEVELS_PER_TV = -Math.log(0.985) / LOG_PRICE_PER_LEVEL;
/** Each level an import sits above (below) its baseline lifts (sinks) the export's target one level (sandbox's choice). */
const FEED_GAIN = 1;
/** Producing one level of an export uses up this many levels of each of its imports: buying alone drains an export (§1, aRetro). Sandbox's figure. */
const INPUT_LEVELS_PER_OUTPUT_LEVEL = 0.5;
/** An export whose imports sit this many levels below their baseline is RESTRICTED (a bottleneck, §1 spec); sandbox's threshold. */
const RESTRICTED_BELOW = -1;
/** An export whose imports sit this many levels below their baseline is WEAK (sandbox's threshold). */
const WEAK_BELOW = -0.5;
/** An export whose imports sit this far above their baseline is STRONG (fed); sandbox's threshold. */
const STRONG_ABOVE = 0.5;
/** Trade volume grows by one base tv per this many base tvs of sustained trade (sandbox's rate). */
const TV_GROWTH_LOTS = 10;
/** …up to this multiple of its base: "feeding a factory's imports raised its export tv from 6 to 15–22" (§1, aRetro). */
const TV_GROWTH_CAP = 3.5;

/** A market good at rest: supply at its baseline, trade volume at its base. */
export function newGood(
  type: TradeType,
  basePrice: number,
  tradeVolume: number,
  now: number,
  baseSupply = MODERATE,
  baseActivity: S['ActivityLevel'] = 'GROWING',
): MarketGoodState {
  return {
    type,
    basePrice,
    supply: baseSupply,
    baseSupply,
    ...(type === 'EXCHANGE' ? {} : { baseActivity }),
    tradeVolume,
    baseTradeVolume: tradeVolume,
    volume: 0,
    updatedAt: now,
  };
}

/**
 * A good as states saved before the supply model wrote it (`pressure`: how far the price sat above its base,
 * −0.5…1) is brought to the present shape in place, at the supply level of the same price.
 */
export function upgradeSavedGood(raw: Record<string, unknown>): void {
  if (typeof raw.pressure !== 'number' || raw.supply !== undefined) return;
  const supply = clampSupply(MODERATE - Math.log(Math.max(0.01, 1 + raw.pressure)) / LOG_PRICE_PER_LEVEL);
  Object.assign(raw, { supply, baseSupply: MODERATE, baseTradeVolume: raw.tradeVolume, volume: 0 });
  if (raw.type !== 'EXCHANGE') raw.baseActivity = 'GROWING';
  delete raw.pressure;
}

/** The imports of this market an export is made from (none: the export is produced freely, like a raw good). */
function inputsOf(market: Market, symbol: string): MarketGoodState[] {
  const good = market[symbol];
  if (good?.type !== 'EXPORT' || !Object.hasOwn(SUPPLY_CHAIN, symbol)) return [];
  return SUPPLY_CHAIN[symbol]!.map((input) => market[input]).filter(
    (input): input is MarketGoodState => input?.type === 'IMPORT',
  );
}

/** How well a factory is fed: the lowest of its imports' levels over their baselines (0 when it has none here). */
function feed(inputs: MarketGoodState[]): number {
  return inputs.length === 0 ? 0 : Math.min(...inputs.map((input) => input.supply - input.baseSupply));
}

function clampSupply(level: number): number {
  return Math.max(SUPPLY_FLOOR, Math.min(SUPPLY_CEILING, level));
}

/** The activity a good shows now: an export by how fed its factory is, an import its own; exchange goods none. */
export function activityOf(market: Market, symbol: string): S['ActivityLevel'] | undefined {
  const good = market[symbol]!;
  if (good.type === 'EXCHANGE') return undefined;
  const inputs = inputsOf(market, symbol);
  if (inputs.length > 0) {
    const fed = feed(inputs);
    if (fed <= RESTRICTED_BELOW) return 'RESTRICTED';
    if (fed <= WEAK_BELOW) return 'WEAK';
    if (fed >= STRONG_ABOVE) return 'STRONG';
  }
  return good.baseActivity ?? 'GROWING';
}

/** One tick: every good moves toward its target (imports first, as the exports' targets read them). */
function tick(market: Market, tickMs: number): void {
  const recovery = 0.5 ** (tickMs / RECOVERY_HALF_LIFE_MS);
  const production = 0.5 ** (tickMs / PRODUCTION_HALF_LIFE_MS);
  const exports: Array<[MarketGoodState, MarketGoodState[]]> = [];
  for (const [symbol, good] of Object.entries(market)) {
    good.volume *= recovery;
    const inputs = inputsOf(market, symbol);
    if (inputs.length > 0) exports.push([good, inputs]);
    else good.supply = good.baseSupply + (good.supply - good.baseSupply) * recovery;
  }
  for (const [good, inputs] of exports) {
    const target = clampSupply(good.baseSupply + FEED_GAIN * feed(inputs));
    const before = good.supply;
    good.supply = target + (good.supply - target) * production;
    const produced = Math.max(0, good.supply - before);
    for (const input of inputs)
      input.supply = clampSupply(input.supply - produced * INPUT_LEVELS_PER_OUTPUT_LEVEL * FEED_GAIN);
  }
}

/** The resting state a market settles to after a long while without trade. */
function rest(market: Market): void {
  for (const good of Object.values(market)) {
    good.supply = good.baseSupply;
    good.volume = 0;
  }
}

/** An export's trade volume from its sustained trade; imports' and exchange goods' never grow (§1, aRetro). */
function growTradeVolume(good: MarketGoodState): void {
  if (good.type !== 'EXPORT') return;
  const growth = Math.min(TV_GROWTH_CAP - 1, good.volume / (TV_GROWTH_LOTS * good.baseTradeVolume));
  good.tradeVolume = Math.max(good.baseTradeVolume, Math.floor(good.baseTradeVolume * (1 + growth)));
}

/** Brings a market up to the present: the ticks of game time elapsed since it was last brought up. */
export function settle(game: Game, waypoint: WaypointState): void {
  const market = waypoint.market;
  if (!market) return;
  const goods = Object.values(market);
  if (goods.length === 0) return;
  const now = game.clock.now();
  const tickMs = game.clock.scaled(TICK_MS);
  const since = Math.min(...goods.map((good) => good.updatedAt));
  const ticks = Math.floor(now / tickMs) - Math.floor(since / tickMs);
  // Nothing to apply within the same tick, nor when the clock was set back (the later ticks apply once, then).
  if (ticks <= 0) return;
  if (ticks > MAX_TICKS) rest(market);
  else for (let i = 0; i < ticks; i++) tick(market, TICK_MS);
  for (const good of goods) {
    good.updatedAt = now;
    growTradeVolume(good);
  }
}

/**
 * A trade's effect once its price is fixed: buying lowers supply (price up), selling raises it (price
 * down), linear in units/tv; trade with a producing factory counts toward its export's trade volume.
 */
export function applyTrade(market: Market, symbol: string, type: 'PURCHASE' | 'SELL', units: number): void {
  const good = market[symbol]!;
  const lots = units / good.tradeVolume;
  good.supply = clampSupply(
    type === 'PURCHASE' ? good.supply - BUY_LEVELS_PER_TV * lots : good.supply + SELL_LEVELS_PER_TV * lots,
  );
  if (type === 'PURCHASE' && good.type === 'EXPORT' && activityOf(market, symbol) !== 'RESTRICTED')
    good.volume += units;
  if (type === 'SELL' && good.type === 'IMPORT')
    for (const [other, output] of Object.entries(market))
      if (inputsOf(market, other).includes(good)) output.volume += units * (output.baseTradeVolume / good.tradeVolume);
  for (const each of Object.values(market)) growTradeVolume(each);
}
