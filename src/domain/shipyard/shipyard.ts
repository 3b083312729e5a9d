/** One ship type a shipyard sells, with its price when the server showed it (only with a ship there). */
export interface ShipyardOffer {
  type: string;
  name: string;
  /** Null when no ship of the player's was there to see it. */
  purchasePrice: number | null;
  /** Null when unknown (a public listing). */
  supply: string | null;
  engineSpeed: number | null;
  cargoCapacity: number | null;
  fuelCapacity: number | null;
  /** Mount symbols, e.g. MOUNT_SENSOR_ARRAY_I. */
  mounts: string[];
}

/** A shipyard as the server shows it: the types it sells, and their offers only with a ship there (else empty). */
export interface ShipyardSnapshot {
  waypoint: string;
  shipTypes: string[];
  ships: ShipyardOffer[];
}

/** A shipyard as read at one moment, with prices. An observation: it ages. */
export interface ShipyardObservation extends ShipyardSnapshot {
  /** Epoch ms of the read. */
  observedAt: number;
}

/** The public listing as offers without figures: what a player sees when no ship was ever there. */
export function listingOffers(shipyard: ShipyardSnapshot): ShipyardOffer[] {
  return shipyard.shipTypes.map((type) => ({
    type,
    name: type,
    purchasePrice: null,
    supply: null,
    engineSpeed: null,
    cargoCapacity: null,
    fuelCapacity: null,
    mounts: [],
  }));
}
