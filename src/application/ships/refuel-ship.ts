import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import { ShipAction, ShipCommand } from './ship-action.js';
import { toDomainShip, toShipView, type ShipView } from './ship-view.js';

export interface RefuelResult {
  ship: ShipView;
  fuelAdded: number;
  creditsSpent: number;
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
    const { api, clock } = this.action;
    const { player, ship } = await this.action.load(request.player, request.shipSymbol);
    if (ship.fuel.capacity === 0) throw new ValidationError(`ship ${ship.symbol} has no fuel tank`);
    const nav = toDomainShip(ship).ensureDocked(clock.now()) ? await api.dock(player.token, ship.symbol) : ship.nav;
    const before = ship.fuel.current;
    const result = await api.refuel(player.token, ship.symbol, request.units);
    const updated = this.action.save(player, ship, { nav, fuel: result.fuel });
    player.recordAgent(result.agent, clock.now());
    this.action.players.save(player);
    const creditsSpent = result.transaction?.totalPrice ?? 0;
    currentUnitOfWork()?.record(
      domainEvent(
        'ShipRefueled',
        {
          ship: ship.symbol,
          waypoint: nav.waypointSymbol,
          fuelAdded: result.fuel.current - before,
          fuel: result.fuel.current,
          creditsSpent,
        },
        clock.now(),
      ),
    );
    return {
      ship: toShipView(updated, clock.now()),
      fuelAdded: result.fuel.current - before,
      creditsSpent,
      credits: result.agent.credits,
    };
  }
}
