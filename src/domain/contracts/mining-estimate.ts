/*
 * A first estimate of how long mining a good takes, for contract evaluation. Deliberately small: the
 * mining code (application/mining) knows yields, surveys and cooldowns better and can refine it.
 */

/** Yield per extraction of each mining laser (ECONOMY.md §3: I = 3, II = 5 today; III assumed 10). */
const LASER_STRENGTH: Record<string, number> = {
  MOUNT_MINING_LASER_I: 3,
  MOUNT_MINING_LASER_II: 5,
  MOUNT_MINING_LASER_III: 10,
};

/** Power each laser draws; the extraction cooldown is 60 + 10 × the lasers' power (MECHANICS.md, cooldowns). */
const LASER_POWER: Record<string, number> = {
  MOUNT_MINING_LASER_I: 1,
  MOUNT_MINING_LASER_II: 2,
  MOUNT_MINING_LASER_III: 3,
};
const COOLDOWN_BASE_SECONDS = 60;
const COOLDOWN_SECONDS_PER_POWER = 10;

/** The goods an asteroid of each deposit trait yields (ECONOMY.md §3, traits → goods). */
const DEPOSIT_GOODS: Record<string, readonly string[]> = {
  COMMON_METAL_DEPOSITS: ['IRON_ORE', 'COPPER_ORE', 'ALUMINUM_ORE', 'ICE_WATER', 'QUARTZ_SAND', 'SILICON_CRYSTALS'],
  MINERAL_DEPOSITS: ['SILICON_CRYSTALS', 'QUARTZ_SAND', 'AMMONIA_ICE', 'ICE_WATER', 'PRECIOUS_STONES'],
  PRECIOUS_METAL_DEPOSITS: ['GOLD_ORE', 'SILVER_ORE', 'PLATINUM_ORE'],
  RARE_METAL_DEPOSITS: ['URANITE_ORE', 'MERITIUM_ORE'],
  ICE_CRYSTALS: ['ICE_WATER', 'AMMONIA_ICE', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN'],
};

/** The goods an asteroid with these traits may yield (empty: nothing known to be extractable there). */
export function extractableGoods(traits: readonly string[]): string[] {
  return [...new Set(traits.flatMap((trait) => DEPOSIT_GOODS[trait] ?? []))];
}

/** True when the mounts include a mining laser. */
export function canMine(mounts: readonly string[]): boolean {
  return mounts.some((mount) => mount in LASER_STRENGTH);
}

/**
 * Seconds of extraction to gather `units` of a good at an asteroid with these traits: each extraction
 * yields the lasers' summed strength, of which the good's share is one in the number of goods the
 * asteroid yields (no survey); one extraction per cooldown. Infinity when the ship cannot mine the good there.
 */
export function estimateMiningSeconds(input: {
  units: number;
  good: string;
  mounts: readonly string[];
  traits: readonly string[];
}): number {
  if (input.units <= 0) return 0;
  const lasers = input.mounts.filter((mount) => mount in LASER_STRENGTH);
  const goods = extractableGoods(input.traits);
  if (lasers.length === 0 || !goods.includes(input.good)) return Number.POSITIVE_INFINITY;
  const strength = lasers.reduce((sum, laser) => sum + LASER_STRENGTH[laser]!, 0);
  const power = lasers.reduce((sum, laser) => sum + LASER_POWER[laser]!, 0);
  const cooldown = COOLDOWN_BASE_SECONDS + COOLDOWN_SECONDS_PER_POWER * power;
  const unitsPerExtraction = strength / goods.length;
  return Math.ceil(input.units / unitsPerExtraction) * cooldown;
}
