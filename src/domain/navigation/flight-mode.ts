/**
 * Flight modes and the published travel formulas (see the README's "Mechanics" section).
 * One module, shared by the bot's planner and the sandbox server, so both agree by construction;
 * the worked examples in flight-mode.test.ts pin the numbers to the public sources.
 */
export const FLIGHT_MODES = ['CRUISE', 'BURN', 'DRIFT', 'STEALTH'] as const;
export type FlightMode = (typeof FLIGHT_MODES)[number];

export function isFlightMode(value: string): value is FlightMode {
  return (FLIGHT_MODES as readonly string[]).includes(value);
}

/**
 * Seconds per unit of distance (before dividing by the engine speed), for in-system navigation and
 * for warps. The planner's lower bounds read the same tables.
 */
export const NAVIGATE_MULTIPLIER: Readonly<Record<FlightMode, number>> = {
  CRUISE: 25,
  DRIFT: 250,
  BURN: 12.5,
  STEALTH: 30,
};
export const WARP_MULTIPLIER: Readonly<Record<FlightMode, number>> = { CRUISE: 50, DRIFT: 300, BURN: 25, STEALTH: 60 };

/** Fuel per unit of (rounded) distance; every leg costs at least 1, so a DRIFT leg costs exactly 1. */
export const FUEL_PER_UNIT: Readonly<Record<FlightMode, number>> = { CRUISE: 1, DRIFT: 0, BURN: 2, STEALTH: 1 };

/** Seconds every leg takes on top of its distance's, whatever the mode and the engine. */
export const LEG_OVERHEAD_SECONDS = 15;

export interface Point {
  x: number;
  y: number;
}

/** Euclidean distance between two points (waypoints for navigate, systems for warp/jump). */
export function distance(a: Point, b: Point): number {
  const dx = a.x - b.x;
  const dy = a.y - b.y;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Fuel units a leg of (unrounded) distance d costs in a mode. Ships with no tank pay nothing. */
export function fuelCost(d: number, mode: FlightMode, fuelCapacity = 1): number {
  if (fuelCapacity === 0) return 0;
  return legFuel(d, FUEL_PER_UNIT[mode]);
}

/** `fuelCost` by the mode's rate (`FUEL_PER_UNIT`), for loops that look the rate up once. */
export function legFuel(d: number, fuelPerUnit: number): number {
  return Math.max(1, fuelPerUnit * Math.max(1, Math.round(d)));
}

/** Travel time in whole seconds for a leg of (unrounded) distance d at an engine speed. */
export function travelSeconds(
  d: number,
  mode: FlightMode,
  engineSpeed: number,
  kind: 'navigate' | 'warp' = 'navigate',
): number {
  return legSeconds(d, (kind === 'warp' ? WARP_MULTIPLIER : NAVIGATE_MULTIPLIER)[mode], engineSpeed);
}

/** `travelSeconds` by the mode's multiplier, for loops that look the multiplier up once. */
export function legSeconds(d: number, multiplier: number, engineSpeed: number): number {
  return Math.round((Math.max(1, Math.round(d)) * multiplier) / engineSpeed + LEG_OVERHEAD_SECONDS);
}

/** Cooldown in seconds after a gate jump over a distance between systems. */
export function jumpCooldownSeconds(systemDistance: number): number {
  return Math.round(15 + 0.3 * systemDistance);
}

/** Market FUEL is sold by the unit; one market unit fills 100 units of a ship's tank. */
export const SHIP_FUEL_PER_MARKET_UNIT = 100;

/** Market units (and so price multiples) needed to put `fuel` units into a tank. */
export function marketUnitsForFuel(fuel: number): number {
  return Math.ceil(fuel / SHIP_FUEL_PER_MARKET_UNIT);
}
