import { distance, fuelCost, travelSeconds, type FlightMode } from './flight-mode.js';
import type { NavWaypoint, ShipNavState } from './route.js';

/**
 * The reference the planner is proven against: Bellman-Ford over every (waypoint, fuel) state of a
 * single system, relaxing every edge until nothing changes — no heuristic, no pruning, no
 * dominance. Exhaustive, so only for small systems. Returns the minimum total seconds, or
 * undefined when the destination cannot be reached.
 */
export function referenceFastestSeconds(
  waypoints: readonly NavWaypoint[],
  ship: ShipNavState,
  destination: string,
  options: { fuelReserve?: number; refuelSeconds?: number; modes?: readonly FlightMode[] } = {},
): number | undefined {
  const modes = options.modes ?? ['BURN', 'CRUISE', 'DRIFT'];
  const capacity = ship.fuelCapacity;
  const levels = capacity + 1;
  const reserve = Math.min(options.fuelReserve ?? 0, capacity);
  const index = new Map(waypoints.map((w, i) => [w.symbol, i]));
  const best = new Float64Array(waypoints.length * levels).fill(Infinity);
  const start = index.get(ship.location)!;
  best[start * levels + Math.min(ship.fuel, capacity)] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < waypoints.length; node++) {
      for (let fuel = 0; fuel < levels; fuel++) {
        const now = best[node * levels + fuel]!;
        if (now === Infinity) continue;
        const relax = (state: number, time: number) => {
          if (time < best[state]!) {
            best[state] = time;
            changed = true;
          }
        };
        if (capacity > 0 && waypoints[node]!.sellsFuel) relax(node * levels + capacity, now + (options.refuelSeconds ?? 0));
        for (let next = 0; next < waypoints.length; next++) {
          if (next === node) continue;
          const d = distance(waypoints[node]!, waypoints[next]!);
          for (const mode of modes) {
            const left = capacity === 0 ? 0 : fuel - fuelCost(d, mode);
            if (capacity > 0 && left < reserve) continue;
            relax(next * levels + left, now + travelSeconds(d, mode, ship.engineSpeed));
          }
        }
      }
    }
  }
  const target = index.get(destination)!;
  let answer = Infinity;
  for (let fuel = 0; fuel < levels; fuel++) answer = Math.min(answer, best[target * levels + fuel]!);
  return answer === Infinity ? undefined : answer;
}
