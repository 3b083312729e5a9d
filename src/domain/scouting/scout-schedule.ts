/**
 * When a scouting sweep should start. A sweep refreshes every stop; stop s is reached `arrival_s`
 * seconds after the sweep starts, and its last observation must not get older than the maximum age
 * by then. So the sweep starts at the earliest of `observedAt_s + maxAge − arrival_s` over the stops:
 * at once when a stop was never observed or is already due, later when the fleet is ahead (no
 * request is spent refreshing what is still fresh).
 */
import type { LegSeconds } from './travel-time.js';

export interface ScheduledStop {
  /** Epoch ms of the stop's oldest stored observation (market or shipyard); null when never observed. */
  observedAt: number | null;
  /** Seconds from the start of the sweep until a ship reaches the stop. */
  arrivalSeconds: number;
}

/** Seconds to wait before the next sweep (0: start now). */
export function secondsUntilNextSweep(now: number, maxAgeSeconds: number, stops: readonly ScheduledStop[]): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const stop of stops) {
    if (stop.observedAt === null) return 0;
    earliest = Math.min(earliest, stop.observedAt + (maxAgeSeconds - stop.arrivalSeconds) * 1000);
  }
  if (!Number.isFinite(earliest)) return 0;
  return Math.max(0, Math.ceil((earliest - now) / 1000));
}

/** Seconds from the start of a tour until each of its stops is reached, in visit order. */
export function arrivalSeconds<W>(start: W, stops: readonly W[], legSeconds: LegSeconds<W>): number[] {
  const arrivals: number[] = [];
  let at = start;
  let elapsed = 0;
  for (const stop of stops) {
    elapsed += legSeconds(at, stop);
    arrivals.push(elapsed);
    at = stop;
  }
  return arrivals;
}

/**
 * A ship's leg times when it is still flying to its start: every leg out of (or into) the start
 * also costs the seconds until it arrives there. Symmetric, as the solver assumes.
 */
export function withArrivalDelay<W>(start: W, delaySeconds: number, legSeconds: LegSeconds<W>): LegSeconds<W> {
  if (delaySeconds <= 0) return legSeconds;
  return (from, to) => legSeconds(from, to) + (from === start || to === start ? delaySeconds : 0);
}
