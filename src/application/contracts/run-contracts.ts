import { inject, injectable } from 'inversify';
import { type Contract, deliveryFor, goodsOf, termsMet, unitsStillRequired } from '../../domain/contracts/contract.js';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import type { ContractEvaluation } from '../../domain/contracts/evaluation.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { TradeProgressStore } from '../../ports/trade-progress.js';
import { TOKENS } from '../../ports/tokens.js';
import { ShipAction, ShipCommand } from '../ships/ship-action.js';
import { AcceptContract } from './accept-contract.js';
import { ContractWorkflow } from './contract-workflow.js';
import { DeliverContract } from './deliver-contract.js';
import { FulfillContract } from './fulfill-contract.js';

/** What `contract run` reports (the JSON keys are a contract). */
export interface ContractRunReport {
  ship: string;
  /** Contracts this run fulfilled, in order. */
  fulfilled: string[];
  /** Why the run stopped before `count` contracts; null when it did not. */
  stoppedBecause: string | null;
}

/** More trips than any hold needs: a run going round in circles stops instead. */
const MAX_TRIPS = 100;

/**
 * The contract workflow for one ship, `count` times: take the open contract or negotiate one, evaluate
 * it, accept it when it earns at least `minProfit` (else say why and stop), buy the goods where it pays
 * best, fly them to the destination and deliver, trip after trip, then fulfil. Every step is decided
 * from the server's state, so the run resumes correctly after a crash; the count of contracts done is
 * kept under `runId`, so a restarted run does not do more than asked.
 */
export class RunContracts extends ShipCommand<ContractRunReport> {
  static override readonly workClass = 'revenue' as const;
  readonly count: number;
  readonly minProfit: number;
  readonly runId: string;

  constructor(props: { shipSymbol: string; count?: number; minProfit?: number; player?: string; runId?: string }) {
    super(props);
    this.count = props.count === undefined ? 1 : props.count;
    this.minProfit = props.minProfit === undefined ? 0 : props.minProfit;
    this.runId = props.runId ?? `contract-run:${this.requestId}`;
  }

  override validate(): void {
    super.validate();
    if (typeof this.count !== 'number' || !Number.isInteger(this.count) || this.count < 1 || this.count > 1000)
      throw new ValidationError(`--count must be a whole number from 1 to 1000, got ${this.count}`);
    if (typeof this.minProfit !== 'number' || !Number.isFinite(this.minProfit))
      throw new ValidationError(`--min-profit must be a number of credits, got ${this.minProfit}`);
    if (typeof this.runId !== 'string' || this.runId.length === 0 || this.runId.length > 100)
      throw new ValidationError('runId must be a non-empty string');
  }
}

@injectable()
export class RunContractsHandler implements RequestHandler<RunContracts> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ShipAction) private readonly action: ShipAction,
    @inject(ContractWorkflow) private readonly workflow: ContractWorkflow,
    @inject(TOKENS.TradeProgress) private readonly progress: TradeProgressStore,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: RunContracts): Promise<ContractRunReport> {
    const report: ContractRunReport = { ship: request.shipSymbol.toUpperCase(), fulfilled: [], stoppedBecause: null };
    let done = this.progress.find(request.runId)?.unitsDone ?? 0;
    while (done < request.count) {
      const { player, ship } = await this.action.load(request);
      const contract = await this.workflow.take(player, ship);
      if (!contract.accepted) {
        const declined = await this.reasonToDecline(player, ship, contract, request.minProfit);
        if (declined !== null) {
          report.stoppedBecause = `not accepted: ${declined}`;
          this.logger.info({ contract: contract.id }, report.stoppedBecause);
          return report;
        }
        await this.mediator.send(
          new AcceptContract({ contractId: contract.id, player: player.agentSymbol, ship: ship.symbol }),
        );
        await currentUnitOfWork()?.checkpoint();
      }
      await this.complete(player, request.shipSymbol, contract.id);
      report.fulfilled.push(contract.id);
      done += 1;
      this.progress.save(player.agentSymbol, request.runId, { unitsDone: done, inFlight: null }, this.clock.now());
      await currentUnitOfWork()?.checkpoint();
    }
    return report;
  }

  /** Why the offer is not worth taking (or cannot be done by this run); null to accept it. */
  private async reasonToDecline(player: Player, ship: Ship, contract: Contract, minProfit: number) {
    const about = `contract ${contract.id} (${goodsOf(contract)})`;
    let evaluation: ContractEvaluation;
    try {
      evaluation = await this.workflow.evaluate(player, ship, contract);
    } catch (error) {
      if (error instanceof DomainRuleError && error.code === 'NO_SOURCE') return `${about}: ${error.message}`;
      throw error;
    }
    const why = `${about} would earn ${evaluation.profit} credits (${evaluation.revenue} paid - ${evaluation.goodsCost} goods - ${evaluation.fuelCost} fuel) in ${Math.round(evaluation.seconds / 60)} min`;
    if (evaluation.profit < minProfit) return `${why}, less than --min-profit ${minProfit}`;
    this.logger.info({ contract: contract.id }, `accepting: ${why}`);
    return null;
  }

  /** Trips until every delivery is made, then the fulfilment: each decided from a fresh read. */
  private async complete(player: Player, shipSymbol: string, contractId: string): Promise<void> {
    for (let trip = 0; ; trip++) {
      const contract = await this.api.getContract(player.token, contractId);
      if (contract.fulfilled) return;
      if (termsMet(contract)) break;
      if (trip >= MAX_TRIPS)
        throw new DomainRuleError(`contract ${contractId} is still not delivered after ${MAX_TRIPS} trips`, 'CONTRACT');
      await this.trip(player, shipSymbol, contract);
    }
    await this.mediator.send(new FulfillContract({ contractId, player: player.agentSymbol, ship: shipSymbol }));
    await currentUnitOfWork()?.checkpoint();
    this.logger.info({ contract: contractId }, `fulfilled contract ${contractId}`);
  }

  /** One trip: fill the hold with what is still required (unless it holds enough), fly it there, deliver. */
  private async trip(player: Player, shipSymbol: string, contract: Contract): Promise<void> {
    const delivery = deliveryFor(contract);
    let ship = (await this.action.load({ shipSymbol, player: player.agentSymbol })).ship;
    const still = unitsStillRequired(delivery);
    const held = ship.unitsOf(delivery.good);
    const space = ship.cargo.capacity - (ship.cargo.units - held);
    // A hold full of other goods and none of this one: mining makes room (jettisons), buying says why not.
    if (held < still && (held < space || held === 0)) {
      const units = Math.max(1, Math.min(still, space) - held);
      const bought = await this.workflow.sourceGoods(player, ship, contract, delivery, units);
      if (bought === 0 && held === 0)
        throw new DomainRuleError(
          `could not buy any ${delivery.good} for contract ${contract.id} (see: spacetraders container logs)`,
          'CONTRACT',
        );
      ship = (await this.action.load({ shipSymbol, player: player.agentSymbol })).ship;
    }
    if (ship.unitsOf(delivery.good) === 0)
      throw new DomainRuleError(`${ship.symbol} has no room for ${delivery.good}`, 'CARGO_SPACE');
    await this.workflow.flyTo(player, ship, delivery.destination);
    const delivered = await this.mediator.send(
      new DeliverContract({ contractId: contract.id, shipSymbol, good: delivery.good, player: player.agentSymbol }),
    );
    await currentUnitOfWork()?.checkpoint();
    this.logger.info(
      { contract: contract.id },
      `delivered ${delivered.units} ${delivered.good}; ${delivered.stillRequired} still required`,
    );
  }
}
