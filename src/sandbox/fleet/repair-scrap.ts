import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { shipValue, wearingParts } from '../world/equipment.js';
import { GameError } from '../world/errors.js';
import { countAction, countCredits, recordEvent, type AgentState, type WaypointState } from '../world/world.js';
import { atShipyard } from './outfitting.js';
import { ownShip } from './ships.js';

type S = components['schemas'];
type Ship = S['Ship'];

/*
 * The real server publishes no repair or scrap prices. The sandbox's: both are shares of the ship's
 * value (the market base prices of its parts), by the condition of its frame, reactor and engine.
 */
/** A full repair costs this share of the ship's value for a ship at condition 0. */
const REPAIR_SHARE = 0.25;
/** Scrapping returns this share of the ship's value, scaled by its condition. */
const SCRAP_SHARE = 0.5;
/** Each point of condition a repair restores costs this much integrity ("as condition is repaired, integrity decreases"). */
const INTEGRITY_LOSS_PER_REPAIR = 0.1;

function repairQuote(game: Game, agent: AgentState, symbol: string) {
  return { transaction: quote(game, agent, symbol, 'repair').transaction };
}

function repair(game: Game, agent: AgentState, symbol: string) {
  const { ship, transaction } = quote(game, agent, symbol, 'repair');
  const owner = game.world.agents[agent.symbol]!;
  if (owner.credits < transaction.totalPrice) {
    throw new GameError(
      400,
      4265,
      `Agent has insufficient funds to repair ${ship.symbol}: ${transaction.totalPrice} credits needed, ${owner.credits} available.`,
      { agentCredits: owner.credits, totalPrice: transaction.totalPrice },
    );
  }
  owner.credits -= transaction.totalPrice;
  for (const part of wearingParts(ship)) {
    part.integrity = Math.max(0, round4(part.integrity - (1 - part.condition) * INTEGRITY_LOSS_PER_REPAIR));
    part.condition = 1;
  }
  countAction(game.world, 'repair', ship.symbol);
  countCredits(game.world, agent.symbol, 'REPAIR', -transaction.totalPrice);
  return { agent: { ...owner }, ship, transaction };
}

function scrapQuote(game: Game, agent: AgentState, symbol: string) {
  return { transaction: quote(game, agent, symbol, 'scrap').transaction };
}

function scrap(game: Game, agent: AgentState, symbol: string) {
  const { ship, here, transaction } = quote(game, agent, symbol, 'scrap');
  const owner = game.world.agents[agent.symbol]!;
  delete game.world.ships[ship.symbol];
  owner.credits += transaction.totalPrice;
  countAction(game.world, 'scrap', ship.symbol);
  countCredits(game.world, agent.symbol, 'SCRAP', transaction.totalPrice);
  recordEvent(
    game.world,
    agent.symbol,
    'SHIP_SCRAPPED',
    `Ship ${ship.symbol} was scrapped at ${here.symbol} for ${transaction.totalPrice} credits.`,
    { shipSymbol: ship.symbol, waypointSymbol: here.symbol, totalPrice: transaction.totalPrice },
    game.clock.now(),
  );
  return { agent: { ...owner }, transaction };
}

/**
 * What a shipyard charges to repair a ship (a share of its value, by the wear of its parts) or pays to
 * scrap it (a share of its value, by their condition). Needs the ship docked at a shipyard.
 */
function quote(
  game: Game,
  agent: AgentState,
  symbol: string,
  service: 'repair' | 'scrap',
): { ship: Ship; here: WaypointState; transaction: S['RepairTransaction'] } {
  const ship = ownShip(game, agent, symbol);
  const here = atShipyard(game, ship, service === 'repair' ? 4264 : 4263);
  const parts = wearingParts(ship);
  const condition = parts.reduce((sum, p) => sum + p.condition, 0) / parts.length;
  const share = service === 'repair' ? REPAIR_SHARE * (1 - condition) : SCRAP_SHARE * condition;
  const transaction = {
    waypointSymbol: here.symbol,
    shipSymbol: ship.symbol,
    totalPrice: Math.round(shipValue(ship) * share),
    timestamp: new Date(game.clock.now()).toISOString(),
  };
  return { ship, here, transaction };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Repairs and scrapping at a shipyard: a quote (GET) and the deed (POST). */
export const REPAIR_SCRAP_ROUTES: Route[] = [
  route('GET', '/my/ships/{}/repair', (game, c) => ok(repairQuote(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/repair', (game, c) => ok(repair(game, me(game, c), c.params[0]!))),
  route('GET', '/my/ships/{}/scrap', (game, c) => ok(scrapQuote(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/scrap', (game, c) => ok(scrap(game, me(game, c), c.params[0]!))),
];
