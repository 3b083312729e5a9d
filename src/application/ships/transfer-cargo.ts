import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import type { ShipCargo } from '../../domain/fleet/ship.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ShipCargoDto, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { mayHaveHappened, ShipAction, ShipCommand } from './ship-action.js';
import { requireShipSymbol } from './ship-symbol.js';
import { requireGoodSymbol, requireUnits } from './trade-input.js';

/** What `ship transfer` prints (the JSON keys are a contract). */
export interface TransferReport {
  from: string;
  to: string;
  good: string;
  units: number;
  waypoint: string;
  cargo: ShipCargo;
  targetCargo: ShipCargo;
}

/** Moves units of a good from one of the player's ships to another at the same waypoint. */
export class TransferCargo extends ShipCommand<TransferReport> {
  readonly toShip: string;
  readonly good: string;
  readonly units: number;

  constructor(props: { shipSymbol: string; toShip: string; good: string; units: number; player?: string }) {
    super(props);
    this.toShip = props.toShip;
    this.good = props.good;
    this.units = props.units;
  }

  override validate(): void {
    super.validate();
    requireShipSymbol(this.toShip);
    requireGoodSymbol(this.good);
    requireUnits(this.units);
    if (this.toShip.toUpperCase() === this.shipSymbol.toUpperCase())
      throw new ValidationError('a ship cannot transfer cargo to itself');
  }

  override claims(): string[] {
    return [...super.claims(), `ship:${this.toShip.toUpperCase()}`];
  }
}

@injectable()
export class TransferCargoHandler implements RequestHandler<TransferCargo> {
  constructor(
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: TransferCargo): Promise<TransferReport> {
    const good = request.good.toUpperCase();
    const units = request.units;
    const { player, ship: giver } = await this.action.load(request);
    let { ship: receiver } = await this.action.load({ shipSymbol: request.toShip, player: player.agentSymbol });
    const now = this.clock.now();
    for (const ship of [giver, receiver])
      if (ship.statusAt(now) === 'IN_TRANSIT')
        throw new DomainRuleError(`${ship.symbol} is in transit; cargo moves only between ships at rest`, 'IN_TRANSIT');
    if (giver.location() !== receiver.location())
      throw new DomainRuleError(
        `${receiver.symbol} is at ${receiver.location()}, not at ${giver.location()} where ${giver.symbol} is`,
        'NOT_AT_WAYPOINT',
      );
    const held = giver.unitsOf(good);
    if (held < units)
      throw new DomainRuleError(
        `${giver.symbol} carries ${held === 0 ? 'no' : `only ${held}`} ${good}, asked to transfer ${units}`,
        'CARGO',
      );
    const room = receiver.cargo.capacity - receiver.cargo.units;
    if (room < units)
      throw new DomainRuleError(`${receiver.symbol} has room for ${room} units, asked to take ${units}`, 'CARGO');
    // The server moves cargo only between ships both docked or both in orbit: the receiver follows the giver.
    receiver =
      giver.statusAt(now) === 'DOCKED'
        ? await this.action.dock(player, receiver)
        : await this.action.orbit(player, receiver);
    // Never re-sent: a lost answer is reported, and the player checks both holds.
    const result = await mayHaveHappened(
      `${giver.symbol} may have transferred ${units} ${good} to ${receiver.symbol}`,
      giver.symbol,
      () => this.api.transfer(player.token, giver.symbol, receiver.symbol, good, units),
    );
    const cargo = toCargo(result.cargo);
    const targetCargo = toCargo(result.targetCargo);
    this.action.save(player, giver.withCargo(cargo));
    this.action.save(player, receiver.withCargo(targetCargo));
    const waypoint = giver.location();
    currentUnitOfWork()?.record(
      domainEvent('CargoTransferred', { from: giver.symbol, to: receiver.symbol, waypoint, good, units }, now),
    );
    return { from: giver.symbol, to: receiver.symbol, good, units, waypoint, cargo, targetCargo };
  }
}

function toCargo(dto: ShipCargoDto): ShipCargo {
  return {
    capacity: dto.capacity,
    units: dto.units,
    inventory: dto.inventory.map(({ symbol, units }) => ({ symbol, units })),
  };
}
