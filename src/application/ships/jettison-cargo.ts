import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import type { CargoView } from './get-ship-cargo.js';
import { mayHaveHappened, ShipAction, ShipCommand } from './ship-action.js';
import { requireGoodSymbol, requireUnits } from './trade-input.js';

/** What `ship jettison` prints (the JSON keys are a contract). */
export interface JettisonReport {
  ship: string;
  good: string;
  units: number;
  cargo: CargoView;
}

/** Dumps units of a good from a ship's hold into space. */
export class JettisonCargo extends ShipCommand<JettisonReport> {
  readonly good: string;
  readonly units: number;

  constructor(props: { shipSymbol: string; good: string; units: number; player?: string }) {
    super(props);
    this.good = props.good;
    this.units = props.units;
  }

  override validate(): void {
    super.validate();
    requireGoodSymbol(this.good);
    requireUnits(this.units);
  }
}

@injectable()
export class JettisonCargoHandler implements RequestHandler<JettisonCargo> {
  constructor(
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: JettisonCargo): Promise<JettisonReport> {
    const good = request.good.toUpperCase();
    const { player, ship } = await this.action.load(request);
    const held = ship.unitsOf(good);
    if (held < request.units)
      throw new DomainRuleError(
        `${ship.symbol} carries ${held === 0 ? 'no' : `only ${held}`} ${good}, asked to jettison ${request.units}`,
        'CARGO',
      );
    // Never re-sent: a lost answer is reported, and the player checks the hold.
    const dto = await mayHaveHappened(`${ship.symbol} may have jettisoned ${request.units} ${good}`, ship.symbol, () =>
      this.api.jettison(player.token, ship.symbol, good, request.units),
    );
    const cargo = {
      capacity: dto.capacity,
      units: dto.units,
      inventory: dto.inventory.map(({ symbol, units }) => ({ symbol, units })),
    };
    this.action.save(player, ship.withCargo(cargo));
    currentUnitOfWork()?.record(
      domainEvent(
        'CargoJettisoned',
        { ship: ship.symbol, waypoint: ship.location(), good, units: request.units },
        this.clock.now(),
      ),
    );
    return { ship: ship.symbol, good, units: request.units, cargo };
  }
}
