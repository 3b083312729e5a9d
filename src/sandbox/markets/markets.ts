import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { addCargo, checkRoom, removeCargo } from '../fleet/cargo.js';
import { mustBeDocked, ownShip, shipsOf } from '../fleet/ships.js';
import type { Game } from '../game.js';
import { me, ok, optionalAgent, route, type Route } from '../server/router.js';
import { waypoint, waypointIn } from '../systems/systems.js';
import { TRADE_GOODS } from '../world/catalog.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, own, type AgentState, type WaypointState } from '../world/world.js';
import { prices } from './prices.js';

type S = components['schemas'];
type TradeType = 'PURCHASE' | 'SELL';

/*
 * The real server publishes no price model. The sandbox's: a good's price is its base price moved by
 * market pressure; every trade pushes the pressure (scarcer after purchases, more abundant after sales)
 * and it decays back towards zero over game time.
 */
/** How far a trade of one full trade volume moves the pressure (a smaller trade moves it in proportion). */
const PRICE_IMPACT = 0.2;
/** Market pressure halves every this many game milliseconds. */
const PRICE_RECOVERY_HALF_LIFE = 10 * 60_000;
/** Pressure stays within these bounds: a good is never free, nor dearer than twice its base. */
const MIN_PRESSURE = -0.5;
const MAX_PRESSURE = 1;

/** Prices drift back towards their base as game time passes. */
function recover(game: Game, good: { pressure: number; updatedAt: number }): void {
  const now = game.clock.now();
  const elapsed = now - good.updatedAt;
  if (elapsed > 0) good.pressure *= 0.5 ** (elapsed / game.clock.scaled(PRICE_RECOVERY_HALF_LIFE));
  good.updatedAt = now;
}

function marketView(waypoint: WaypointState, withPrices: boolean): S['Market'] {
  const goods = Object.entries(waypoint.market ?? {});
  const listed = (type: string) =>
    goods
      .filter(([, good]) => good.type === type)
      .map(([symbol]) => ({
        symbol: symbol as S['TradeSymbol'],
        name: TRADE_GOODS[symbol]?.name ?? symbol,
        description: symbol,
      }));
  const view: S['Market'] = {
    symbol: waypoint.symbol,
    exports: listed('EXPORT'),
    imports: listed('IMPORT'),
    exchange: listed('EXCHANGE'),
  };
  if (withPrices) {
    view.transactions = [];
    view.tradeGoods = goods.map(([symbol, good]) => {
      const { purchasePrice, sellPrice, supply } = prices(good);
      return {
        symbol: symbol as S['TradeSymbol'],
        type: good.type,
        tradeVolume: good.tradeVolume,
        supply,
        activity: 'GROWING',
        purchasePrice,
        sellPrice,
      };
    });
  }
  return view;
}

/** A market; its prices only while one of the agent's ships is there, as on the real server. */
function market(game: Game, agent: AgentState | undefined, systemSymbol: string, symbol: string): S['Market'] {
  const here = waypointIn(game, systemSymbol, symbol);
  if (!here.market)
    throw new GameError(404, 4603, `Market not found at ${here.symbol}.`, { waypointSymbol: here.symbol });
  for (const good of Object.values(here.market)) recover(game, good);
  const present =
    agent !== undefined &&
    shipsOf(game, agent).some((ship) => ship.nav.waypointSymbol === here.symbol && ship.nav.status !== 'IN_TRANSIT');
  return marketView(here, present);
}

/** 4600, with `message` and `data`, unless the agent can pay `totalPrice`. */
export function mustAfford(owner: AgentState, totalPrice: number, message: string, data: Record<string, unknown> = {}) {
  if (owner.credits < totalPrice)
    throw new GameError(400, 4600, message, { agentCredits: owner.credits, totalPrice, ...data });
}

/** The record of a market trade, as purchases, sales, refuels and a jump's antimatter answer it. */
export function marketTransaction(
  game: Game,
  here: WaypointState,
  shipSymbol: string,
  tradeSymbol: string,
  type: TradeType,
  units: number,
  pricePerUnit: number,
): S['MarketTransaction'] {
  const totalPrice = units * pricePerUnit;
  return {
    waypointSymbol: here.symbol,
    shipSymbol,
    tradeSymbol,
    type,
    units,
    pricePerUnit,
    totalPrice,
    timestamp: game.timestamp(),
  };
}

function trade(game: Game, agent: AgentState, symbol: string, body: unknown, type: TradeType) {
  const ship = ownShip(game, agent, symbol);
  const { symbol: tradeSymbol, units } = (body ?? {}) as { symbol?: unknown; units?: unknown };
  if (typeof tradeSymbol !== 'string' || typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
    throw badRequest('Request could not be processed due to an invalid payload.', {
      symbol: ['symbol and a positive integer units are required'],
    });
  }
  mustBeDocked(game, ship);
  const here = waypoint(game, ship.nav.waypointSymbol);
  if (!here.market)
    throw new GameError(400, 4603, `Market not found at ${here.symbol}.`, { waypointSymbol: here.symbol });
  const good = own(here.market, tradeSymbol);
  if (!good)
    throw new GameError(
      400,
      type === 'PURCHASE' ? 4601 : 4602,
      `Market ${here.symbol} does not trade ${tradeSymbol}.`,
      {
        waypointSymbol: here.symbol,
        tradeSymbol,
      },
    );
  if (units > good.tradeVolume)
    throw new GameError(
      400,
      4604,
      `Market transaction failed. Trade volume limit of ${good.tradeVolume} units exceeded.`,
      {
        waypointSymbol: here.symbol,
        tradeSymbol,
        units,
        tradeVolume: good.tradeVolume,
      },
    );
  recover(game, good);
  const owner = game.world.agents[agent.symbol]!;
  const quote = prices(good);
  const pricePerUnit = type === 'PURCHASE' ? quote.purchasePrice : quote.sellPrice;
  const totalPrice = pricePerUnit * units;
  const impact = (PRICE_IMPACT * units) / good.tradeVolume;
  if (type === 'PURCHASE') {
    const message = `Agent has insufficient funds: ${totalPrice} credits needed, ${owner.credits} available.`;
    mustAfford(owner, totalPrice, message, { tradeSymbol, units, purchasePrice: pricePerUnit });
    checkRoom(ship, tradeSymbol, units);
    owner.credits -= totalPrice;
    addCargo(ship, tradeSymbol, units);
    good.pressure = Math.min(MAX_PRESSURE, good.pressure + impact);
  } else {
    removeCargo(ship, tradeSymbol, units);
    owner.credits += totalPrice;
    good.pressure = Math.max(MIN_PRESSURE, good.pressure - impact);
  }
  good.updatedAt = game.clock.now();
  countAction(game.world, type === 'PURCHASE' ? 'purchase' : 'sell', ship.symbol);
  const transaction = marketTransaction(game, here, ship.symbol, tradeSymbol, type, units, pricePerUnit);
  return { agent: { ...owner }, cargo: ship.cargo, transaction };
}

/** Markets: what they trade and, with a ship there, at what price; buying and selling cargo. */
export const MARKET_ROUTES: Route[] = [
  route('GET', '/systems/{}/waypoints/{}/market', (game, c) =>
    ok(market(game, optionalAgent(game, c), c.params[0]!, c.params[1]!)),
  ),
  route('POST', '/my/ships/{}/purchase', (game, c) =>
    ok(trade(game, me(game, c), c.params[0]!, c.body, 'PURCHASE'), 201),
  ),
  route('POST', '/my/ships/{}/sell', (game, c) => ok(trade(game, me(game, c), c.params[0]!, c.body, 'SELL'), 201)),
];
