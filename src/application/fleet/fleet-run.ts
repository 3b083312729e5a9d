import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import {
  commandShipWork,
  frigateMiningCreditsPerHour,
  purchaseReserve,
  wantsNegotiator,
} from '../../domain/fleet/fleet-plan.js';
import { type FleetRole, fleetRole, fleetRolesKey, parseRoles } from '../../domain/fleet/fleet-roles.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { RunContracts } from '../contracts/run-contracts.js';
import { MineRun } from '../mining/mine-run.js';
import { Players } from '../player/players.js';
import { ScoutMarkets } from '../scouting/scout-markets.js';
import { BuyShip, type ShipPurchaseView } from '../shipyards/buy-ship.js';
import { TradeRun } from '../trading/trade-run.js';
import { type FleetDecisionView, FleetDecisions } from './fleet-decisions.js';
import { FleetFeeding } from './fleet-feeding.js';
import { FleetInputs } from './fleet-inputs.js';
import { FleetNegotiator } from './fleet-negotiator.js';
import { jobsByShip, untilAJobEnds } from './fleet-jobs.js';

/**
 * An offer must earn at least this per hour for the command ship to run contracts rather than mine or
 * trade: any profit. One contract is open at a time, so an offer passed over is not traded for a better
 * one — it blocks negotiating the next until it expires (a day) — and contracts pay about 3× their goods.
 */
const CONTRACT_THRESHOLD_CREDITS_PER_HOUR = 1;

export interface FleetRunReport {
  cycles: number;
  decisions: FleetDecisionView[];
}

/**
 * The fleet coordinator: every cycle, every ship without a job gets one (probes scout the home system,
 * the command ship runs contracts, mines or trades by the numbers, bought ships work by their type), and
 * a ship is bought when credits above the reserve allow one that pays itself back soonest.
 */
export class FleetRun extends Command<FleetRunReport> {
  static override readonly workClass = 'revenue' as const;
  readonly reserve: number;
  /** Cycles to run; undefined: until stopped. */
  readonly cycles?: number;
  readonly intervalSeconds: number;
  readonly player?: string;

  constructor(props: { reserve?: number; cycles?: number; intervalSeconds?: number; player?: string }) {
    super();
    this.reserve = props.reserve ?? 0;
    if (props.cycles !== undefined) this.cycles = props.cycles;
    this.intervalSeconds = props.intervalSeconds ?? 180;
    this.player = props.player;
  }

  override validate(): void {
    if (typeof this.reserve !== 'number' || !Number.isFinite(this.reserve) || this.reserve < 0)
      throw new ValidationError(`--reserve must be a number of credits of at least 0, got ${this.reserve}`);
    if (this.cycles !== undefined && !(Number.isInteger(this.cycles) && this.cycles >= 1))
      throw new ValidationError(`--cycles must be a whole number from 1, got ${this.cycles}`);
    const every = this.intervalSeconds;
    if (typeof every !== 'number' || !Number.isFinite(every) || every < 1 || every > 86_400)
      throw new ValidationError(`the cycle interval must be from 1 s to a day, got ${every}`);
  }

  /** One coordinator per agent. */
  override claims(): string[] {
    return [`fleet:${(this.player ?? 'default').toUpperCase()}`];
  }
}

@injectable()
export class FleetRunHandler implements RequestHandler<FleetRun> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(Players) private readonly players: Players,
    @inject(FleetInputs) private readonly inputs: FleetInputs,
    @inject(FleetNegotiator) private readonly negotiator: FleetNegotiator,
    @inject(FleetDecisions) private readonly decisions: FleetDecisions,
    @inject(FleetFeeding) private readonly feeding: FleetFeeding,
    @inject(TOKENS.ShipRepository) private readonly shipRepository: ShipRepository,
    @inject(TOKENS.ContainerStore) private readonly containers: ContainerStore,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: FleetRun): Promise<FleetRunReport> {
    const report: FleetRunReport = { cycles: 0, decisions: [] };
    while (request.cycles === undefined || report.cycles < request.cycles) {
      const [agent, every] = [this.players.resolve(request.player).agentSymbol, request.intervalSeconds * 1000];
      if (report.cycles > 0) await untilAJobEnds(this.containers, this.clock, agent, every);
      const player = this.players.resolve(request.player);
      report.decisions.push(...(await this.cycle(player, request.reserve)));
      report.cycles += 1;
      await currentUnitOfWork()?.checkpoint();
    }
    return report;
  }

  /** One look at the fleet: buy when it pays, then give every ship without a job its work. */
  private async cycle(player: Player, reserve: number): Promise<FleetDecisionView[]> {
    const decisions: FleetDecisionView[] = [];
    let ships = await this.readShips(player);
    const command = ships.find((s) => s.role === 'COMMAND') ?? ships[0];
    const home = command?.nav.systemSymbol;
    if (!command || !home) return decisions;
    const roles = parseRoles(this.settings.get(fleetRolesKey(player.agentSymbol)));
    const jobs = jobsByShip(this.containers, player.agentSymbol);
    const roleOf = (ship: Ship) => fleetRole(ship, roles[ship.symbol], jobs.get(ship.symbol)?.command);

    const minedUnitValue = this.inputs.minedUnitValue(player, home);
    const trade = await this.inputs.bestTrade(player, command);
    const credits = (await this.api.getMyAgent(player.token)).credits;
    await this.inputs.readShipyardsWhereShipsAre(player, ships);
    await currentUnitOfWork()?.checkpoint(); // the observations just read are stored at the checkpoint
    const offers = this.inputs.offers(player, ships, this.clock.now());
    const contractsRunning = roleOf(command) === 'contracts';
    const spendable = credits - purchaseReserve(reserve, contractsRunning || roleOf(command) === 'trading');
    const probe = offers.find((o) => o.shipType === 'SHIP_PROBE');
    const negotiator = wantsNegotiator({
      contractsRunning,
      hasNegotiator: this.negotiator.find(ships, roles) !== undefined,
      ...(probe ? { probePrice: probe.price } : {}),
      spendable,
    });
    const purchase = negotiator.buy
      ? {
          choice: { ...probe!, role: 'contracts' as FleetRole },
          reason: `SHIP_PROBE at ${probe!.waypoint} for ${probe!.price} as the negotiator: ${negotiator.reason}`,
        }
      : this.inputs.purchaseByPayback(player, offers, ships, roleOf, {
          minedUnitValue,
          trade,
          command,
          credits,
          reserve: credits - spendable,
          unobserved: await this.inputs.unobservedMarkets(player, home),
          contractsRunning,
        });
    if (purchase.choice) {
      const bought = await this.buy(player, purchase.choice, decisions);
      if (bought) {
        await currentUnitOfWork()?.checkpoint();
        const role = purchase.choice.role;
        roles[bought.ship.symbol] = role;
        decisions.push(this.decisions.decide(bought.ship.symbol, role, null, null, `bought: ${purchase.reason}`));
        ships = await this.readShips(player);
      }
    } else {
      decisions.push(this.decisions.decide(null, null, null, null, `no purchase: ${purchase.reason}`));
    }

    // While the command ship mines a contract's good, the mining ships mine it with it (their jobs replaced).
    const mined = await this.feeding.contractBeingMined(player, command, jobs);
    decisions.push(...(await this.feeding.assign(player, mined.site, ships, jobs, roleOf)));
    const idle = ships.filter((s) => !jobs.has(s.symbol));
    const scouts = idle.filter((s) => roleOf(s) === 'scout' && s.fuel.capacity === 0);
    if (scouts.length > 0) {
      const symbols = scouts.map((s) => s.symbol);
      for (const symbol of symbols) roles[symbol] = 'scout';
      const job = new ScoutMarkets({ system: home, ships: symbols, player: player.agentSymbol });
      const why = `${symbols.length} probe(s) without a job keep the markets of the home system ${home} fresh`;
      decisions.push(await this.decisions.start(player, symbols.join(','), 'scout', job, why));
    }
    const stationed = this.negotiator.find(ships, roles);
    if (stationed && !jobs.has(stationed.symbol)) {
      const trip = this.negotiator.toHeadquarters(player, stationed);
      const why = 'the negotiator waits at headquarters to negotiate each next contract';
      if (trip)
        decisions.push(await this.decisions.start(player, stationed.symbol, 'contracts', trip, `${why}: flying there`));
      if (!jobs.has(command.symbol)) {
        const negotiated = await this.negotiator.negotiateAhead(player, stationed);
        if (negotiated) decisions.push(this.decisions.decide(stationed.symbol, 'contracts', null, null, negotiated));
      }
    }
    for (const ship of idle) {
      if (scouts.includes(ship) || ship === stationed) continue;
      const miners = ships.filter((s) => s !== command && roleOf(s) === 'mining' && this.inputs.canMine(s));
      const estimates = { minedUnitValue, trade, miners };
      const { role, job, reason } = await this.workFor(player, ship, roles[ship.symbol], estimates);
      roles[ship.symbol] = role;
      decisions.push(
        job
          ? await this.decisions.start(player, ship.symbol, role, job, reason)
          : this.decisions.decide(ship.symbol, role, null, null, reason),
      );
    }
    this.settings.set(fleetRolesKey(player.agentSymbol), JSON.stringify(roles));
    return decisions;
  }

  /** The purchase; a refusal by the game (the ship at the yard left, the price rose) is this cycle's decision, an outage fails the cycle. */
  private async buy(
    player: Player,
    choice: { shipType: string; waypoint: string },
    decisions: FleetDecisionView[],
  ): Promise<ShipPurchaseView | undefined> {
    try {
      return await this.mediator.send(
        new BuyShip({ shipType: choice.shipType, at: choice.waypoint, player: player.agentSymbol }),
      );
    } catch (error) {
      if (!(error instanceof DomainRuleError)) throw error;
      decisions.push(this.decisions.decide(null, null, null, null, `no purchase: ${error.message}`));
      return undefined;
    }
  }

  /** The job for one idle ship that is not a probe, by its assigned role, or by the numbers for the command ship. */
  private async workFor(
    player: Player,
    ship: Ship,
    assigned: FleetRole | undefined,
    { minedUnitValue, trade, miners }: { minedUnitValue: number; trade: number; miners: readonly Ship[] },
  ): Promise<{ role: FleetRole; job?: RunContracts | MineRun | TradeRun; reason: string }> {
    const shipSymbol = ship.symbol;
    const agent = player.agentSymbol;
    if (ship.role !== 'COMMAND') {
      const role = assigned ?? fleetRole(ship);
      if (role === 'mining' && this.inputs.canMine(ship))
        return { role, job: new MineRun({ shipSymbol, player: agent }), reason: 'a mining ship mines until stopped' };
      if (role === 'trading' && ship.cargo.capacity > 0)
        return { role, job: new TradeRun({ shipSymbol, player: agent }), reason: 'a hauler trades until stopped' };
      return { role: 'idle', reason: `no work the coordinator knows for a ${ship.role} ship in the role ${role}` };
    }
    const contracts = await this.inputs.contracts(player, ship);
    const feeders = contracts.minedAt ? await this.feeding.feedersInTime(player, miners, contracts.minedAt) : 0;
    const choice = commandShipWork({
      contractAccepted: contracts.accepted,
      noContract: contracts.none,
      contractUnpriced: contracts.unpriced === true,
      ...(contracts.creditsPerHour !== undefined ? { contractCreditsPerHour: contracts.creditsPerHour } : {}),
      contractThreshold: CONTRACT_THRESHOLD_CREDITS_PER_HOUR,
      contractMined: contracts.mined === true,
      feeders,
      miningCreditsPerHour: frigateMiningCreditsPerHour(minedUnitValue),
      canMine: this.inputs.canMine(ship),
      tradeCreditsPerHour: trade,
    });
    const reason =
      contracts.creditsPerHour === undefined && !contracts.accepted && !contracts.none
        ? `${choice.reason} (contract: ${contracts.note})`
        : choice.reason;
    // One contract, one mining trip or one trade at a time: the next cycle weighs the numbers again.
    if (choice.role === 'contracts')
      return { ...choice, reason, job: new RunContracts({ shipSymbol, count: 1, player: agent }) };
    if (choice.role === 'mining')
      return { ...choice, reason, job: new MineRun({ shipSymbol, maxTrips: 1, player: agent }) };
    if (choice.role === 'trading')
      return { ...choice, reason, job: new TradeRun({ shipSymbol, trips: 1, player: agent }) };
    return { ...choice, reason };
  }

  private async readShips(player: Player): Promise<Ship[]> {
    const ships = await this.api.listShips(player.token);
    const now = this.clock.now();
    for (const ship of ships) this.shipRepository.save(player.agentSymbol, ship, now);
    return ships;
  }
}
