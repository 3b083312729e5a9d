import { distance } from './flight-mode.js';
import type { NavWaypoint, Route, RouteLeg, ShipNavState } from './route.js';
import { type Found, JUMP, REFUEL, START, WARP } from './route-trip.js';

/** The route a search found, in the legs a ship flies: refuel stops fold into the leg after them. */
export function routeOf(waypoints: readonly NavWaypoint[], ship: ShipNavState, found: Found): Route {
  const legs: RouteLeg[] = [];
  let refuelPending = false;
  let refuelStops = 0;
  for (const step of found.steps) {
    if (step.kind === REFUEL) {
      refuelPending = true;
      refuelStops += 1;
    } else if (step.kind !== START) {
      legs.push({
        from: waypoints[step.from]!.symbol,
        to: waypoints[step.node]!.symbol,
        mode: step.kind === JUMP ? 'JUMP' : found.modes[step.kind >= WARP ? step.kind - WARP : step.kind]!,
        ...(step.kind >= WARP ? { warp: true } : {}),
        distance: step.distance,
        fuelCost: step.fuelUsed,
        seconds: step.seconds,
        refuelBefore: refuelPending,
        fuelAfter: step.fuel,
      });
      refuelPending = false;
    }
  }
  return {
    ship: ship.symbol,
    origin: ship.location,
    destination: legs.at(-1)?.to ?? ship.location,
    legs,
    totalSeconds: legs.reduce((sum, leg) => sum + leg.seconds, 0) + refuelStops * found.refuelSeconds,
    totalFuel: legs.reduce((sum, leg) => sum + leg.fuelCost, 0),
    refuelStops,
  };
}

/** Why no route exists from waypoint `from` to `to` (indexes into `waypoints`), in words a player can act on. */
export function explainNoRoute(
  waypoints: readonly NavWaypoint[],
  ship: ShipNavState,
  from: number,
  to: number,
): string {
  const here = waypoints[from]!;
  const target = waypoints[to]!;
  const prefix = `no route for ${ship.symbol} from ${here.symbol} to ${target.symbol}`;
  if (ship.fuelCapacity > 0 && ship.fuel < 1 && !here.sellsFuel)
    return `${prefix}: the tank is empty and ${here.symbol} sells no fuel (DRIFT needs 1)`;
  if (here.systemSymbol !== target.systemSymbol) {
    return ship.canWarp
      ? `${prefix}: no chain of working jump gates leads to ${target.systemSymbol}, and no warp (with fuel stops) reaches it on ${ship.fuel} fuel`
      : `${prefix}: no chain of working jump gates (and fuel) leads to ${target.systemSymbol}, and ${ship.symbol} has no warp drive`;
  }
  const stations = waypoints.filter(
    (w) => w.sellsFuel && w.systemSymbol === here.systemSymbol && w.symbol !== here.symbol,
  );
  if (stations.length === 0)
    return `${prefix}: no fuel station in ${here.systemSymbol} and ${ship.fuel} fuel is not enough`;
  const nearest = stations.reduce((best, w) => (distance(here, w) < distance(here, best) ? w : best));
  return `${prefix}: no fuel station within reach at ${ship.fuel} fuel (nearest: ${nearest.symbol}, ${Math.round(distance(here, nearest))} away; DRIFT needs 1)`;
}
