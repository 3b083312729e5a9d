import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { addShip, shipsOf } from '../fleet/ships.js';
import type { Game } from '../game.js';
import { me, ok, optionalAgent, route, type Route } from '../server/router.js';
import { waypoint, waypointIn } from '../systems/systems.js';
import { MODIFICATIONS_FEE } from '../world/equipment.js';
import { badRequest, GameError } from '../world/errors.js';
import { stringField } from '../world/payload.js';
import { SHIP_TEMPLATES } from '../world/ship-types.js';
import { countAction, countCredits, own, type AgentState, type WaypointState } from '../world/world.js';
import { RECOVERY_HALF_LIFE_MS } from './economy.js';
import { supplyLabel } from './prices.js';

type S = components['schemas'];

/*
 * A shipyard's price for a type rises with each purchase and relaxes over time (ECONOMY.md §2).
 */
/** Each recent purchase raises the price this much: a probe went 20,012 → 20,496 → 21,032 (+2.4%, +2.6%; snap). */
const SHIP_PRICE_STEP = 0.025;
/** Recent purchases count half after this much game time. How fast yard prices decay is unknown (§2 "?"): the sandbox uses the markets' recovery half-life. */
const SHIP_SALES_HALF_LIFE_MS = RECOVERY_HALF_LIFE_MS;
/** A yard with no recent sales shows HIGH supply; each recent purchase one level less (the sandbox's labels). */
const SHIP_SUPPLY_AT_REST = 3;
/** Recent purchases a shipyard lists (the server's list length is not published; the sandbox keeps 20). */
const SHIP_TRANSACTIONS_KEPT = 20;

/** Recent purchases of `type` at the yard, decayed to the present. */
function recentPurchases(game: Game, yard: WaypointState, type: string): number {
  const sales = own(yard.shipSales, type);
  if (!sales) return 0;
  const now = game.clock.now();
  // A clock set back decays nothing, and the time it skips back over is not counted twice.
  if (now <= sales.updatedAt) return sales.purchases;
  sales.purchases *= 0.5 ** ((now - sales.updatedAt) / game.clock.scaled(SHIP_SALES_HALF_LIFE_MS));
  sales.updatedAt = now;
  return sales.purchases;
}

/** The yard's price for a ship type now. */
function shipPrice(game: Game, yard: WaypointState, type: S['ShipType'], base: number): number {
  return Math.round(base * (1 + SHIP_PRICE_STEP) ** recentPurchases(game, yard, type));
}

function present(game: Game, agent: AgentState | undefined, yard: WaypointState): boolean {
  return (
    agent !== undefined &&
    shipsOf(game, agent).some((ship) => ship.nav.waypointSymbol === yard.symbol && ship.nav.status !== 'IN_TRANSIT')
  );
}

/** A shipyard: its types always; its ships, prices and recent sales only while one of the agent's ships is there. */
function shipyard(game: Game, agent: AgentState | undefined, systemSymbol: string, symbol: string): S['Shipyard'] {
  const yard = waypointIn(game, systemSymbol, symbol);
  if (!yard.shipyard) throw new GameError(404, 404, `Shipyard not found at ${yard.symbol}.`);
  const view: S['Shipyard'] = {
    symbol: yard.symbol,
    shipTypes: yard.shipyard.map((type) => ({ type })),
    modificationsFee: MODIFICATIONS_FEE,
  };
  if (!present(game, agent, yard)) return view;
  view.transactions = structuredClone(yard.shipTransactions ?? []);
  view.ships = yard.shipyard.flatMap((type) => {
    const template = own(SHIP_TEMPLATES, type);
    if (!template) return [];
    const purchases = recentPurchases(game, yard, type);
    const ship = {
      type,
      symbol: type,
      name: template.name,
      description: template.name,
      supply: supplyLabel(SHIP_SUPPLY_AT_REST - purchases),
      activity: 'GROWING' as const,
      purchasePrice: shipPrice(game, yard, type, template.price),
      frame: structuredClone(template.frame),
      reactor: structuredClone(template.reactor),
      engine: structuredClone(template.engine),
      modules: structuredClone(template.modules),
      mounts: structuredClone(template.mounts),
      crew: { ...template.crew },
    };
    return [ship];
  });
  return view;
}

/** Buys a ship at a shipyard where one of the agent's ships is (POST /my/ships); it starts docked there. */
function buyShip(game: Game, agent: AgentState, body: unknown) {
  const shipType = stringField(body, 'shipType') as S['ShipType'];
  const at = waypoint(game, stringField(body, 'waypointSymbol'));
  if (!at.shipyard) throw new GameError(404, 404, `Shipyard not found at ${at.symbol}.`);
  if (!at.shipyard.includes(shipType))
    throw new GameError(400, 4246, `Shipyard ${at.symbol} does not sell ${shipType}.`, {
      waypointSymbol: at.symbol,
      shipType,
    });
  if (!present(game, agent, at)) {
    throw new GameError(400, 4245, `Agent ${agent.symbol} needs a ship at ${at.symbol} to buy from its shipyard.`, {
      waypointSymbol: at.symbol,
    });
  }
  const template = own(SHIP_TEMPLATES, shipType);
  if (!template) throw badRequest(`Ship type ${shipType} is not built in the sandbox.`);
  const owner = game.world.agents[agent.symbol]!;
  const price = shipPrice(game, at, shipType, template.price);
  if (owner.credits < price)
    throw new GameError(400, 4216, `Agent has insufficient credits for ${shipType}: ${price} needed.`, {
      creditsAvailable: owner.credits,
      creditsNeeded: price,
    });
  owner.credits -= price;
  const ship = addShip(game, owner, shipType, at);
  const sales = ((at.shipSales ??= {})[shipType] ??= { purchases: 0, updatedAt: game.clock.now() });
  sales.purchases += 1;
  countAction(game.world, 'buyShip', agent.symbol);
  countCredits(game.world, agent.symbol, 'SHIP', -price);
  const transaction = {
    waypointSymbol: at.symbol,
    shipSymbol: shipType,
    shipType,
    price,
    agentSymbol: agent.symbol,
    timestamp: game.timestamp(),
  };
  const list = (at.shipTransactions ??= []);
  list.push(transaction);
  if (list.length > SHIP_TRANSACTIONS_KEPT) list.splice(0, list.length - SHIP_TRANSACTIONS_KEPT);
  return { agent: { ...owner }, ship, transaction };
}

/** Shipyards: what one builds (and its fee for outfitting), and buying a ship. */
export const SHIPYARD_ROUTES: Route[] = [
  route('GET', '/systems/{}/waypoints/{}/shipyard', (game, c) =>
    ok(shipyard(game, optionalAgent(game, c), c.params[0]!, c.params[1]!)),
  ),
  route('POST', '/my/ships', (game, c) => ok(buyShip(game, me(game, c), c.body), 201)),
];
