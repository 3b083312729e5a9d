import type { PriceOf } from './survey.js';

/**
 * What an asteroid's deposit traits yield (ECONOMY.md §3, from players' measurements: the server
 * publishes no table). A good listed under two of an asteroid's traits counts twice.
 */
const DEPOSIT_GOODS: Readonly<Record<string, readonly string[]>> = {
  COMMON_METAL_DEPOSITS: ['IRON_ORE', 'COPPER_ORE', 'ALUMINUM_ORE', 'ICE_WATER', 'QUARTZ_SAND', 'SILICON_CRYSTALS'],
  MINERAL_DEPOSITS: ['SILICON_CRYSTALS', 'QUARTZ_SAND', 'AMMONIA_ICE', 'ICE_WATER', 'PRECIOUS_STONES'],
  PRECIOUS_METAL_DEPOSITS: ['GOLD_ORE', 'SILVER_ORE', 'PLATINUM_ORE'],
  RARE_METAL_DEPOSITS: ['URANITE_ORE', 'MERITIUM_ORE'],
  ICE_CRYSTALS: ['ICE_WATER', 'AMMONIA_ICE', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN'],
};

/** An asteroid already mined out yields little: its score is scaled by this (ours: no published figure). */
const STRIPPED_FACTOR = 0.25;

/** The goods an asteroid's traits promise, repeats included (empty when it has no known deposit trait). */
export function depositGoods(traits: readonly string[]): string[] {
  return traits.flatMap((t) => DEPOSIT_GOODS[t] ?? []);
}

/** A candidate asteroid as the scorer sees it. */
export interface AsteroidCandidate {
  waypoint: string;
  traits: readonly string[];
  /** Seconds for the ship to fly there from where it is. */
  secondsFromShip: number;
  /** Seconds from the asteroid to the nearest market that buys what it yields (0 when none is known). */
  secondsToMarket: number;
}

/** What the ship brings to the job: its hold and how long it takes to fill it by extraction. */
export interface MiningCycle {
  capacity: number;
  /** Seconds of extraction cooldowns to fill the hold. */
  fillSeconds: number;
}

/**
 * Expected credits per second of a mining cycle at an asteroid: a full hold of its deposits' mean known
 * value, over the time to get there, fill the hold and take it to market. A good with no known price counts 0.
 */
export function scoreAsteroid(asteroid: AsteroidCandidate, price: PriceOf, cycle: MiningCycle): number {
  const goods = depositGoods(asteroid.traits);
  if (goods.length === 0) return 0;
  const unitValue = goods.reduce((sum, g) => sum + (price(g) ?? 0), 0) / goods.length;
  const seconds = Math.max(1, asteroid.secondsFromShip + cycle.fillSeconds + asteroid.secondsToMarket);
  const stripped = asteroid.traits.includes('STRIPPED') ? STRIPPED_FACTOR : 1;
  return ((cycle.capacity * unitValue) / seconds) * stripped;
}

/**
 * The asteroid that pays best for the ship; when no price is known anywhere (every score 0), the nearest
 * one with a known deposit trait. Undefined when there is no candidate with deposits.
 */
export function bestAsteroid(
  candidates: readonly AsteroidCandidate[],
  price: PriceOf,
  cycle: MiningCycle,
): AsteroidCandidate | undefined {
  const withDeposits = candidates.filter((c) => depositGoods(c.traits).length > 0);
  const scored = withDeposits.map((c) => ({ c, score: scoreAsteroid(c, price, cycle) }));
  scored.sort((a, b) => b.score - a.score || a.c.secondsFromShip - b.c.secondsFromShip);
  return scored[0]?.c;
}
