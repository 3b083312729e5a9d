import { observationAgeSeconds } from '../../domain/market/market.js';
import {
  listingOffers,
  type ShipyardObservation,
  type ShipyardOffer,
  type ShipyardSnapshot,
} from '../../domain/shipyard/shipyard.js';

/** What `shipyard list` prints (the JSON keys waypoint and ships are a contract). */
export interface ShipyardView {
  waypoint: string;
  /** ISO time of the observation; null when only the public listing is known. */
  observedAt: string | null;
  /** Read just now, with one of the player's ships there. */
  live: boolean;
  /** Seconds since the observation; null with no observation. */
  ageSeconds: number | null;
  ships: ShipyardOffer[];
}

export function toShipyardView(
  shipyard: ShipyardObservation | ShipyardSnapshot,
  live: boolean,
  now: number,
): ShipyardView {
  const observedAt = 'observedAt' in shipyard ? shipyard.observedAt : null;
  const ships = observedAt === null ? listingOffers(shipyard) : shipyard.ships;
  return {
    waypoint: shipyard.waypoint,
    observedAt: observedAt === null ? null : new Date(observedAt).toISOString(),
    live,
    ageSeconds: observedAt === null ? null : observationAgeSeconds(observedAt, now),
    ships: ships.map((s) => ({
      type: s.type,
      name: s.name,
      purchasePrice: s.purchasePrice,
      supply: s.supply,
      engineSpeed: s.engineSpeed,
      cargoCapacity: s.cargoCapacity,
      fuelCapacity: s.fuelCapacity,
      mounts: [...s.mounts],
    })),
  };
}
