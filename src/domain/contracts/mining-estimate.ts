/*
 * How long mining a good takes, for contract evaluation: the ship's lasers (their strengths summed is
 * what an extraction yields, ± a little), the cooldown their power gives, and the good's share among
 * the asteroid's deposits (domain/mining's traits → goods table, a good listed twice counts twice).
 */
import { depositGoods } from '../mining/asteroid.js';

/** Yield per extraction of each mining laser (ECONOMY.md §3: I = 3, II = 5 today; III assumed 10). */
const LASER_STRENGTH: Record<string, number> = {
  MOUNT_MINING_LASER_I: 3,
  MOUNT_MINING_LASER_II: 5,
  MOUNT_MINING_LASER_III: 10,
};

/**
 * Power each laser draws; the extraction cooldown is 60 s + 10 s × the lasers' power (MECHANICS.md,
 * cooldowns; the sandbox does the same): a frigate's MINING_LASER_II gives 80 s.
 */
const LASER_POWER: Record<string, number> = {
  MOUNT_MINING_LASER_I: 1,
  MOUNT_MINING_LASER_II: 2,
  MOUNT_MINING_LASER_III: 3,
};
const COOLDOWN_BASE_SECONDS = 60;
const COOLDOWN_SECONDS_PER_POWER = 10;

/** The goods an asteroid with these traits may yield (empty: nothing known to be extractable there). */
export function extractableGoods(traits: readonly string[]): string[] {
  return [...new Set(depositGoods(traits))];
}

/** The share of a good among an asteroid's deposits, repeats counted (0 when it yields none). */
export function depositShare(good: string, traits: readonly string[]): number {
  const goods = depositGoods(traits);
  return goods.length === 0 ? 0 : goods.filter((g) => g === good).length / goods.length;
}

/** True when the mounts include a mining laser. */
export function canMine(mounts: readonly string[]): boolean {
  return mounts.some((mount) => mount in LASER_STRENGTH);
}

/** What the ship's lasers bring per extraction and the cooldown between extractions. */
export function miningRate(mounts: readonly string[]): { unitsPerExtraction: number; cooldownSeconds: number } {
  const lasers = mounts.filter((mount) => mount in LASER_STRENGTH);
  const strength = lasers.reduce((sum, laser) => sum + LASER_STRENGTH[laser]!, 0);
  const power = lasers.reduce((sum, laser) => sum + LASER_POWER[laser]!, 0);
  return { unitsPerExtraction: strength, cooldownSeconds: COOLDOWN_BASE_SECONDS + COOLDOWN_SECONDS_PER_POWER * power };
}

/**
 * Seconds of extraction to gather `units` of a good at an asteroid with these traits: each extraction
 * yields the lasers' summed strength, of which the good's share of the deposits is the contract's
 * (no survey: a survey that lists the good more only shortens it); one extraction per cooldown.
 * Infinity when the ship cannot mine the good there.
 */
export function estimateMiningSeconds(input: {
  units: number;
  good: string;
  mounts: readonly string[];
  traits: readonly string[];
}): number {
  if (input.units <= 0) return 0;
  const goods = depositGoods(input.traits);
  const listed = goods.filter((g) => g === input.good).length;
  const rate = miningRate(input.mounts);
  if (rate.unitsPerExtraction === 0 || listed === 0) return Number.POSITIVE_INFINITY;
  // units ÷ (strength × listed / goods), in whole numbers so that 10 ÷ (5 × 1/6) is 12 pulls, not 13.
  return Math.ceil((input.units * goods.length) / (rate.unitsPerExtraction * listed)) * rate.cooldownSeconds;
}
