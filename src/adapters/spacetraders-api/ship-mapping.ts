import { Ship, type ShipCargo, type ShipFuel, type ShipNav } from '../../domain/fleet/ship.js';
import type { CooldownDto, ShipCargoDto, ShipDto, ShipFuelDto, ShipNavDto } from '../../ports/spacetraders-api.js';

/** The domain ship for a ship as the API describes it. */
export function toShip(dto: ShipDto): Ship {
  return new Ship({
    symbol: dto.symbol,
    role: dto.registration.role,
    nav: toShipNav(dto.nav),
    fuel: toShipFuel(dto.fuel),
    cargo: toShipCargo(dto.cargo),
    engineSpeed: dto.engine.speed,
    cooldownUntil: cooldownUntil(dto.cooldown),
    modules: dto.modules.map((module) => module.symbol),
    mounts: dto.mounts.map((mount) => mount.symbol),
  });
}

export function toShipCargo(dto: ShipCargoDto): ShipCargo {
  return {
    capacity: dto.capacity,
    units: dto.units,
    inventory: dto.inventory.map((item) => ({ symbol: item.symbol, units: item.units })),
  };
}

export function toShipNav(dto: ShipNavDto): ShipNav {
  return {
    status: dto.status,
    systemSymbol: dto.systemSymbol,
    waypointSymbol: dto.waypointSymbol,
    flightMode: dto.flightMode,
    origin: dto.route.origin.symbol,
    destination: dto.route.destination.symbol,
    departureTime: Date.parse(dto.route.departureTime),
    arrival: Date.parse(dto.route.arrival),
  };
}

export function toShipFuel(dto: ShipFuelDto): ShipFuel {
  return { current: dto.current, capacity: dto.capacity };
}

/** Epoch ms when a cooldown ends; 0 when there is none. */
export function cooldownUntil(dto: CooldownDto): number {
  const ends = dto.expiration ? Date.parse(dto.expiration) : Number.NaN;
  return Number.isFinite(ends) ? ends : 0;
}

/** A navigation, warp or flight-mode response in domain terms. */
export function toMoved(dto: { nav: ShipNavDto; fuel: ShipFuelDto }): { nav: ShipNav; fuel: ShipFuel } {
  return { nav: toShipNav(dto.nav), fuel: toShipFuel(dto.fuel) };
}
