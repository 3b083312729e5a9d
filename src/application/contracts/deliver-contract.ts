import { inject, injectable } from 'inversify';
import { type Contract, deliveryFor, unitsStillRequired } from '../../domain/contracts/contract.js';
import { DomainRuleError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import type { RequestHandler } from '../../mediator/request.js';
import { OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { requireGoodSymbol, requireUnits } from '../ships/trade-input.js';
import { type ContractView, requireContractId, toContractView } from './contract-view.js';

/** What `contract deliver` reports (the JSON keys are a contract). */
export interface DeliveryReport {
  contract: ContractView;
  ship: string;
  good: string;
  units: number;
  waypoint: string;
  /** Units of the good the contract still needs after this delivery. */
  stillRequired: number;
  cargo: { units: number; capacity: number };
}

/**
 * Delivers cargo on a contract: the ship must be at the delivery's destination (it is docked there if
 * needed, never flown); it delivers what its hold has of the good, up to what is still required, or
 * `units`. A delivery whose answer is lost is settled by reading the contract back, never sent again blindly
 * (one the contract shows was not applied is sent once more).
 */
export class DeliverContract extends ShipCommand<DeliveryReport> {
  readonly contractId: string;
  readonly good?: string;
  readonly units?: number;

  constructor(props: { contractId: string; shipSymbol: string; good?: string; units?: number; player?: string }) {
    super(props);
    this.contractId = props.contractId;
    if (props.good !== undefined) this.good = props.good;
    if (props.units !== undefined) this.units = props.units;
  }

  override validate(): void {
    super.validate();
    requireContractId(this.contractId);
    if (this.good !== undefined) requireGoodSymbol(this.good);
    if (this.units !== undefined) requireUnits(this.units);
  }
}

@injectable()
export class DeliverContractHandler implements RequestHandler<DeliverContract> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: DeliverContract): Promise<DeliveryReport> {
    const { player, ship: loaded } = await this.action.load(request);
    const contract = await this.api.getContract(player.token, request.contractId);
    if (contract.fulfilled) throw new DomainRuleError(`contract ${contract.id} is already fulfilled`, 'CONTRACT_STATE');
    if (!contract.accepted)
      throw new DomainRuleError(
        `contract ${contract.id} is not accepted: run \`spacetraders contract accept ${contract.id}\``,
        'CONTRACT_STATE',
      );
    const delivery = deliveryFor(contract, request.good);
    const still = unitsStillRequired(delivery);
    const held = loaded.unitsOf(delivery.good);
    if (still === 0)
      throw new DomainRuleError(`contract ${contract.id} needs no more ${delivery.good}`, 'CONTRACT_UNITS');
    if (request.units !== undefined && request.units > still)
      throw new DomainRuleError(
        `contract ${contract.id} needs only ${still} more ${delivery.good}, asked to deliver ${request.units}`,
        'CONTRACT_UNITS',
      );
    if (held === 0) throw new DomainRuleError(`${loaded.symbol} carries no ${delivery.good}`, 'CARGO');
    if (request.units !== undefined && request.units > held)
      throw new DomainRuleError(
        `${loaded.symbol} carries only ${held} ${delivery.good}, asked to deliver ${request.units}`,
        'CARGO',
      );
    if (!loaded.isAt(delivery.destination, this.clock.now()))
      throw new DomainRuleError(
        `${loaded.symbol} is at ${loaded.location()}, but ${delivery.good} for contract ${contract.id} must be delivered at ${delivery.destination}: fly there first (spacetraders ship navigate ${loaded.symbol} ${delivery.destination})`,
        'CONTRACT_PLACE',
      );
    const units = request.units ?? Math.min(held, still);
    const ship = await this.action.dock(player, loaded);
    const result = await this.send(player, ship, contract, delivery.good, units);
    const after = this.action.save(player, result.ship);
    const now = deliveryFor(result.contract, delivery.good);
    return {
      contract: toContractView(result.contract),
      ship: after.symbol,
      good: delivery.good,
      units,
      waypoint: after.location(),
      stillRequired: unitsStillRequired(now),
      cargo: { units: after.cargo.units, capacity: after.cargo.capacity },
    };
  }

  /**
   * The delivery, never re-sent blindly: a lost answer is settled by the contract's count of delivered
   * units — all of them: delivered; none: not applied, sent once more (up to three tries); anything else
   * is reported.
   */
  private async send(
    player: Player,
    ship: Ship,
    before: Contract,
    good: string,
    units: number,
  ): Promise<{ contract: Contract; ship: Ship }> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.api.deliverContract(player.token, before.id, ship.symbol, good, units);
        return { contract: result.contract, ship: ship.withCargo(result.cargo) };
      } catch (error) {
        if (!(error instanceof OutcomeUnknownError)) throw error;
        const delivered = deliveryFor(before, good).fulfilled;
        const contract = await this.api.getContract(player.token, before.id).catch(() => undefined);
        const now = contract ? deliveryFor(contract, good).fulfilled : undefined;
        if (contract && now === delivered + units)
          return { contract, ship: await this.api.getShip(player.token, ship.symbol) };
        if (now === delivered && attempt < 3) continue;
        if (now === delivered)
          throw new ServerUnavailableError(
            0,
            0,
            `the answer to the delivery of ${units} ${good} was lost ${attempt} times and contract ${before.id} shows none of it delivered: nothing was delivered, run the command again`,
          );
        throw new OutcomeUnknownError(
          `the answer to the delivery of ${units} ${good} by ${ship.symbol} was lost and it may have been delivered: not sent again — run \`spacetraders contract show ${before.id}\``,
        );
      }
    }
  }
}
