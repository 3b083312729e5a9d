import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import { toDomainShip, toShipView, type ShipView } from './ship-view.js';

/** Docks a ship in orbit; a docked ship needs no call. */
export class DockShip extends ShipCommand<ShipView> {}

@injectable()
export class DockShipHandler implements RequestHandler<DockShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: DockShip): Promise<ShipView> {
    const { api, clock } = this.action;
    const { player, ship } = await this.action.load(request.player, request.shipSymbol);
    const nav = toDomainShip(ship).ensureDocked(clock.now()) ? await api.dock(player.token, ship.symbol) : ship.nav;
    return toShipView(this.action.save(player, ship, { nav }), clock.now());
  }
}
