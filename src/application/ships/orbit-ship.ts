import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import { toDomainShip, toShipView, type ShipView } from './ship-view.js';

/** Takes a docked ship into orbit; a ship already in orbit needs no call. */
export class OrbitShip extends ShipCommand<ShipView> {}

@injectable()
export class OrbitShipHandler implements RequestHandler<OrbitShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: OrbitShip): Promise<ShipView> {
    const { api, clock } = this.action;
    const { player, ship } = await this.action.load(request.player, request.shipSymbol);
    const nav = toDomainShip(ship).ensureInOrbit(clock.now()) ? await api.orbit(player.token, ship.symbol) : ship.nav;
    return toShipView(this.action.save(player, ship, { nav }), clock.now());
  }
}
