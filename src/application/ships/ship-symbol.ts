import { ValidationError } from '../../domain/errors.js';

const SHIP_SYMBOL = /^[A-Za-z0-9_-]{3,40}$/;
const WAYPOINT_SYMBOL = /^[A-Za-z0-9]+-[A-Za-z0-9]+-[A-Za-z0-9]+$/;

export function requireShipSymbol(symbol: string): void {
  if (typeof symbol !== 'string' || !SHIP_SYMBOL.test(symbol))
    throw new ValidationError(`invalid ship symbol "${symbol}" (e.g. NOVA-1-1)`);
}

export function requireWaypointSymbol(symbol: string): void {
  if (typeof symbol !== 'string' || !WAYPOINT_SYMBOL.test(symbol))
    throw new ValidationError(`invalid waypoint symbol "${symbol}" (e.g. X1-AB12-C3)`);
}

/** X1-AB12 for X1-AB12-C3. */
export function systemOf(waypointSymbol: string): string {
  return waypointSymbol.split('-').slice(0, 2).join('-');
}
