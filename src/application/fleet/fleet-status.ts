import { inject, injectable } from 'inversify';
import { creditsPerHour, fleetRole, fleetRolesKey, HOUR_MS, parseRoles } from '../../domain/fleet/fleet-roles.js';
import type { NavStatus } from '../../domain/fleet/ship.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { Ledger } from '../../ports/ledger.js';
import type { SettingsRepository } from '../../ports/player-repository.js';
import type { ShipRepository } from '../../ports/ship-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { jobsByShip, type ShipJob } from './fleet-jobs.js';

interface FleetShipStatus {
  symbol: string;
  role: string;
  job: ShipJob | null;
  location: string;
  status: NavStatus;
  cargo: { units: number; capacity: number };
  creditsPerHour: number;
}

export interface FleetStatusView {
  ships: FleetShipStatus[];
  totals: { ships: number; creditsPerHour: number; credits: number };
}

/** Every ship with its role, its job, where it is and what it earned over the last hour; the fleet's totals. */
export class FleetStatus extends Query<FleetStatusView> {
  readonly player?: string;

  constructor(props: { player?: string } = {}) {
    super();
    this.player = props.player;
  }
}

@injectable()
export class FleetStatusHandler implements RequestHandler<FleetStatus> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.ShipRepository) private readonly shipRepository: ShipRepository,
    @inject(TOKENS.ContainerStore) private readonly containers: ContainerStore,
    @inject(TOKENS.Ledger) private readonly ledger: Ledger,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: FleetStatus): Promise<FleetStatusView> {
    const player = this.players.resolve(request.player);
    const [ships, agent] = await Promise.all([this.api.listShips(player.token), this.api.getMyAgent(player.token)]);
    const now = this.clock.now();
    for (const ship of ships) this.shipRepository.save(player.agentSymbol, ship, now);
    const jobs = jobsByShip(this.containers, player.agentSymbol);
    const roles = parseRoles(this.settings.get(fleetRolesKey(player.agentSymbol)));
    const entries = this.ledger.entries(player.agentSymbol, now - HOUR_MS);
    const rows = ships.map((ship): FleetShipStatus => {
      const job = jobs.get(ship.symbol) ?? null;
      return {
        symbol: ship.symbol,
        role: fleetRole(ship, roles[ship.symbol], job?.command),
        job,
        location: ship.nav.waypointSymbol,
        status: ship.statusAt(now),
        cargo: { units: ship.cargo.units, capacity: ship.cargo.capacity },
        creditsPerHour: creditsPerHour(entries, now, ship.symbol),
      };
    });
    return {
      ships: rows,
      totals: { ships: rows.length, creditsPerHour: creditsPerHour(entries, now), credits: agent.credits },
    };
  }
}
