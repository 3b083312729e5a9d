import { inject, injectable } from 'inversify';
import { deliveryFor, isOpen, unitsStillRequired } from '../../domain/contracts/contract.js';
import {
  arrivesInTime,
  type ContractMiningSite,
  contractBeingMined,
  feederAssignments,
} from '../../domain/fleet/fleet-feeding.js';
import type { FleetRole } from '../../domain/fleet/fleet-roles.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { canMine, estimateMiningSeconds } from '../../domain/contracts/mining-estimate.js';
import { FeedContract } from '../mining/feed-contract.js';
import { yieldsGood } from '../mining/mining-plan.js';
import { MiningSites } from '../mining/mining-site.js';
import { RoutePlanning } from '../navigation/route-planning.js';
import { type FleetDecisionView, FleetDecisions } from './fleet-decisions.js';
import type { ShipJob } from './fleet-jobs.js';

/**
 * While the command ship mines a contract's good, the fleet's mining ships mine it beside it and hand it
 * over (FeedContract): their running jobs are replaced, and each feeder ends by itself once the contract
 * needs no more than the command ship holds — then the coordinator gives it its usual work again.
 */
@injectable()
export class FleetFeeding {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(MiningSites) private readonly sites: MiningSites,
    @inject(RoutePlanning) private readonly routes: RoutePlanning,
    @inject(FleetDecisions) private readonly decisions: FleetDecisions,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** The contract the command ship mines now, read from its job, the accepted contract and where it is bound. */
  async contractBeingMined(
    player: Player,
    command: Ship,
    jobs: ReadonlyMap<string, ShipJob>,
  ): Promise<{ site?: ContractMiningSite; reason: string }> {
    const commandJob = jobs.get(command.symbol)?.command;
    if (commandJob !== 'RunContracts') return { reason: 'the command ship runs no contract' };
    const now = this.clock.now();
    const accepted = (await this.api.listContracts(player.token)).find((c) => c.accepted && isOpen(c, now));
    const delivery = accepted ? deliveryFor(accepted) : undefined;
    const site = await this.sites.load(player, command.nav.systemSymbol);
    return contractBeingMined({
      commandShip: command.symbol,
      commandJob,
      ...(accepted && delivery
        ? { contract: { id: accepted.id, good: delivery.good, stillRequired: unitsStillRequired(delivery) } }
        : {}),
      commandShipAt: command.location(),
      commandHolds: delivery ? command.unitsOf(delivery.good) : 0,
      yields: (waypoint, good) => yieldsGood(site, waypoint, good),
      soloSeconds: (units) => {
        const traits = site.waypoints.get(command.location())?.traits.map((t) => t.symbol as string) ?? [];
        return estimateMiningSeconds({ units, good: delivery?.good ?? '', mounts: command.mounts, traits });
      },
    });
  }

  /** Points every mining ship not yet feeding the contract at it; the jobs map is updated with the new jobs. */
  async assign(
    player: Player,
    site: ContractMiningSite | undefined,
    ships: readonly Ship[],
    jobs: Map<string, ShipJob>,
    roleOf: (ship: Ship) => FleetRole,
  ): Promise<FleetDecisionView[]> {
    if (!site) return [];
    const miners = [];
    for (const ship of ships) {
      const job = jobs.get(ship.symbol);
      const view = { symbol: ship.symbol, role: roleOf(ship), canMine: canMine(ship.mounts), ...(job ? { job } : {}) };
      const candidate = view.role === 'mining' && view.canMine && job?.contractId !== site.contractId;
      miners.push(candidate ? { ...view, travelSeconds: await this.travelSeconds(player, ship, site.asteroid) } : view);
    }
    const made: FleetDecisionView[] = [];
    for (const assignment of feederAssignments(site, miners)) {
      const job = new FeedContract({
        shipSymbol: assignment.ship,
        contractId: site.contractId,
        to: site.commandShip,
        at: site.asteroid,
        player: player.agentSymbol,
      });
      const decision = await this.decisions.start(
        player,
        assignment.ship,
        'mining',
        job,
        assignment.reason,
        assignment.replaces,
      );
      made.push(decision);
      if (decision.container)
        jobs.set(assignment.ship, {
          container: decision.container,
          command: 'FeedContract',
          contractId: site!.contractId,
        });
    }
    return made;
  }

  /**
   * How many of the mining ships would reach the asteroid of an offer whose goods are mined in time to
   * feed it (the rule that sends them: arrivesInTime), so the command ship does not take a slow mined
   * offer on the promise of feeders that will never come.
   */
  async feedersInTime(player: Player, miners: readonly Ship[], at: { asteroid: string; soloSeconds: number }) {
    let count = 0;
    for (const ship of miners)
      if (arrivesInTime(await this.travelSeconds(player, ship, at.asteroid), at.soloSeconds)) count += 1;
    return count;
  }

  /** The flight's planned seconds from where the ship is (or is bound) to the asteroid; Infinity without a route. */
  private async travelSeconds(player: Player, ship: Ship, asteroid: string): Promise<number> {
    if (ship.location() === asteroid) return 0;
    try {
      return (await this.routes.plan(player, ship, asteroid)).totalSeconds;
    } catch {
      return Number.POSITIVE_INFINITY;
    }
  }
}
