import { distance, jumpCooldownSeconds } from '../../domain/navigation/flight-mode.js';
import type { Game } from '../game.js';
import { marketTransaction, mustAfford, recordTransaction } from '../markets/markets.js';
import { applyTrade, newGood, settle } from '../markets/economy.js';
import { prices } from '../markets/prices.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { TRADE_GOODS } from '../world/catalog.js';
import { badRequest, GameError } from '../world/errors.js';
import {
  countAction,
  countCredits,
  own,
  type AgentState,
  type MarketGoodState,
  type WaypointState,
} from '../world/world.js';
import { movedNav, mustBeCool, mustBeInOrbit, ownShip, shipState, startCooldown } from './ships.js';

/**
 * A jump costs one unit of antimatter, bought at the gate's market price; a gate with no market of its
 * own charges the catalogue's base price (the sandbox's choice, the server publishes no rule).
 */
function antimatter(gate: WaypointState): MarketGoodState {
  return gate.market?.ANTIMATTER ?? newGood('EXCHANGE', TRADE_GOODS.ANTIMATTER!.basePrice, 1, 0);
}

/** A jump through a built gate to one it connects to: instant, then a cooldown by the distance between the systems. */
function jump(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  const target = (body as { waypointSymbol?: unknown } | undefined)?.waypointSymbol;
  if (typeof target !== 'string')
    throw badRequest('Request could not be processed due to an invalid payload.', {
      waypointSymbol: ['waypointSymbol is required'],
    });
  mustBeInOrbit(game, ship);
  const state = shipState(game, agent, symbol);
  mustBeCool(game, state);
  const here = waypoint(game, ship.nav.waypointSymbol);
  const there = own(game.world.waypoints, target.toUpperCase());
  if (here.type !== 'JUMP_GATE')
    throw new GameError(400, 4254, `Ship ${ship.symbol} is not at a jump gate.`, { waypointSymbol: here.symbol });
  if (there?.type !== 'JUMP_GATE' || !here.gate?.includes(there.symbol))
    throw new GameError(400, 4255, `Jump gate ${here.symbol} has no connection to ${target.toUpperCase()}.`, {
      waypointSymbol: target.toUpperCase(),
    });
  for (const gate of [here, there])
    if (gate.isUnderConstruction)
      throw new GameError(400, gate === here ? 4256 : 4262, `Jump gate ${gate.symbol} is under construction.`, {
        waypointSymbol: gate.symbol,
      });
  settle(game, here);
  const cost = prices(antimatter(here)).purchasePrice;
  const owner = game.world.agents[agent.symbol]!;
  mustAfford(owner, cost, 'Agent has insufficient funds for the antimatter of the jump.');
  owner.credits -= cost;
  // At a gate whose market trades antimatter, the jump's unit is a purchase there like any other.
  if (here.market?.ANTIMATTER) applyTrade(here.market, 'ANTIMATTER', 'PURCHASE', 1);
  const systems = game.world.systems;
  const seconds = jumpCooldownSeconds(distance(systems[here.systemSymbol]!, systems[there.systemSymbol]!));
  const cooldown = startCooldown(game, state, seconds);
  const now = game.clock.now();
  ship.nav = movedNav(ship, here, there, 'IN_ORBIT', now, now);
  countAction(game.world, 'jump', ship.symbol);
  countCredits(game.world, agent.symbol, 'ANTIMATTER', -cost);
  const transaction = marketTransaction(game, here, ship.symbol, 'ANTIMATTER', 'PURCHASE', 1, cost);
  if (here.market) recordTransaction(here, transaction);
  return { nav: ship.nav, cooldown, transaction, agent: { ...owner } };
}

export const JUMP_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/jump', (game, c) => ok(jump(game, me(game, c), c.params[0]!, c.body))),
];
