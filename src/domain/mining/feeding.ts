import type { CargoItem } from '../fleet/ship.js';

/*
 * A mining ship feeding a contract: it mines at the asteroid where the contract ship mines the contract's
 * good, hands that good (only that good) to the contract ship whenever it is there with room, and
 * delivers itself when its hold is full of the good and the contract ship stays away. Pure rules.
 */

/**
 * A feeder whose hold is full of the contract's good waits for the contract ship at most this many of its
 * own extraction cooldowns (about 35 minutes for a drone), then delivers the hold itself (ours). The
 * contract ship comes back while the contract needs more than it holds (an accepted contract keeps it on
 * contracts), and a drone is three times slower: on sandbox seed 42, feeders that delivered themselves
 * after 4 cooldowns spent 20–100 minutes away, and were away when the frigate came back for the rest.
 * The bound only keeps a feeder from waiting for ever on a contract ship that no longer comes.
 */
export const FEEDER_WAIT_COOLDOWNS = 30;

/** The contract ship as the feeder sees it in a fresh read. */
interface FedShip {
  /** At the feeder's asteroid and not in transit. */
  here: boolean;
  /** Units of the contract's good in its hold. */
  holds: number;
  /** Free room in its hold. */
  room: number;
}

export interface FeederState {
  good: string;
  /** The contract is accepted, not fulfilled and before its deadline. */
  contractOpen: boolean;
  /** Units of the good the contract still needs delivered. */
  stillRequired: number;
  inventory: readonly CargoItem[];
  /** Free room in the feeder's hold. */
  space: number;
  fed: FedShip;
  /** How long the feeder has waited with a hold full of the good (0 when it is not waiting). */
  waitedMs: number;
  maxWaitMs: number;
}

export type FeederMove =
  | { kind: 'done'; reason: string }
  | { kind: 'hand'; units: number }
  | { kind: 'dump'; items: CargoItem[] }
  | { kind: 'wait' }
  | { kind: 'deliver' }
  | { kind: 'mine' };

/** Units of the contract's good the contract still needs beyond what the contract ship already holds. */
export function unitsStillToFeed(stillRequired: number, fedHolds: number): number {
  return Math.max(0, stillRequired - fedHolds);
}

/**
 * The feeder's next step: stop once the contract needs no more than the contract ship holds; hand the good
 * over when the contract ship is here with room (never more than it still needs); with a full hold, dump
 * everything but the good (other goods only take the good's room), then wait for the contract ship, then
 * deliver itself; otherwise mine.
 */
export function feederMove(s: FeederState): FeederMove {
  if (!s.contractOpen) return { kind: 'done', reason: 'the contract is no longer open (fulfilled or expired)' };
  const need = unitsStillToFeed(s.stillRequired, s.fed.holds);
  if (need === 0)
    return {
      kind: 'done',
      reason:
        s.stillRequired === 0
          ? `every unit of ${s.good} is delivered`
          : `the contract ship holds the ${s.stillRequired} ${s.good} still required`,
    };
  const held = s.inventory.find((i) => i.symbol === s.good)?.units ?? 0;
  if (held > 0 && s.fed.here && s.fed.room > 0) return { kind: 'hand', units: Math.min(held, s.fed.room, need) };
  if (s.space > 0) return { kind: 'mine' };
  const others = s.inventory.filter((i) => i.symbol !== s.good && i.units > 0);
  if (others.length > 0) return { kind: 'dump', items: others };
  return s.waitedMs < s.maxWaitMs ? { kind: 'wait' } : { kind: 'deliver' };
}
