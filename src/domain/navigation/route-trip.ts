/**
 * What the route planner's searches share: one planning problem (`Trip`), the corridor that narrows
 * a search inside one system, and the route a search finds (`Found`), step by step.
 */
import type { FlightMode } from './flight-mode.js';
import type { OriginBound } from './origin-bound.js';
import type { RouteGuide } from './route-guide.js';
import type { RouteMap } from './route-map.js';
import type { ShipNavState } from './route.js';
import type { TravelBounds } from './travel-bounds.js';
import type { WarpBounds } from './warp-bounds.js';

/** How a step was reached, besides a flight mode's index into the modes searched. */
export const START = -1;
export const REFUEL = -2;
export const JUMP = -3;
/** A warp's kind is this plus its flight mode's index. */
export const WARP = 1000;

/** One planning problem, shared by the searches that solve it. */
export interface Trip {
  map: RouteMap;
  ship: ShipNavState;
  from: number;
  to: number;
  /** Fuel in the tank at the start (0 for a ship without one). */
  fuel: number;
  reserve: number;
  modes: readonly FlightMode[];
  /** Per mode searched (by index): fuel per unit, and seconds per unit for navigating and for warping. */
  rates: { fuel: Float64Array; navigate: Float64Array; warp: Float64Array };
  refuelSeconds: number;
  /** Seconds charged per unit of fuel burned (0: time alone). */
  fuelWeight: number;
  bounds: TravelBounds;
  guide: RouteGuide;
  /** Set when the ship may warp between systems. */
  warp: WarpBounds | undefined;
  /** Seconds left of the cooldown the ship starts with: its first jump waits them out. */
  cooldown: number;
}

/** Inside one system: a real route's cost, and the bound from the start that shapes the corridor. */
export interface Corridor {
  system: number;
  origin: OriginBound;
  upper: number;
  /** Stops only where fuel is sold or at gates (and at the start and the destination). */
  stationsOnly?: boolean;
}

/** One step of a found route: the start, a refuel, a leg, a jump or a warp. */
export interface Step {
  node: number;
  from: number;
  /** Fuel in the tank after the step. */
  fuel: number;
  /** START, REFUEL, JUMP, WARP + mode index, or a mode index. */
  kind: number;
  distance: number;
  fuelUsed: number;
  seconds: number;
}

/** The route found: its steps in order and its cost. */
export interface Found {
  /** Time (plus the fuel's weight in seconds, when it has one). */
  cost: number;
  modes: readonly FlightMode[];
  refuelSeconds: number;
  steps: Step[];
}
