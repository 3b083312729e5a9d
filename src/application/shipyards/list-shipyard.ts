import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { WaypointRead } from '../observations/waypoint-read.js';
import { Shipyards } from './shipyards.js';
import { toShipyardView, type ShipyardView } from './shipyard-view.js';

/**
 * The ships a shipyard sells: live with prices when one of the player's ships is there (and that read
 * is stored), otherwise the last stored observation with its age, otherwise only the types it sells.
 */
export class ListShipyard extends WaypointRead<ShipyardView> {}

@injectable()
export class ListShipyardHandler implements RequestHandler<ListShipyard> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(Shipyards) private readonly shipyards: Shipyards,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ListShipyard): Promise<ShipyardView> {
    const player = this.players.resolve(request.player);
    const waypoint = request.waypoint.toUpperCase();
    const { known, live } = await this.shipyards.best(player, waypoint);
    return toShipyardView(known, live, this.clock.now());
  }
}
