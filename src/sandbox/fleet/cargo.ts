import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { TRADE_GOODS } from '../world/catalog.js';
import { GameError } from '../world/errors.js';
import { stringField, unitsField } from '../world/payload.js';
import { countAction, own, type AgentState } from '../world/world.js';
import { notInTransit, ownShip } from './ships.js';

type S = components['schemas'];

/** The cargo rules every operation that fills or empties a hold shares, then jettison and transfer. */

export function addCargo(ship: S['Ship'], symbol: string, units: number): void {
  const item = ship.cargo.inventory.find((i) => i.symbol === symbol);
  if (item) item.units += units;
  else
    ship.cargo.inventory.push({
      symbol: symbol as S['TradeSymbol'],
      name: TRADE_GOODS[symbol]?.name ?? symbol,
      description: symbol,
      units,
    });
  ship.cargo.units += units;
}

/** Throws (changing nothing) unless the ship holds `units` of `symbol`: `code` 4218 by default, as jettison and delivery answer. */
export function checkCargo(ship: S['Ship'], symbol: string, units: number, code = 4218): void {
  const held = ship.cargo.inventory.find((i) => i.symbol === symbol)?.units ?? 0;
  if (held >= units) return;
  const message =
    code === 4218
      ? `Ship ${ship.symbol} does not have ${units} units of ${symbol}.`
      : `Failed to update ship cargo. Ship ${ship.symbol} cargo does not contain ${units} unit(s) of ${symbol}. Ship has ${held} unit(s) of ${symbol}.`;
  throw new GameError(400, code, message, {
    shipSymbol: ship.symbol,
    tradeSymbol: symbol,
    cargoUnits: held,
    unitsToRemove: units,
  });
}

export function removeCargo(ship: S['Ship'], symbol: string, units: number, code = 4218): void {
  checkCargo(ship, symbol, units, code);
  const item = ship.cargo.inventory.find((i) => i.symbol === symbol)!;
  item.units -= units;
  ship.cargo.units -= units;
  ship.cargo.inventory = ship.cargo.inventory.filter((i) => i.units > 0);
}

/** Throws 4217 unless the ship has room for `units` more. */
export function checkRoom(ship: S['Ship'], symbol: string, units: number, capacity = ship.cargo.capacity): void {
  if (ship.cargo.units + units > capacity) {
    throw new GameError(400, 4217, `Ship ${ship.symbol} cargo would exceed its capacity of ${capacity}.`, {
      shipSymbol: ship.symbol,
      tradeSymbol: symbol,
      cargoUnits: units,
      cargoCapacity: capacity,
    });
  }
}

function jettison(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  removeCargo(ship, stringField(body, 'symbol'), unitsField(body));
  return { cargo: ship.cargo };
}

/** Moves cargo between two of the agent's ships at the same waypoint, both docked or both in orbit. */
function transfer(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const tradeSymbol = stringField(body, 'tradeSymbol');
  const units = unitsField(body);
  const targetSymbol = stringField(body, 'shipSymbol');
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  if (targetSymbol === ship.symbol)
    throw new GameError(400, 4233, `Ship ${ship.symbol} cannot transfer cargo to itself.`, {
      shipSymbol: ship.symbol,
    });
  const targetState = own(game.world.ships, targetSymbol);
  if (!targetState)
    throw new GameError(404, 4231, `Ship ${targetSymbol} to transfer cargo to was not found.`, {
      shipSymbol: targetSymbol,
    });
  if (targetState.owner !== agent.symbol)
    throw new GameError(400, 4232, `Ship ${targetSymbol} belongs to another agent.`, {
      shipSymbol: targetSymbol,
      agentSymbol: agent.symbol,
    });
  const target = ownShip(game, agent, targetSymbol);
  if (target.nav.status === 'IN_TRANSIT' || target.nav.waypointSymbol !== ship.nav.waypointSymbol) {
    throw new GameError(
      400,
      4234,
      `Ship ${target.symbol} is not at ${ship.nav.waypointSymbol}, where ${ship.symbol} is.`,
      {
        shipSymbol: ship.symbol,
        targetShipSymbol: target.symbol,
        waypointSymbol: ship.nav.waypointSymbol,
        targetWaypointSymbol: target.nav.waypointSymbol,
      },
    );
  }
  if (target.nav.status !== ship.nav.status) {
    throw new GameError(
      400,
      4271,
      `Ships ${ship.symbol} and ${target.symbol} must both be docked or both be in orbit to transfer cargo.`,
      {
        shipSymbol: ship.symbol,
        shipStatus: ship.nav.status,
        targetShipSymbol: target.symbol,
        targetShipStatus: target.nav.status,
      },
    );
  }
  checkCargo(ship, tradeSymbol, units);
  checkRoom(target, tradeSymbol, units);
  removeCargo(ship, tradeSymbol, units);
  addCargo(target, tradeSymbol, units);
  countAction(game.world, 'transfer', ship.symbol);
  countAction(game.world, 'transferredUnits', ship.symbol, units);
  return { cargo: ship.cargo, targetCargo: target.cargo };
}

export const CARGO_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/jettison', (game, c) => ok(jettison(game, me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/transfer', (game, c) => ok(transfer(game, me(game, c), c.params[0]!, c.body))),
];
