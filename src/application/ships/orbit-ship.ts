import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import type { ShipView } from './ship-view.js';

/** Takes a docked ship into orbit; a ship the server says is in orbit needs no call. */
export class OrbitShip extends ShipCommand<ShipView> {}

@injectable()
export class OrbitShipHandler implements RequestHandler<OrbitShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: OrbitShip): Promise<ShipView> {
    const { player, ship } = await this.action.load(request);
    return this.action.view(await this.action.orbit(player, ship));
  }
}
