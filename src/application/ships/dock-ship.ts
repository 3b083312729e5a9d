import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import type { ShipView } from './ship-view.js';

/** Docks a ship in orbit; a ship the server says is docked needs no call. */
export class DockShip extends ShipCommand<ShipView> {}

@injectable()
export class DockShipHandler implements RequestHandler<DockShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: DockShip): Promise<ShipView> {
    const { player, ship } = await this.action.load(request);
    return this.action.view(await this.action.dock(player, ship));
  }
}
