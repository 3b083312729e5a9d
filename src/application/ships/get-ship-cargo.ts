import { inject, injectable } from 'inversify';
import type { CargoItem } from '../../domain/fleet/ship.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipQuery } from './ship-action.js';

/** What `ship cargo` prints (the JSON keys are a contract). */
export interface CargoView {
  capacity: number;
  units: number;
  inventory: CargoItem[];
}

/** A ship's hold, fresh from the server. */
export class GetShipCargo extends ShipQuery<CargoView> {}

@injectable()
export class GetShipCargoHandler implements RequestHandler<GetShipCargo> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: GetShipCargo): Promise<CargoView> {
    const { player, ship } = await this.action.load(request);
    const { capacity, units, inventory } = this.action.save(player, ship).cargo;
    return { capacity, units, inventory: inventory.map(({ symbol, units }) => ({ symbol, units })) };
  }
}
