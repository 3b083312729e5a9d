import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import type { ShipView } from './ship-view.js';

export interface RefuelResult {
  ship: ShipView;
  fuelAdded: number;
  /** Null when the server's answer was lost and what it charged could not be recovered. */
  creditsSpent: number | null;
  credits: number;
}

/** Docks if needed and buys fuel at the ship's waypoint: to full, or `units` of ship fuel. */
export class RefuelShip extends ShipCommand<RefuelResult> {
  readonly units?: number;

  constructor(props: { shipSymbol: string; units?: number; player?: string }) {
    super(props);
    this.units = props.units;
  }

  override validate(): void {
    super.validate();
    if (this.units !== undefined && (!Number.isInteger(this.units) || this.units < 1))
      throw new ValidationError('--units must be a whole number of at least 1');
  }
}

@injectable()
export class RefuelShipHandler implements RequestHandler<RefuelShip> {
  constructor(@inject(ShipAction) private readonly action: ShipAction) {}

  async handle(request: RefuelShip): Promise<RefuelResult> {
    const { player, ship } = await this.action.load(request);
    if (!ship.needsFuel) throw new ValidationError(`ship ${ship.symbol} has no fuel tank`);
    const done = await this.action.refuel(player, ship, { units: request.units });
    return { ...done, ship: this.action.view(done.ship) };
  }
}
