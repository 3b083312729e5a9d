import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipQuery } from './ship-action.js';
import type { ShipView } from './ship-view.js';

/** One ship, fresh from the server. */
export class GetShip extends ShipQuery<ShipView> {}

@injectable()
export class GetShipHandler implements RequestHandler<GetShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: GetShip): Promise<ShipView> {
    const { player, ship } = await this.action.load(request);
    return this.action.view(this.action.save(player, ship));
  }
}
