import type { CargoItem, NavStatus } from '../fleet/ship.js';
import type { UnitWorth } from './jettison.js';

/**
 * A full miner waits for its hauler at most this many of its own extraction cooldowns, then sells (or
 * delivers) its hold itself (ours). Measured in the miner's cooldowns as the server times them, so the
 * bound holds at any sandbox time scale: each cooldown waited is one extraction forgone, and a hauler
 * that is on its way is back within a trip to a nearby market (one to three cooldowns on the worlds we
 * know); a hauler whose job has stopped must not idle the miner for ever.
 */
export const HAULER_WAIT_COOLDOWNS = 4;

/** A hauler leaves for market once less than this share of its hold is free (ours): a nearly full hauler
 * would only take a miner's load in part, and the miner would wait for the rest. */
const HAULER_FULL_SHARE = 0.9;

/** The hauler as the miner sees it in a fresh read. */
export interface HaulerState {
  location: string;
  status: NavStatus;
  /** Where it is headed when in transit. */
  destination: string;
  /** Epoch ms of its arrival when in transit. */
  arrival: number;
  room: number;
}

export type MinerMove =
  | { kind: 'transfer'; items: CargoItem[] }
  | { kind: 'wait'; untilMs: number }
  | { kind: 'fallback'; reason: string };

/**
 * What is handed over when the hauler has `room`: the most valuable goods per unit first (a good whose
 * worth is unknown counts as 0 and goes last), as much of each as fits.
 */
export function transferPlan(inventory: readonly CargoItem[], room: number, worth: UnitWorth): CargoItem[] {
  const ranked = [...inventory]
    .filter((i) => i.units > 0)
    .sort((a, b) => (worth(b.symbol) ?? 0) - (worth(a.symbol) ?? 0) || a.symbol.localeCompare(b.symbol));
  const plan: CargoItem[] = [];
  let left = room;
  for (const item of ranked) {
    if (left <= 0) break;
    const units = Math.min(item.units, left);
    plan.push({ symbol: item.symbol, units });
    left -= units;
  }
  return plan;
}

/**
 * A full miner at `asteroid`: hand over to the hauler when it is there at rest with room; else wait — until
 * the hauler's arrival when it is headed here, or `pollMs` — as long as the wait began less than `maxWaitMs`
 * ago; past that, fall back to unloading itself.
 */
export function minerMove(input: {
  asteroid: string;
  hauler: HaulerState;
  inventory: readonly CargoItem[];
  worth: UnitWorth;
  waitingSince: number;
  now: number;
  maxWaitMs: number;
  pollMs: number;
}): MinerMove {
  const { hauler, asteroid, now } = input;
  if (hauler.status !== 'IN_TRANSIT' && hauler.location === asteroid && hauler.room > 0) {
    const items = transferPlan(input.inventory, hauler.room, input.worth);
    if (items.length > 0) return { kind: 'transfer', items };
  }
  const deadline = input.waitingSince + input.maxWaitMs;
  if (now >= deadline) {
    const where =
      hauler.status === 'IN_TRANSIT'
        ? `in transit to ${hauler.destination}`
        : hauler.location === asteroid
          ? `at ${asteroid} with ${hauler.room === 0 ? 'a full hold' : `room for ${hauler.room}`}`
          : `at ${hauler.location}`;
    return { kind: 'fallback', reason: `the hauler is ${where}` };
  }
  const arriving = hauler.status === 'IN_TRANSIT' && hauler.destination === asteroid && hauler.arrival > now;
  const until = arriving ? hauler.arrival + 50 : now + input.pollMs;
  return { kind: 'wait', untilMs: Math.min(until, deadline) };
}

/**
 * A hauler waiting at the asteroid leaves for market when its hold is nearly full, or when it holds
 * something and nothing came aboard for `idleMs` (the miners stopped, or are too few to fill it soon).
 */
export function haulerShouldLeave(input: {
  units: number;
  capacity: number;
  lastArrivalMs: number;
  now: number;
  idleMs: number;
}): 'full' | 'idle' | false {
  if (input.units <= 0) return false;
  if (input.capacity - input.units < input.capacity * (1 - HAULER_FULL_SHARE)) return 'full';
  if (input.now - input.lastArrivalMs >= input.idleMs) return 'idle';
  return false;
}
