import type { Clock } from '../ports/clock.js';

/** Thrown by a sleep that would end past the deadline: the run's game time is spent. */
export class TimeUp extends Error {}

/**
 * The real clock, except that a sleep past `deadline.at` rejects with TimeUp when the deadline comes, so
 * every strategy run against it gets exactly the same game time (set `at` once the run starts).
 */
export function deadlineClock(deadline: { at: number }): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms) =>
      Date.now() + ms > deadline.at
        ? new Promise((_, reject) => setTimeout(() => reject(new TimeUp()), Math.max(0, deadline.at - Date.now())))
        : new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
