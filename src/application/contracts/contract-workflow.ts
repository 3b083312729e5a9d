import { inject, injectable } from 'inversify';
import {
  type Contract,
  type ContractDelivery,
  isOpen,
  paymentStillDue,
  unitsStillRequired,
} from '../../domain/contracts/contract.js';
import type { ContractEvaluation } from '../../domain/contracts/evaluation.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import type { Mediator } from '../../mediator/mediator.js';
import { ApiError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Markets } from '../markets/markets.js';
import { NavigateShip } from '../navigation/navigate-ship.js';
import { BuyCargo } from '../ships/buy-cargo.js';
import { ContractMining } from './contract-mining.js';
import { ContractPlanning, NoKnownPriceError } from './contract-planning.js';
import { NegotiateContract } from './negotiate-contract.js';

/** The game's code for "the agent already has an open contract"; its data names the contract. */
const ALREADY_HAS_CONTRACT = 4511;

/**
 * The steps of `contract run`, each deciding from the server's state alone (the contract's delivered
 * units, the ship's hold and place), so a run restarted after a crash resumes at the right step without
 * buying or delivering anything twice. Moves and trades go through the same commands as the CLI's
 * (NavigateShip, BuyCargo, DeliverContract…), sent with the mediator.
 */
@injectable()
export class ContractWorkflow {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(ContractPlanning) private readonly planning: ContractPlanning,
    @inject(Markets) private readonly markets: Markets,
    @inject(ContractMining) private readonly mining: ContractMining,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  /** The contract to work on: an accepted one still open, else an open offer, else a new one negotiated. */
  async take(player: Player, ship: Ship): Promise<Contract> {
    const now = this.clock.now();
    const contracts = await this.api.listContracts(player.token);
    const open =
      contracts.find((c) => c.accepted && isOpen(c, now)) ?? contracts.find((c) => !c.accepted && isOpen(c, now));
    if (open) return open;
    try {
      const offer = await this.negotiate(player, ship);
      this.logger.info({ contract: offer.id }, `negotiated contract ${offer.id}`);
      return await this.api.getContract(player.token, offer.id);
    } catch (error) {
      const id =
        error instanceof ApiError && error.apiCode === ALREADY_HAS_CONTRACT ? error.data.contractId : undefined;
      if (typeof id !== 'string') throw error;
      return this.api.getContract(player.token, id);
    }
  }

  /** A new contract from the faction where the ship is; refused there, from the agent's headquarters. */
  private async negotiate(player: Player, ship: Ship) {
    const ask = () =>
      this.mediator.send(new NegotiateContract({ shipSymbol: ship.symbol, player: player.agentSymbol }));
    try {
      return await ask();
    } catch (error) {
      const headquarters = player.snapshot().headquarters;
      const refused = error instanceof ApiError && error.apiCode !== ALREADY_HAS_CONTRACT && error.status === 400;
      if (!refused || !headquarters || ship.isAt(headquarters, this.clock.now())) throw error;
      this.logger.info({ headquarters }, `no contract offered at ${ship.location()}: asking at ${headquarters}`);
      await this.flyTo(player, ship, headquarters);
      return ask();
    }
  }

  /**
   * The evaluation for this ship; with no price known for the good, the ship first reads the market
   * where it is, or flies to the nearest market trading the good and reads it there.
   */
  async evaluate(player: Player, ship: Ship, contract: Contract): Promise<ContractEvaluation> {
    try {
      return await this.planning.evaluate(player, ship, contract);
    } catch (error) {
      if (!(error instanceof NoKnownPriceError)) throw error;
      const market = error.markets.includes(ship.location())
        ? ship.location()
        : await this.planning.nearest(player, ship.location(), error.markets);
      this.logger.info({ market }, `no price of ${error.good} known: reading the market at ${market}`);
      const moved = await this.flyTo(player, ship, market);
      await this.markets.read(player, market);
      return this.planning.evaluate(player, moved, contract);
    }
  }

  /**
   * Gets `units` more of the delivery's good into the hold: the "source goods" step, by buying where the
   * evaluation says, or by mining at the asteroid it chose (ContractMining) when that pays better or no
   * market sells the good.
   */
  async sourceGoods(player: Player, ship: Ship, contract: Contract, delivery: ContractDelivery, units: number) {
    const evaluation = await this.evaluate(player, ship, contract);
    if (evaluation.source === 'buy')
      return this.buy(player, ship, contract, delivery, units, evaluation.sourceWaypoint);
    // Other cargo is no reason to mine less: ContractMining jettisons it when the room is needed.
    const target = Math.min(unitsStillRequired(delivery), ship.cargo.capacity);
    this.logger.info(
      { asteroid: evaluation.sourceWaypoint },
      `mining ${target - ship.unitsOf(delivery.good)} ${delivery.good} at ${evaluation.sourceWaypoint} for contract ${contract.id}`,
    );
    const mined = await this.mining.mine(player, ship, delivery, target, evaluation.sourceWaypoint);
    return mined.units;
  }

  /** Flies to the market and buys in lots, never above the price at which the contract stops paying for them. */
  private async buy(
    player: Player,
    ship: Ship,
    contract: Contract,
    delivery: ContractDelivery,
    units: number,
    market: string,
  ): Promise<number> {
    await this.flyTo(player, ship, market);
    const toBuy = unitsStillRequired(delivery) - ship.unitsOf(delivery.good);
    const breakEven = Math.max(1, Math.floor(paymentStillDue(contract) / Math.max(1, toBuy)));
    this.logger.info({ market, units }, `buying ${units} ${delivery.good} at ${market} (at most ${breakEven} a unit)`);
    const report = await this.mediator.send(
      new BuyCargo({
        shipSymbol: ship.symbol,
        good: delivery.good,
        units,
        limit: breakEven,
        player: player.agentSymbol,
      }),
    );
    if (report.stoppedBecause)
      this.logger.warn(
        { stoppedBecause: report.stoppedBecause },
        `bought ${report.units} of ${units} ${delivery.good}: ${report.stoppedBecause === 'PRICE_LIMIT' ? `the price rose above ${breakEven}` : 'out of credits'}`,
      );
    return report.units;
  }

  /** Flies the ship to a waypoint (at once when it is there) and returns it as it arrived. */
  async flyTo(player: Player, ship: Ship, waypoint: string): Promise<Ship> {
    if (ship.isAt(waypoint, this.clock.now())) return ship;
    this.logger.info({ waypoint }, `flying ${ship.symbol} to ${waypoint}`);
    await this.mediator.send(
      new NavigateShip({ shipSymbol: ship.symbol, destination: waypoint, player: player.agentSymbol }),
    );
    return this.api.getShip(player.token, ship.symbol);
  }
}
