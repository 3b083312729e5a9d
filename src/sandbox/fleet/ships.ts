import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { me, ok, page, route, type Route } from '../server/router.js';
import { routePoint } from '../systems/views.js';
import { own, type AgentState, type ShipState, type WaypointState } from '../world/world.js';
import { SHIP_TEMPLATES } from '../world/ship-types.js';
import { badRequest, GameError } from '../world/errors.js';
import { buildShip } from '../world/generate.js';

type S = components['schemas'];
type Ship = S['Ship'];

/** A new ship of the agent's, docked at `at`, named as the server names them: AGENT-1, AGENT-2… in hex. */
export function addShip(game: Game, agent: AgentState, type: S['ShipType'], at: WaypointState): Ship {
  const template = own(SHIP_TEMPLATES, type);
  if (!template) throw badRequest(`Ship type ${type} is not built in the sandbox.`);
  agent.shipCount += 1;
  const symbol = `${agent.symbol}-${agent.shipCount.toString(16).toUpperCase()}`;
  const ship = buildShip(symbol, template, agent.startingFaction, at, game.clock.now()) as Ship;
  game.world.ships[symbol] = { owner: agent.symbol, ship, cooldownUntil: 0, cooldownTotal: 0 };
  return structuredClone(ship);
}

export function shipsOf(game: Game, agent: AgentState): Ship[] {
  return Object.values(game.world.ships)
    .filter((state) => state.owner === agent.symbol)
    .map((state) => refresh(game, state));
}

/** A ship of the agent's, brought up to the present (arrival, cooldown); 404 for anyone else's. */
export function ownShip(game: Game, agent: AgentState, symbol: string): Ship {
  return refresh(game, shipState(game, agent, symbol));
}

/** The stored state (cooldown included) of a ship of the agent's. */
export function shipState(game: Game, agent: AgentState, symbol: string): ShipState {
  const state = own(game.world.ships, symbol.toUpperCase());
  if (!state || state.owner !== agent.symbol) throw new GameError(404, 404, `Ship ${symbol.toUpperCase()} not found.`);
  return state;
}

/** Arrival is lazy: a ship in transit is in orbit at its destination once its arrival time has passed. */
function refresh(game: Game, state: ShipState): Ship {
  const now = game.clock.now();
  const nav = state.ship.nav;
  if (nav.status === 'IN_TRANSIT' && Date.parse(nav.route.arrival) <= now) nav.status = 'IN_ORBIT';
  const remaining = Math.max(0, Math.ceil((state.cooldownUntil - now) / 1000));
  state.ship.cooldown = {
    shipSymbol: state.ship.symbol,
    totalSeconds: remaining > 0 ? state.cooldownTotal : 0,
    remainingSeconds: remaining,
    ...(remaining > 0 ? { expiration: new Date(state.cooldownUntil).toISOString() } : {}),
  };
  return state.ship;
}

/** The ship's nav once it moved from `from` to `to`, leaving at `departure` and arriving at `arrival` (epoch ms). */
export function movedNav(
  ship: Ship,
  from: WaypointState,
  to: WaypointState,
  status: S['ShipNavStatus'],
  departure: number,
  arrival: number,
): S['ShipNav'] {
  return {
    systemSymbol: to.systemSymbol,
    waypointSymbol: to.symbol,
    status,
    flightMode: ship.nav.flightMode,
    route: {
      origin: routePoint(from),
      destination: routePoint(to),
      departureTime: new Date(departure).toISOString(),
      arrival: new Date(arrival).toISOString(),
    },
  };
}

export function notInTransit(game: Game, ship: Ship): void {
  if (ship.nav.status !== 'IN_TRANSIT') return;
  const route = ship.nav.route;
  const seconds = Math.ceil((Date.parse(route.arrival) - game.clock.now()) / 1000);
  throw new GameError(
    400,
    4214,
    `Ship ${ship.symbol} is currently in-transit from ${route.origin.symbol} to ${route.destination.symbol} and arrives in ${seconds} seconds.`,
    {
      departureSymbol: route.origin.symbol,
      destinationSymbol: route.destination.symbol,
      arrival: route.arrival,
      departureTime: route.departureTime,
      secondsToArrival: Math.max(0, seconds),
    },
  );
}

/** Not in transit (4214), then in the state an action needs: 4236 unless in orbit, 4244 unless docked. */
function mustBe(game: Game, ship: Ship, status: 'IN_ORBIT' | 'DOCKED'): void {
  notInTransit(game, ship);
  if (ship.nav.status === status) return;
  const [code, state] = status === 'IN_ORBIT' ? [4236, 'in orbit'] : [4244, 'docked'];
  throw new GameError(
    400,
    code,
    `Ship action failed. Ship ${ship.symbol} is not currently ${state} at ${ship.nav.waypointSymbol}.`,
    { waypointSymbol: ship.nav.waypointSymbol },
  );
}

export const mustBeInOrbit = (game: Game, ship: Ship): void => mustBe(game, ship, 'IN_ORBIT');
export const mustBeDocked = (game: Game, ship: Ship): void => mustBe(game, ship, 'DOCKED');

/** The 4000 error if the ship is still cooling down from its last extraction, scan, jump… */
export function mustBeCool(game: Game, state: ShipState): void {
  const now = game.clock.now();
  if (state.cooldownUntil <= now) return;
  const remainingSeconds = Math.ceil((state.cooldownUntil - now) / 1000);
  throw new GameError(409, 4000, `Ship action is still on cooldown for ${remainingSeconds} second(s).`, {
    cooldown: {
      shipSymbol: state.ship.symbol,
      totalSeconds: state.cooldownTotal,
      remainingSeconds,
      expiration: new Date(state.cooldownUntil).toISOString(),
    },
  });
}

/** A ship of the agent's ready for an action with a cooldown: not in transit (and in orbit when `inOrbit`), cooled down. */
export function readyShip(game: Game, agent: AgentState, symbol: string, inOrbit: boolean) {
  const state = shipState(game, agent, symbol);
  const ship = refresh(game, state);
  if (inOrbit) mustBeInOrbit(game, ship);
  else notInTransit(game, ship);
  mustBeCool(game, state);
  return { ship, state };
}

/** Starts a cooldown of `seconds` game seconds (shorter in real time by the time scale) and returns it. */
export function startCooldown(game: Game, state: ShipState, seconds: number): S['Cooldown'] {
  const clock = game.clock;
  state.cooldownTotal = seconds;
  state.cooldownUntil = clock.now() + clock.scaled(seconds * 1000);
  return {
    shipSymbol: state.ship.symbol,
    totalSeconds: seconds,
    remainingSeconds: Math.ceil(clock.scaled(seconds * 1000) / 1000),
    expiration: new Date(state.cooldownUntil).toISOString(),
  };
}

/** Orbit and dock: idempotent, refused only in transit. */
function setStatus(game: Game, agent: AgentState, symbol: string, status: 'IN_ORBIT' | 'DOCKED') {
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  ship.nav.status = status;
  return { nav: ship.nav };
}

/** The fleet's reads, and orbit and dock. */
export const SHIP_ROUTES: Route[] = [
  route('GET', '/my/ships', (game, c) => page(shipsOf(game, me(game, c)), c)),
  route('GET', '/my/ships/{}', (game, c) => ok(ownShip(game, me(game, c), c.params[0]!))),
  route('GET', '/my/ships/{}/nav', (game, c) => ok(ownShip(game, me(game, c), c.params[0]!).nav)),
  route('GET', '/my/ships/{}/cargo', (game, c) => ok(ownShip(game, me(game, c), c.params[0]!).cargo)),
  route('GET', '/my/ships/{}/cooldown', (game, c) => {
    const { cooldown } = ownShip(game, me(game, c), c.params[0]!);
    return cooldown.remainingSeconds > 0 ? ok(cooldown) : { status: 204 };
  }),
  route('POST', '/my/ships/{}/orbit', (game, c) => ok(setStatus(game, me(game, c), c.params[0]!, 'IN_ORBIT'))),
  route('POST', '/my/ships/{}/dock', (game, c) => ok(setStatus(game, me(game, c), c.params[0]!, 'DOCKED'))),
];
