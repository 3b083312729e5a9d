import { containerClock } from '../application/containers/container-scope.js';
import type { Clock } from '../ports/clock.js';

/** Thrown by a sleep that would end past the deadline: the run's game time is spent. */
export class TimeUp extends Error {}

/**
 * The daemon's clock (a sleep inside a stopped container ends at once, as in the daemon, so a job the
 * coordinator replaces stops working its ship), except that a sleep past `deadline.at` rejects with
 * TimeUp when the deadline comes, so every strategy run against it gets exactly the same game time (set
 * `at` once the run starts).
 */
export function deadlineClock(deadline: { at: number }): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms) =>
      Date.now() + ms > deadline.at
        ? new Promise((_, reject) => setTimeout(() => reject(new TimeUp()), Math.max(0, deadline.at - Date.now())))
        : containerClock.sleep(ms),
  };
}
