import { Ship } from '../../domain/fleet/ship.js';
import type { ShipDto } from '../../ports/spacetraders-api.js';

/** The domain ship for a ship as the API describes it. */
export function toDomainShip(dto: ShipDto): Ship {
  return new Ship({
    symbol: dto.symbol,
    role: dto.registration.role,
    nav: {
      status: dto.nav.status,
      systemSymbol: dto.nav.systemSymbol,
      waypointSymbol: dto.nav.waypointSymbol,
      flightMode: dto.nav.flightMode,
      origin: dto.nav.route.origin.symbol,
      destination: dto.nav.route.destination.symbol,
      departureTime: Date.parse(dto.nav.route.departureTime),
      arrival: Date.parse(dto.nav.route.arrival),
    },
    fuel: { current: dto.fuel.current, capacity: dto.fuel.capacity },
    cargo: { capacity: dto.cargo.capacity, units: dto.cargo.units },
    engineSpeed: dto.engine.speed,
    cooldownUntil: dto.cooldown.expiration ? Date.parse(dto.cooldown.expiration) : 0,
  });
}

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

export function toShipView(dto: ShipDto, now: number): ShipView {
  const ship = toDomainShip(dto);
  const status = ship.statusAt(now);
  return {
    symbol: dto.symbol,
    role: dto.registration.role,
    system: dto.nav.systemSymbol,
    location: dto.nav.waypointSymbol,
    status,
    flightMode: dto.nav.flightMode,
    fuel: { current: dto.fuel.current, capacity: dto.fuel.capacity },
    cargo: { units: dto.cargo.units, capacity: dto.cargo.capacity },
    engineSpeed: dto.engine.speed,
    arrivesIn: ship.secondsToArrival(now),
    destination: status === 'IN_TRANSIT' ? dto.nav.route.destination.symbol : null,
  };
}
