import { inject, injectable } from 'inversify';
import type { Player } from '../../domain/player/player.js';
import type { ShipyardObservation, ShipyardSnapshot } from '../../domain/shipyard/shipyard.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { systemOf } from '../ships/ship-symbol.js';

/**
 * Reads shipyards and keeps what they showed: a read with prices (one of the player's ships is there,
 * the server's own rule) is stored as an observation; a read without is the public list of types only.
 */
@injectable()
export class Shipyards {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.ShipyardRepository) private readonly shipyards: ShipyardRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** The shipyard now: an observation (stored) when it shows prices, else the public listing. */
  async read(
    player: Player,
    waypoint: string,
  ): Promise<{ observation: ShipyardObservation } | { listing: ShipyardSnapshot }> {
    const snapshot = await this.api.readShipyard(player.token, systemOf(waypoint), waypoint);
    if (!snapshot.ships.some((s) => s.purchasePrice !== null)) return { listing: snapshot };
    const observation = { ...snapshot, observedAt: this.clock.now() };
    this.shipyards.record(player.agentSymbol, systemOf(waypoint), observation);
    return { observation };
  }

  latest(player: Player, waypoint: string): ShipyardObservation | undefined {
    return this.shipyards.latest(player.agentSymbol, waypoint);
  }
}
