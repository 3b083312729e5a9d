import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { distance } from '../domain/navigation/flight-mode.js';
import { GameError } from './errors.js';
import type { Game } from './game.js';
import { mountCooldownSeconds, mountsOf, mustBeCool, startCooldown } from './ship-support.js';
import { scannedWaypointView, waypointView } from './views.js';
import { countAction, recordEvent, type AgentState } from './world.js';

type S = components['schemas'];

/** Credits a first chart pays: a base plus a share per trait it reveals. */
const CHART_REWARD_BASE = 500;
const CHART_REWARD_PER_TRAIT = 250;
/** How far a sensor array sees, per point of its strength: systems (galaxy units) and waypoints (system units). */
const SYSTEM_SCAN_RANGE = 2_000;
const WAYPOINT_SCAN_RANGE = 1_000;

/** Exploration: charting the waypoint a ship is at, and the three sensor-array scans. */
export class Exploration {
  constructor(private readonly game: Game) {}

  chart(agent: AgentState, symbol: string) {
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    if (!here.traits.includes('UNCHARTED'))
      throw new GameError(400, 4230, `Waypoint ${here.symbol} has already been charted.`, {
        waypointSymbol: here.symbol,
      });
    const now = this.game.clock.now();
    const revealed = here.traits.filter((t) => t !== 'UNCHARTED');
    const totalPrice = CHART_REWARD_BASE + CHART_REWARD_PER_TRAIT * revealed.length;
    const owner = this.game.world.agents[agent.symbol]!;
    here.traits = revealed;
    here.chart = { submittedBy: agent.symbol, submittedOn: new Date(now).toISOString() };
    owner.credits += totalPrice;
    countAction(this.game.world, 'chart', ship.symbol);
    recordEvent(
      this.game.world,
      agent.symbol,
      'WAYPOINT_CHARTED',
      `Ship ${ship.symbol} charted waypoint ${here.symbol}.`,
      { shipSymbol: ship.symbol, waypointSymbol: here.symbol, totalPrice },
      now,
    );
    const view = waypointView(here);
    return {
      chart: view.chart!,
      waypoint: view,
      transaction: {
        waypointSymbol: here.symbol,
        shipSymbol: ship.symbol,
        totalPrice,
        timestamp: new Date(now).toISOString(),
      },
      agent: { ...owner },
    };
  }

  scanSystems(agent: AgentState, symbol: string) {
    const { ship, cooldown, strength } = this.scan(agent, symbol);
    const here = this.game.world.systems[ship.nav.systemSymbol]!;
    const systems: S['ScannedSystem'][] = Object.values(this.game.world.systems)
      .filter((s) => s.symbol !== here.symbol)
      .map((s) => ({
        symbol: s.symbol,
        sectorSymbol: s.sectorSymbol,
        type: s.type,
        x: s.x,
        y: s.y,
        distance: Math.round(distance(here, s)),
      }))
      .filter((s) => s.distance <= SYSTEM_SCAN_RANGE * strength)
      .sort((a, b) => a.distance - b.distance);
    return { cooldown, systems };
  }

  scanWaypoints(agent: AgentState, symbol: string) {
    const { ship, cooldown, strength } = this.scan(agent, symbol);
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    const waypoints = this.game.world.systems[ship.nav.systemSymbol]!.waypoints.map(
      (w) => this.game.world.waypoints[w]!,
    )
      .filter((w) => distance(here, w) <= WAYPOINT_SCAN_RANGE * strength)
      .map(scannedWaypointView);
    return { cooldown, waypoints };
  }

  scanShips(agent: AgentState, symbol: string) {
    const { ship, cooldown } = this.scan(agent, symbol);
    const ships: S['ScannedShip'][] = Object.values(this.game.world.agents)
      .flatMap((other) => this.game.shipsOf(other))
      .filter((other) => other.symbol !== ship.symbol && other.nav.systemSymbol === ship.nav.systemSymbol)
      .map((other) => ({
        symbol: other.symbol,
        registration: structuredClone(other.registration),
        nav: structuredClone(other.nav),
        frame: { symbol: other.frame.symbol },
        reactor: { symbol: other.reactor.symbol },
        engine: { symbol: other.engine.symbol },
        mounts: other.mounts.map((m) => ({ symbol: m.symbol })),
      }));
    return { cooldown, ships };
  }

  /** The checks every scan shares, then the cooldown it starts: not in transit, cooled down, a sensor array. */
  private scan(agent: AgentState, symbol: string) {
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    const state = this.game.world.ships[ship.symbol]!;
    mustBeCool(this.game, state);
    const sensors = mountsOf(ship, 'MOUNT_SENSOR_ARRAY');
    if (sensors.length === 0)
      throw new GameError(400, 4215, `Ship ${ship.symbol} has no sensor array installed.`, { shipSymbol: ship.symbol });
    const cooldown = startCooldown(this.game.clock, state, mountCooldownSeconds(sensors));
    countAction(this.game.world, 'scan', ship.symbol);
    return { ship, cooldown, strength: sensors.reduce((sum, m) => sum + (m.strength ?? 0), 0) };
  }
}
