import { marketUnitsForFuel } from '../../domain/navigation/flight-mode.js';
import type { Game } from '../game.js';
import { applyTrade, settle } from '../markets/economy.js';
import { marketTransaction, mustAfford, recordTransaction } from '../markets/markets.js';
import { prices } from '../markets/prices.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, countCredits, type AgentState } from '../world/world.js';
import { mustBeDocked, ownShip } from './ships.js';

/** Refuels from the market where the ship is docked: FUEL bought by the market unit, each filling 100 of the tank. */
function refuel(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const ship = ownShip(game, agent, symbol);
  mustBeDocked(game, ship);
  const requested = (body as { units?: unknown } | undefined)?.units;
  if (requested !== undefined && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1)) {
    throw badRequest('Request could not be processed due to an invalid payload.', {
      units: ['units must be a positive integer'],
    });
  }
  const here = waypoint(game, ship.nav.waypointSymbol);
  const good = here.market?.FUEL;
  if (!good)
    throw new GameError(
      400,
      4226,
      `Ship ${ship.symbol} could not be refueled: the market at ${here.symbol} does not sell fuel.`,
      { waypointSymbol: here.symbol },
    );
  const room = ship.fuel.capacity - ship.fuel.current;
  const units = Math.min(requested ?? room, room);
  const marketUnits = marketUnitsForFuel(units);
  settle(game, here);
  const pricePerUnit = prices(good).purchasePrice;
  const totalPrice = marketUnits * pricePerUnit;
  const owner = game.world.agents[agent.symbol]!;
  mustAfford(
    owner,
    totalPrice,
    `Agent has insufficient funds to refuel: ${totalPrice} credits needed, ${owner.credits} available.`,
    { tradeSymbol: 'FUEL', units: marketUnits, purchasePrice: pricePerUnit },
  );
  owner.credits -= totalPrice;
  ship.fuel.current += units;
  // A refuel is a purchase of FUEL like any other: it moves the market (no trade-volume limit applies to it).
  if (marketUnits > 0) applyTrade(here.market!, 'FUEL', 'PURCHASE', marketUnits);
  countAction(game.world, 'refuel', ship.symbol);
  countCredits(game.world, agent.symbol, 'FUEL', -totalPrice);
  const transaction = marketTransaction(game, here, ship.symbol, 'FUEL', 'PURCHASE', marketUnits, pricePerUnit);
  recordTransaction(here, transaction);
  return { agent: { ...owner }, fuel: ship.fuel, cargo: ship.cargo, transaction };
}

export const REFUEL_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/refuel', (game, c) => ok(refuel(game, me(game, c), c.params[0]!, c.body))),
];
