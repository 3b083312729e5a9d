import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import {
  distance,
  type FlightMode,
  fuelCost,
  isFlightMode,
  travelSeconds,
} from '../../domain/navigation/flight-mode.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { badRequest, GameError } from '../world/errors.js';
import { stringField } from '../world/payload.js';
import { countAction, own, type AgentState, type WaypointState } from '../world/world.js';
import { mustBeInOrbit, movedNav, ownShip } from './ships.js';

type Ship = components['schemas']['Ship'];
type Travel = 'navigate' | 'warp';

/** How each kind of travel words a ship's lack of fuel (4203). */
const NO_FUEL: Record<Travel, (ship: string, fuel: number) => string> = {
  navigate: (ship, fuel) => `Navigate request failed. Ship ${ship} requires ${fuel} more fuel for navigation.`,
  warp: (ship, fuel) => `Warp failed. Ship ${ship} requires ${fuel} more fuel.`,
};

/**
 * The one way a ship travels, for navigate and warp alike: the published fuel and time formulas for
 * the distance in the ship's flight mode, fuel taken at departure, in transit until the arrival time
 * (arrival itself is lazy, see ships.ts).
 */
function travel(game: Game, ship: Ship, from: WaypointState, to: WaypointState, d: number, kind: Travel) {
  const mode = ship.nav.flightMode as FlightMode;
  const fuel = fuelCost(d, mode, ship.fuel.capacity);
  if (fuel > ship.fuel.current)
    throw new GameError(400, 4203, NO_FUEL[kind](ship.symbol, fuel), {
      shipSymbol: ship.symbol,
      fuelRequired: fuel,
      fuelAvailable: ship.fuel.current,
    });
  const now = game.clock.now();
  const seconds = travelSeconds(d, mode, ship.engine.speed, kind);
  ship.fuel.current -= fuel;
  ship.fuel.consumed = { amount: fuel, timestamp: new Date(now).toISOString() };
  ship.nav = movedNav(ship, from, to, 'IN_TRANSIT', now, now + game.clock.scaled(seconds * 1000));
  countAction(game.world, kind, ship.symbol);
  return { nav: ship.nav, fuel: ship.fuel, events: [] };
}

function navigate(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  const target = (body as { waypointSymbol?: unknown } | undefined)?.waypointSymbol;
  if (typeof target !== 'string' || target === '')
    throw badRequest('Request could not be processed due to an invalid payload.', {
      waypointSymbol: ['waypointSymbol is required'],
    });
  mustBeInOrbit(game, ship);
  const destination = own(game.world.waypoints, target.toUpperCase());
  if (!destination) throw new GameError(404, 4201, `Destination ${target.toUpperCase()} does not exist.`);
  if (destination.systemSymbol !== ship.nav.systemSymbol) {
    throw new GameError(
      400,
      4202,
      `Navigate request failed. Destination ${destination.symbol} is in another system; use warp or jump.`,
    );
  }
  if (destination.symbol === ship.nav.waypointSymbol) {
    throw new GameError(
      400,
      4204,
      `Navigate request failed. Ship ${ship.symbol} is currently located at the destination.`,
      { destinationSymbol: destination.symbol },
    );
  }
  const origin = waypoint(game, ship.nav.waypointSymbol);
  return travel(game, ship, origin, destination, distance(origin, destination), 'navigate');
}

/** A warp crosses to another system without a gate: it needs a warp drive, and the distance is between systems. */
function warp(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  const target = waypoint(game, stringField(body, 'waypointSymbol'));
  mustBeInOrbit(game, ship);
  if (!ship.modules.some((m) => m.symbol.startsWith('MODULE_WARP_DRIVE')))
    throw new GameError(400, 4241, `Ship ${ship.symbol} has no warp drive installed.`, { shipSymbol: ship.symbol });
  if (target.systemSymbol === ship.nav.systemSymbol)
    throw new GameError(400, 4235, `Ship ${ship.symbol} cannot warp within its own system; navigate instead.`, {
      shipSymbol: ship.symbol,
    });
  const origin = waypoint(game, ship.nav.waypointSymbol);
  const { systems } = game.world;
  return travel(
    game,
    ship,
    origin,
    target,
    distance(systems[origin.systemSymbol]!, systems[target.systemSymbol]!),
    'warp',
  );
}

function setFlightMode(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  const mode = (body as { flightMode?: unknown } | undefined)?.flightMode;
  if (typeof mode !== 'string' || !isFlightMode(mode)) {
    throw badRequest('Request could not be processed due to an invalid payload.', {
      flightMode: ['flightMode must be one of DRIFT, STEALTH, CRUISE, BURN'],
    });
  }
  ship.nav.flightMode = mode;
  return { nav: ship.nav, fuel: ship.fuel, events: [] };
}

/** Travel inside a system (navigate), between systems (warp), and the flight mode both use. */
export const NAVIGATION_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/navigate', (game, c) => ok(navigate(game, me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/warp', (game, c) => ok(warp(game, me(game, c), c.params[0]!, c.body))),
  route('PATCH', '/my/ships/{}/nav', (game, c) => ok(setFlightMode(game, me(game, c), c.params[0]!, c.body))),
];
