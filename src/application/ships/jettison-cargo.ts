import { inject, injectable } from 'inversify';
import { DomainRuleError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Ship, ShipCargo } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
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
    const cargo = await this.send(player, ship, good, request.units);
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

  /**
   * The jettison, never re-sent blindly: a lost answer is settled by reading the hold back (the ship
   * is claimed, so only this command changes it): short by the units, it was applied; as it was, it
   * was not, and it is sent once more; anything else is reported for the player to check.
   */
  private async send(player: Player, ship: Ship, good: string, units: number): Promise<ShipCargo> {
    const what = `${ship.symbol} may have jettisoned ${units} ${good}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const dto = await this.api.jettison(player.token, ship.symbol, good, units);
        const inventory = dto.inventory.map(({ symbol, units }) => ({ symbol, units }));
        return { capacity: dto.capacity, units: dto.units, inventory };
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError)) throw error;
        const now = await mayHaveHappened(what, ship.symbol, () => this.api.getShip(player.token, ship.symbol));
        if (now.unitsOf(good) === ship.unitsOf(good) - units) return now.cargo;
        if (now.unitsOf(good) !== ship.unitsOf(good) || attempt >= 3)
          throw new OutcomeUnknownError(`${what}; run \`spacetraders ship info ${ship.symbol}\``);
      }
    }
  }
}
