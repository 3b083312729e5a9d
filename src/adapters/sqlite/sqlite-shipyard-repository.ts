import type { ShipyardObservation } from '../../domain/shipyard/shipyard.js';
import type { ShipyardPrice, ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

interface OfferRow {
  observed_at: number;
  ship_type: string;
  name: string;
  purchase_price: number;
  supply: string | null;
  engine_speed: number | null;
  cargo_capacity: number | null;
  fuel_capacity: number | null;
  mounts: string;
}

const DAY_MS = 24 * 3600_000;

/** Shipyard observations as a time series; rows older than the retention are pruned on every write. */
export class SqliteShipyardRepository implements ShipyardRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
    private readonly retentionDays = 7,
  ) {}

  record(playerSymbol: string, systemSymbol: string, observation: ShipyardObservation): void {
    const offers = observation.ships.filter((s) => s.purchasePrice !== null);
    if (offers.length === 0) return;
    const { waypoint, observedAt } = observation;
    stageWrite(this.db, this.staging, `shipyard:${playerSymbol}:${waypoint}:${observedAt}`, observation, () => {
      const insert = this.db.prepare(
        `INSERT INTO shipyard_observations (player_symbol, system_symbol, waypoint_symbol, observed_at, ship_type, name,
           purchase_price, supply, engine_speed, cargo_capacity, fuel_capacity, mounts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of offers)
        insert.run(
          playerSymbol,
          systemSymbol,
          waypoint,
          observedAt,
          s.type,
          s.name,
          s.purchasePrice,
          s.supply,
          s.engineSpeed,
          s.cargoCapacity,
          s.fuelCapacity,
          JSON.stringify(s.mounts),
        );
      this.db
        .prepare('DELETE FROM shipyard_observations WHERE player_symbol = ? AND observed_at < ?')
        .run(playerSymbol, observedAt - this.retentionDays * DAY_MS);
    });
    // Reads in the same unit of work see the newest read before it is flushed.
    const key = latestKey(playerSymbol, waypoint);
    const staged = stagedValue<ShipyardObservation>(this.staging, key);
    if (!staged || staged.value.observedAt <= observedAt) this.staging()?.stage(key, observation, () => {});
  }

  latest(playerSymbol: string, waypointSymbol: string): ShipyardObservation | undefined {
    const staged = stagedValue<ShipyardObservation>(this.staging, latestKey(playerSymbol, waypointSymbol));
    if (staged) return staged.value;
    const rows = this.db
      .prepare<[string, string, string, string], OfferRow>(
        `SELECT observed_at, ship_type, name, purchase_price, supply, engine_speed, cargo_capacity, fuel_capacity, mounts
         FROM shipyard_observations WHERE player_symbol = ? AND waypoint_symbol = ? AND observed_at =
           (SELECT MAX(observed_at) FROM shipyard_observations WHERE player_symbol = ? AND waypoint_symbol = ?)
         ORDER BY id`,
      )
      .all(playerSymbol, waypointSymbol, playerSymbol, waypointSymbol);
    if (rows.length === 0) return undefined;
    const ships = rows.map((row) => ({
      type: row.ship_type,
      name: row.name,
      purchasePrice: row.purchase_price,
      supply: row.supply,
      engineSpeed: row.engine_speed,
      cargoCapacity: row.cargo_capacity,
      fuelCapacity: row.fuel_capacity,
      mounts: JSON.parse(row.mounts) as string[],
    }));
    return { waypoint: waypointSymbol, observedAt: rows[0]!.observed_at, shipTypes: ships.map((s) => s.type), ships };
  }

  pricesOf(playerSymbol: string, shipType: string): ShipyardPrice[] {
    return this.db
      .prepare<[string, string, string, string], ShipyardPrice>(
        `SELECT o.waypoint_symbol AS waypoint, o.purchase_price AS purchasePrice, o.observed_at AS observedAt
         FROM shipyard_observations o
         WHERE o.player_symbol = ? AND o.ship_type = ? AND o.observed_at =
           (SELECT MAX(observed_at) FROM shipyard_observations
            WHERE player_symbol = ? AND waypoint_symbol = o.waypoint_symbol AND ship_type = ?)
         ORDER BY o.purchase_price, o.waypoint_symbol`,
      )
      .all(playerSymbol, shipType, playerSymbol, shipType);
  }

  clear(playerSymbol: string): void {
    stageWrite(this.db, this.staging, `shipyards:${playerSymbol}:clear`, null, () => {
      this.db.prepare('DELETE FROM shipyard_observations WHERE player_symbol = ?').run(playerSymbol);
    });
  }
}

function latestKey(playerSymbol: string, waypointSymbol: string): string {
  return `shipyard-latest:${playerSymbol}:${waypointSymbol}`;
}
