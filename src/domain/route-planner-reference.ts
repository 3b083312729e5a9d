import { distance, fuelCost, jumpCooldownSeconds, travelSeconds, type FlightMode } from './flight-mode.js';
import type { NavSystem, NavWaypoint, ShipNavState } from './route.js';

/** The planner's options the reference understands; `fuelWeight` turns seconds into a cost. */
export interface ReferenceOptions {
  fuelReserve?: number;
  refuelSeconds?: number;
  modes?: readonly FlightMode[];
  fuelWeight?: number;
}

/**
 * The reference the planner is proven against: Bellman-Ford over every (waypoint, fuel) state,
 * relaxing every edge (legs inside a system, jumps between gates) until nothing changes — no
 * heuristic, no pruning, no dominance. Exhaustive, so only for small maps. Returns the minimum
 * total seconds (or cost, with a fuel weight), or undefined when the destination cannot be reached.
 */
export function referenceFastestSeconds(
  waypoints: readonly NavWaypoint[],
  ship: ShipNavState,
  destination: string,
  options: ReferenceOptions = {},
  systems: readonly NavSystem[] = [],
): number | undefined {
  const systemAt = new Map(systems.map((s) => [s.symbol, s]));
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
        for (const gate of waypoints[node]!.jumpsTo ?? []) {
          const next = index.get(gate);
          if (next === undefined || waypoints[next]!.systemSymbol === waypoints[node]!.systemSymbol) continue;
          const a = systemAt.get(waypoints[node]!.systemSymbol);
          const b = systemAt.get(waypoints[next]!.systemSymbol);
          relax(next * levels + fuel, now + jumpCooldownSeconds(a && b ? distance(a, b) : 0));
        }
        for (let next = 0; next < waypoints.length; next++) {
          if (next === node || waypoints[next]!.systemSymbol !== waypoints[node]!.systemSymbol) continue;
          const d = distance(waypoints[node]!, waypoints[next]!);
          for (const mode of modes) {
            const left = capacity === 0 ? 0 : fuel - fuelCost(d, mode);
            if (capacity > 0 && left < reserve) continue;
            relax(next * levels + left, now + travelSeconds(d, mode, ship.engineSpeed) + (options.fuelWeight ?? 0) * (capacity === 0 ? 0 : fuel - left));
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

/**
 * The same exhaustive relaxation run backwards: for every waypoint and every fuel level, the least
 * seconds left to reach the destination (Infinity where it cannot be reached). `left(i, fuel)`
 * reads it. For proving lower bounds never overestimate.
 */
export function referenceSecondsLeft(
  waypoints: readonly NavWaypoint[],
  ship: Pick<ShipNavState, 'fuelCapacity' | 'engineSpeed'>,
  destination: string,
  options: ReferenceOptions = {},
  systems: readonly NavSystem[] = [],
): (waypoint: number, fuel: number) => number {
  const modes = options.modes ?? ['BURN', 'CRUISE', 'DRIFT'];
  const capacity = ship.fuelCapacity;
  const levels = capacity + 1;
  const reserve = Math.min(options.fuelReserve ?? 0, capacity);
  const systemAt = new Map(systems.map((s) => [s.symbol, s]));
  const index = new Map(waypoints.map((w, i) => [w.symbol, i]));
  const target = index.get(destination)!;
  const left = new Float64Array(waypoints.length * levels).fill(Infinity);
  for (let fuel = 0; fuel < levels; fuel++) left[target * levels + fuel] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < waypoints.length; node++) {
      if (node === target) continue;
      const here = waypoints[node]!;
      for (let fuel = 0; fuel < levels; fuel++) {
        let best = left[node * levels + fuel]!;
        if (capacity > 0 && here.sellsFuel) best = Math.min(best, (options.refuelSeconds ?? 0) + left[node * levels + capacity]!);
        for (const gate of here.jumpsTo ?? []) {
          const next = index.get(gate);
          if (next === undefined || waypoints[next]!.systemSymbol === here.systemSymbol) continue;
          const a = systemAt.get(here.systemSymbol);
          const b = systemAt.get(waypoints[next]!.systemSymbol);
          best = Math.min(best, jumpCooldownSeconds(a && b ? distance(a, b) : 0) + left[next * levels + fuel]!);
        }
        for (let next = 0; next < waypoints.length; next++) {
          if (next === node || waypoints[next]!.systemSymbol !== here.systemSymbol) continue;
          const d = distance(here, waypoints[next]!);
          for (const mode of modes) {
            const after = capacity === 0 ? 0 : fuel - fuelCost(d, mode);
            if (capacity > 0 && after < reserve) continue;
            best = Math.min(best, travelSeconds(d, mode, ship.engineSpeed) + (options.fuelWeight ?? 0) * (capacity === 0 ? 0 : fuel - after) + left[next * levels + after]!);
          }
        }
        if (best < left[node * levels + fuel]!) {
          left[node * levels + fuel] = best;
          changed = true;
        }
      }
    }
  }
  return (waypoint, fuel) => left[waypoint * levels + Math.min(fuel, capacity)]!;
}
