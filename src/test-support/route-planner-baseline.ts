import { distance, fuelCost, travelSeconds, type FlightMode } from '../domain/navigation/flight-mode.js';
import type { NavWaypoint, ShipNavState } from '../domain/navigation/route.js';

/**
 * The rules the seed project's bot flew by, kept only as the benchmark's baseline: go straight for
 * the destination when the tank allows, else to the fuel station nearest the destination among
 * those in reach; BURN if fuel >= 2 x cruise cost + 4, CRUISE if fuel >= cruise cost + 4, never
 * DRIFT; refuel below 90 % wherever fuel is sold. Returns total seconds, or undefined if stranded.
 */
export function baselineSeconds(
  waypoints: readonly NavWaypoint[],
  ship: ShipNavState,
  destination: string,
  refuelSeconds = 0,
): number | undefined {
  const bySymbol = new Map(waypoints.map((w) => [w.symbol, w]));
  const target = bySymbol.get(destination)!;
  let here = bySymbol.get(ship.location)!;
  let fuel = ship.fuel;
  let seconds = 0;
  const visited = new Set<string>();
  const mode = (d: number): FlightMode | undefined => {
    const cruise = fuelCost(d, 'CRUISE', ship.fuelCapacity);
    if (ship.fuelCapacity === 0 || fuel >= 2 * cruise + 4) return 'BURN';
    if (fuel >= cruise + 4) return 'CRUISE';
    return undefined;
  };
  for (let hops = 0; hops < 50 && here.symbol !== destination; hops++) {
    if (here.sellsFuel && fuel < 0.9 * ship.fuelCapacity) {
      fuel = ship.fuelCapacity;
      seconds += refuelSeconds;
    }
    visited.add(here.symbol);
    const direct = mode(distance(here, target));
    let next = direct ? target : undefined;
    if (!next) {
      const reachable = waypoints.filter(
        (w) => w.sellsFuel && !visited.has(w.symbol) && w.systemSymbol === here.systemSymbol && mode(distance(here, w)),
      );
      next = reachable.sort((a, b) => distance(a, target) - distance(b, target))[0];
    }
    if (!next) return undefined;
    const d = distance(here, next);
    const chosen = mode(d)!;
    fuel -= fuelCost(d, chosen, ship.fuelCapacity);
    seconds += travelSeconds(d, chosen, ship.engineSpeed);
    here = next;
  }
  return here.symbol === destination ? seconds : undefined;
}
