/**
 * Travel time between two waypoints for the tour planner, from the published formulas in
 * navigation/flight-mode.ts (no multiplier is restated here).
 */
import { DomainRuleError } from '../errors.js';
import {
  distance,
  FLIGHT_MODES,
  type FlightMode,
  fuelCost,
  type Point,
  travelSeconds,
} from '../navigation/flight-mode.js';

/** A stop of a tour: a waypoint symbol and its coordinates (orbitals share their parent's). */
export interface TourWaypoint extends Point {
  symbol: string;
}

/** Seconds a ship needs from one waypoint to the next. The solver assumes it symmetric. */
export type LegSeconds<W> = (from: W, to: W) => number;

export interface TanklessShip {
  engineSpeed: number;
  /** 0 for probes: they have no tank and fly in any mode without fuel. */
  fuelCapacity: number;
}

export interface FuelFreeLeg {
  mode: FlightMode;
  seconds: number;
}

/** The fastest flight mode that burns no fuel over distance d (every mode, for a ship with no tank). */
export function fastestFuelFreeLeg(d: number, ship: TanklessShip): FuelFreeLeg {
  let best: FuelFreeLeg | undefined;
  for (const mode of FLIGHT_MODES) {
    if (fuelCost(d, mode, ship.fuelCapacity) > 0) continue;
    const seconds = travelSeconds(d, mode, ship.engineSpeed);
    if (best === undefined || seconds < best.seconds) best = { mode, seconds };
  }
  if (best === undefined) throw new DomainRuleError('every flight mode burns fuel: this ship needs a refuelling plan');
  return best;
}

/**
 * Leg times for a ship with no fuel tank (a probe): the fastest mode, 0 s to stay at the same
 * waypoint, and the formula's minimum between two waypoints at distance 0 (a moon and its planet).
 * Ships with a tank need refuelling stops: a later concern, refused here.
 */
export function tanklessLegSeconds(ship: TanklessShip): LegSeconds<TourWaypoint> {
  if (ship.fuelCapacity !== 0) {
    throw new DomainRuleError(`a ship with a fuel tank (${ship.fuelCapacity}) needs a refuelling plan`);
  }
  return (from, to) => (from.symbol === to.symbol ? 0 : fastestFuelFreeLeg(distance(from, to), ship).seconds);
}
