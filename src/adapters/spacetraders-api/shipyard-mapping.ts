import type { ShipyardSnapshot } from '../../domain/shipyard/shipyard.js';
import type { ShipyardDto } from '../../ports/spacetraders-api.js';

/** The domain's view of a shipyard as the API describes it (offers only when the API gave them). */
export function toShipyardSnapshot(dto: ShipyardDto): ShipyardSnapshot {
  return {
    waypoint: dto.symbol,
    shipTypes: dto.shipTypes.map((t) => t.type),
    ships: (dto.ships ?? []).map((ship) => ({
      type: ship.type,
      name: ship.name,
      purchasePrice: ship.purchasePrice,
      supply: ship.supply,
      engineSpeed: ship.engine.speed,
      cargoCapacity: ship.modules.reduce(
        (sum, m) => sum + (m.symbol.startsWith('MODULE_CARGO_HOLD') ? (m.capacity ?? 0) : 0),
        0,
      ),
      fuelCapacity: ship.frame.fuelCapacity,
      mounts: ship.mounts.map((m) => m.symbol),
    })),
  };
}
