import type { ShipState } from '../domain/fleet/ship.js';

/** The moment the mother's ships are described at (epoch ms). */
export const SHIP_NOW = 1_800_000_000_000;

/** An Object Mother: a ship in orbit at X1-A-1 unless told otherwise. */
export function shipState(changes: Partial<ShipState> = {}, nav: Partial<ShipState['nav']> = {}): ShipState {
  return {
    symbol: 'NOVA-1-1',
    role: 'COMMAND',
    nav: {
      status: 'IN_ORBIT',
      systemSymbol: 'X1-A',
      waypointSymbol: 'X1-A-1',
      flightMode: 'CRUISE',
      origin: 'X1-A-1',
      destination: 'X1-A-1',
      departureTime: SHIP_NOW - 60_000,
      arrival: SHIP_NOW - 60_000,
      ...nav,
    },
    fuel: { current: 300, capacity: 400 },
    cargo: { capacity: 40, units: 0, inventory: [] },
    engineSpeed: 30,
    cooldownUntil: 0,
    modules: [],
    mounts: [],
    ...changes,
  };
}
