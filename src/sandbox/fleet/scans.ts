import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { distance } from '../../domain/navigation/flight-mode.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { scannedWaypointView, waypointView } from '../systems/views.js';
import { GameError } from '../world/errors.js';
import { countAction, countCredits, recordEvent, type AgentState } from '../world/world.js';
import { mountCooldownSeconds, mountsOf } from './extraction.js';
import { notInTransit, ownShip, readyShip, shipsOf, startCooldown } from './ships.js';

type S = components['schemas'];

/** Credits a first chart pays: a base plus a share per trait it reveals (the live server pays for charts but publishes no figure: the sandbox's choice). */
const CHART_REWARD_BASE = 500;
const CHART_REWARD_PER_TRAIT = 250;
/** How far a sensor array sees, per point of its strength: systems (galaxy units) and waypoints (system units); the server publishes no range, these are the sandbox's. */
const SYSTEM_SCAN_RANGE = 2_000;
const WAYPOINT_SCAN_RANGE = 1_000;

function chart(game: Game, agent: AgentState, symbol: string) {
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  const here = waypoint(game, ship.nav.waypointSymbol);
  if (!here.traits.includes('UNCHARTED'))
    throw new GameError(400, 4230, `Waypoint ${here.symbol} has already been charted.`, {
      waypointSymbol: here.symbol,
    });
  const now = game.clock.now();
  const revealed = here.traits.filter((t) => t !== 'UNCHARTED');
  const totalPrice = CHART_REWARD_BASE + CHART_REWARD_PER_TRAIT * revealed.length;
  const owner = game.world.agents[agent.symbol]!;
  here.traits = revealed;
  here.chart = { submittedBy: agent.symbol, submittedOn: new Date(now).toISOString() };
  owner.credits += totalPrice;
  countAction(game.world, 'chart', ship.symbol);
  countCredits(game.world, agent.symbol, 'CHART', totalPrice);
  recordEvent(
    game.world,
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

function scanSystems(game: Game, agent: AgentState, symbol: string) {
  const { ship, cooldown, strength } = scan(game, agent, symbol);
  const here = game.world.systems[ship.nav.systemSymbol]!;
  const systems: S['ScannedSystem'][] = Object.values(game.world.systems)
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

function scanWaypoints(game: Game, agent: AgentState, symbol: string) {
  const { ship, cooldown, strength } = scan(game, agent, symbol);
  const here = waypoint(game, ship.nav.waypointSymbol);
  const waypoints = game.world.systems[ship.nav.systemSymbol]!.waypoints.map((w) => game.world.waypoints[w]!)
    .filter((w) => distance(here, w) <= WAYPOINT_SCAN_RANGE * strength)
    .map(scannedWaypointView);
  return { cooldown, waypoints };
}

function scanShips(game: Game, agent: AgentState, symbol: string) {
  const { ship, cooldown } = scan(game, agent, symbol);
  const ships: S['ScannedShip'][] = Object.values(game.world.agents)
    .flatMap((other) => shipsOf(game, other))
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
function scan(game: Game, agent: AgentState, symbol: string) {
  const { ship, state } = readyShip(game, agent, symbol, false);
  const sensors = mountsOf(ship, 'MOUNT_SENSOR_ARRAY');
  if (sensors.length === 0)
    throw new GameError(400, 4215, `Ship ${ship.symbol} has no sensor array installed.`, { shipSymbol: ship.symbol });
  const cooldown = startCooldown(game, state, mountCooldownSeconds(sensors));
  countAction(game.world, 'scan', ship.symbol);
  return { ship, cooldown, strength: sensors.reduce((sum, m) => sum + (m.strength ?? 0), 0) };
}

/** Charting the waypoint a ship is at, and the three sensor-array scans. */
export const SCAN_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/chart', (game, c) => ok(chart(game, me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/scan/systems', (game, c) => ok(scanSystems(game, me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/scan/waypoints', (game, c) => ok(scanWaypoints(game, me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/scan/ships', (game, c) => ok(scanShips(game, me(game, c), c.params[0]!), 201)),
];
