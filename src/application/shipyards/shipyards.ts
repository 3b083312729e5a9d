import { inject, injectable } from 'inversify';
import type { ShipyardObservation, ShipyardSnapshot } from '../../domain/shipyard/shipyard.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { ObservationReader } from '../observations/observation-reader.js';
import { systemOf } from '../ships/ship-symbol.js';

/**
 * Reads shipyards and keeps what they showed: a read with prices (one of the player's ships is there,
 * the server's own rule) is stored as an observation; a read without is the public list of types only.
 */
@injectable()
export class Shipyards extends ObservationReader<ShipyardSnapshot, ShipyardObservation> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) api: SpaceTradersApi,
    @inject(TOKENS.ShipyardRepository) shipyards: ShipyardRepository,
    @inject(TOKENS.Clock) clock: Clock,
  ) {
    super(
      {
        fetch: (player, waypoint) => api.readShipyard(player.token, systemOf(waypoint), waypoint),
        hasPrices: (snapshot) => snapshot.ships.some((s) => s.purchasePrice !== null),
        record: (player, system, observation) => shipyards.record(player.agentSymbol, system, observation),
        latest: (player, waypoint) => shipyards.latest(player.agentSymbol, waypoint),
      },
      clock,
    );
  }
}
