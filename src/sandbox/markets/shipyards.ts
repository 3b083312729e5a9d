import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { addShip, shipsOf } from '../fleet/ships.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint, waypointIn } from '../systems/systems.js';
import { SHIP_TEMPLATES } from '../world/catalog.js';
import { MODIFICATIONS_FEE } from '../world/equipment.js';
import { badRequest, GameError } from '../world/errors.js';
import { stringField } from '../world/payload.js';
import { countAction, own, type AgentState } from '../world/world.js';

type S = components['schemas'];

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
  if (!shipsOf(game, agent).some((s) => s.nav.waypointSymbol === at.symbol && s.nav.status !== 'IN_TRANSIT')) {
    throw new GameError(400, 4245, `Agent ${agent.symbol} needs a ship at ${at.symbol} to buy from its shipyard.`, {
      waypointSymbol: at.symbol,
    });
  }
  const template = own(SHIP_TEMPLATES, shipType);
  if (!template) throw badRequest(`Ship type ${shipType} is not built in the sandbox.`);
  const owner = game.world.agents[agent.symbol]!;
  if (owner.credits < template.price)
    throw new GameError(400, 4216, `Agent has insufficient credits for ${shipType}: ${template.price} needed.`, {
      creditsAvailable: owner.credits,
      creditsNeeded: template.price,
    });
  owner.credits -= template.price;
  const ship = addShip(game, owner, shipType, at);
  countAction(game.world, 'buyShip', agent.symbol);
  const transaction = {
    waypointSymbol: at.symbol,
    shipSymbol: ship.symbol,
    shipType,
    price: template.price,
    agentSymbol: agent.symbol,
    timestamp: game.timestamp(),
  };
  return { agent: { ...owner }, ship, transaction };
}

/** Shipyards: what one builds (and its fee for outfitting), and buying a ship. */
export const SHIPYARD_ROUTES: Route[] = [
  route('GET', '/systems/{}/waypoints/{}/shipyard', (game, c) => {
    const yard = waypointIn(game, c.params[0]!, c.params[1]!);
    if (!yard.shipyard) throw new GameError(404, 404, `Shipyard not found at ${yard.symbol}.`);
    return ok({
      symbol: yard.symbol,
      shipTypes: yard.shipyard.map((type) => ({ type })),
      modificationsFee: MODIFICATIONS_FEE,
    });
  }),
  route('POST', '/my/ships', (game, c) => ok(buyShip(game, me(game, c), c.body), 201)),
];
