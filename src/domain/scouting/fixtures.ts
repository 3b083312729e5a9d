/**
 * Seeded instances and brute-force references, for the planner's tests and the `scout` bench.
 * The references share no code with the planner beyond the leg-time function.
 */
import type { TourKind } from './path-problem.js';
import type { LegSeconds, TourWaypoint } from './travel-time.js';

/**
 * A system's waypoints: integer coordinates in a square of the given radius; about a third share
 * an earlier waypoint's coordinates, as moons and stations share their planet's.
 */
export function randomWaypoints(random: () => number, count: number, radius: number, prefix = 'W'): TourWaypoint[] {
  const waypoints: TourWaypoint[] = [];
  for (let i = 0; i < count; i++) {
    const parent = i > 0 && random() < 0.3 ? waypoints[Math.floor(random() * i)] : undefined;
    const x = parent ? parent.x : Math.round((random() * 2 - 1) * radius);
    const y = parent ? parent.y : Math.round((random() * 2 - 1) * radius);
    waypoints.push({ symbol: `${prefix}${i}`, x, y });
  }
  return waypoints;
}

/** Seconds of visiting the stops in this order from the start (and back to it for a closed tour). */
export function orderSeconds<W>(start: W, ordered: readonly W[], legSeconds: LegSeconds<W>, kind: TourKind): number {
  let total = 0;
  let here = start;
  for (const stop of ordered) {
    total += legSeconds(here, stop);
    here = stop;
  }
  return kind === 'closed' ? total + legSeconds(here, start) : total;
}

/** The fastest tour by trying every order of the stops (n! of them: keep n small). */
export function bruteForceTourSeconds<W>(
  start: W,
  stops: readonly W[],
  legSeconds: LegSeconds<W>,
  kind: TourKind,
): number {
  const places = [start, ...stops];
  const legs = places.map((from) => places.map((to) => legSeconds(from, to)));
  const visited = places.map(() => false);
  let best = Number.POSITIVE_INFINITY;
  const extend = (here: number, count: number, sofar: number): void => {
    if (count === stops.length) {
      best = Math.min(best, kind === 'closed' ? sofar + legs[here]![0]! : sofar);
      return;
    }
    for (let next = 1; next < places.length; next++) {
      if (visited[next]) continue;
      visited[next] = true;
      extend(next, count + 1, sofar + legs[here]![next]!);
      visited[next] = false;
    }
  };
  extend(0, 0, 0);
  return best;
}

/** The smallest makespan over every assignment of stops to ships (k^n of them), each tour brute-forced. */
export function bruteForceMakespan<W>(
  ships: readonly { start: W; legSeconds: LegSeconds<W> }[],
  stops: readonly W[],
  kind: TourKind,
): number {
  let best = Number.POSITIVE_INFINITY;
  const k = ships.length;
  for (let code = 0; code < k ** stops.length; code++) {
    const shares: W[][] = ships.map(() => []);
    for (let i = 0, rest = code; i < stops.length; i++, rest = Math.floor(rest / k)) shares[rest % k]!.push(stops[i]!);
    const makespan = Math.max(
      ...ships.map((ship, s) => bruteForceTourSeconds(ship.start, shares[s]!, ship.legSeconds, kind)),
    );
    best = Math.min(best, makespan);
  }
  return best;
}
