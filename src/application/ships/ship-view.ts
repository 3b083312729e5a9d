import type { Ship } from '../../domain/fleet/ship.js';

/** What the CLI shows of a ship. */
export interface ShipView {
  symbol: string;
  role: string;
  system: string;
  location: string;
  status: string;
  flightMode: string;
  fuel: { current: number; capacity: number };
  cargo: { units: number; capacity: number };
  engineSpeed: number;
  /** Seconds until arrival while in transit, else 0. */
  arrivesIn: number;
  destination: string | null;
}

export function toShipView(ship: Ship, now: number): ShipView {
  const status = ship.statusAt(now);
  const { nav, fuel, cargo } = ship;
  return {
    symbol: ship.symbol,
    role: ship.role,
    system: nav.systemSymbol,
    location: nav.waypointSymbol,
    status,
    flightMode: nav.flightMode,
    fuel: { current: fuel.current, capacity: fuel.capacity },
    cargo: { units: cargo.units, capacity: cargo.capacity },
    engineSpeed: ship.engineSpeed,
    arrivesIn: ship.secondsToArrival(now),
    destination: status === 'IN_TRANSIT' ? nav.destination : null,
  };
}
