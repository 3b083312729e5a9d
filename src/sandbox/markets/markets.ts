import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { addCargo, checkRoom, removeCargo } from '../fleet/cargo.js';
import { mustBeDocked, ownShip, shipsOf } from '../fleet/ships.js';
import type { Game } from '../game.js';
import { me, ok, optionalAgent, route, type Route } from '../server/router.js';
import { waypoint, waypointIn } from '../systems/systems.js';
import { TRADE_GOODS } from '../world/catalog.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, countCredits, own, type AgentState, type WaypointState } from '../world/world.js';
import { activityOf, applyTrade, settle } from './economy.js';
import { prices } from './prices.js';

type S = components['schemas'];
type TradeType = 'PURCHASE' | 'SELL';

/** Recent trades a market lists: the server's list length is not published (ECONOMY.md §1 "[?]"); the sandbox keeps 20. */
const TRANSACTIONS_KEPT = 20;

/** Files a trade in the market's recent transactions. */
export function recordTransaction(here: WaypointState, transaction: S['MarketTransaction']): void {
  const list = (here.transactions ??= []);
  list.push(transaction);
  if (list.length > TRANSACTIONS_KEPT) list.splice(0, list.length - TRANSACTIONS_KEPT);
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
    view.transactions = structuredClone(waypoint.transactions ?? []);
    view.tradeGoods = goods.map(([symbol, good]) => {
      const { purchasePrice, sellPrice, supply } = prices(good);
      const activity = activityOf(waypoint.market!, symbol);
      return {
        symbol: symbol as S['TradeSymbol'],
        type: good.type,
        tradeVolume: good.tradeVolume,
        supply,
        ...(activity ? { activity } : {}),
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
  settle(game, here);
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
  settle(game, here);
  if (units > good.tradeVolume)
    throw new GameError(
      400,
      4604,
      `Trade good ${tradeSymbol} has a limit of ${good.tradeVolume} units per transaction.`,
      {
        waypointSymbol: here.symbol,
        tradeSymbol,
        units,
        tradeVolume: good.tradeVolume,
      },
    );
  const owner = game.world.agents[agent.symbol]!;
  const quote = prices(good);
  const pricePerUnit = type === 'PURCHASE' ? quote.purchasePrice : quote.sellPrice;
  const totalPrice = pricePerUnit * units;
  if (type === 'PURCHASE') {
    const message = `Agent has insufficient funds: ${totalPrice} credits needed, ${owner.credits} available.`;
    mustAfford(owner, totalPrice, message, { tradeSymbol, units, purchasePrice: pricePerUnit });
    checkRoom(ship, tradeSymbol, units);
    owner.credits -= totalPrice;
    addCargo(ship, tradeSymbol, units);
  } else {
    removeCargo(ship, tradeSymbol, units);
    owner.credits += totalPrice;
  }
  applyTrade(here.market, tradeSymbol, type, units);
  countAction(game.world, type === 'PURCHASE' ? 'purchase' : 'sell', ship.symbol);
  countAction(game.world, type === 'PURCHASE' ? 'purchasedUnits' : 'soldUnits', ship.symbol, units);
  countCredits(
    game.world,
    agent.symbol,
    type === 'PURCHASE' ? 'PURCHASE' : 'SALE',
    type === 'PURCHASE' ? -totalPrice : totalPrice,
  );
  const transaction = marketTransaction(game, here, ship.symbol, tradeSymbol, type, units, pricePerUnit);
  recordTransaction(here, transaction);
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
