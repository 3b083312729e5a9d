import type { FlightMode } from './flight-mode.js';

/** A waypoint as the planner sees it. Coordinates are the waypoint's own (orbitals share their parent's). */
export interface NavWaypoint {
  symbol: string;
  systemSymbol: string;
  x: number;
  y: number;
  /** True only when the waypoint's market trades FUEL (not merely when it has a marketplace). */
  sellsFuel: boolean;
  /** For a working jump gate: the gate waypoints it connects to. */
  jumpsTo?: readonly string[];
}

/** A system's position, for jump cooldowns and warps. */
export interface NavSystem {
  symbol: string;
  x: number;
  y: number;
}

export interface ShipNavState {
  symbol: string;
  location: string;
  fuel: number;
  fuelCapacity: number;
  engineSpeed: number;
  /** The ship has a warp drive: it may warp to systems whose position is on the map. */
  canWarp?: boolean;
  /** Seconds left of the ship's cooldown (from its last jump): its first jump waits them out. */
  cooldownSeconds?: number;
}

export interface RouteLeg {
  from: string;
  to: string;
  /** 'JUMP' for a gate jump; otherwise the flight mode to set before navigating (or warping). */
  mode: FlightMode | 'JUMP';
  /** A warp to another system (in `mode`) rather than a navigation inside one. */
  warp?: boolean;
  distance: number;
  fuelCost: number;
  /** Travel time; for a jump, the time it costs: its cooldown when another jump follows, else 0. */
  seconds: number;
  /** Dock, refuel to full and orbit at `from` before departing. */
  refuelBefore: boolean;
  /** Fuel in the tank on arrival. */
  fuelAfter: number;
}

export interface Route {
  ship: string;
  origin: string;
  destination: string;
  legs: RouteLeg[];
  /** Travel, refuel stops and the cooldowns waited out before jumps, in seconds. */
  totalSeconds: number;
  totalFuel: number;
  refuelStops: number;
  /** What the fuel burned costs at the market price the plan assumed (credits, estimated). */
  fuelCredits?: number;
}
