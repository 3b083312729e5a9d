import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { REFINED_OUTPUT_UNITS, REFINERIES, REFINING_INPUT, REFINING_INPUT_UNITS } from '../world/equipment.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, own, type AgentState } from '../world/world.js';
import { addCargo, removeCargo } from './cargo.js';
import { readyShip, startCooldown } from './ships.js';

type S = components['schemas'];

/** Seconds a refining run keeps the ship busy (the sandbox's choice: the server publishes no figure). */
const REFINE_COOLDOWN_SECONDS = 180;

/** One refining run: REFINING_INPUT_UNITS of a raw good into REFINED_OUTPUT_UNITS of its product. */
function refine(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const produce = (body as { produce?: unknown } | undefined)?.produce;
  const input = typeof produce === 'string' ? own(REFINING_INPUT, produce) : undefined;
  if (typeof produce !== 'string' || !input) {
    throw badRequest('Request could not be processed due to an invalid payload.', {
      produce: [`produce must be one of ${Object.keys(REFINING_INPUT).join(', ')}`],
    });
  }
  const { ship, state } = readyShip(game, agent, symbol, false);
  const refineries = ship.modules.filter((m) => own(REFINERIES, m.symbol));
  if (refineries.length === 0)
    throw new GameError(400, 4239, `Ship ${ship.symbol} has no refinery module installed.`, {
      shipSymbol: ship.symbol,
    });
  if (!refineries.some((m) => REFINERIES[m.symbol]!.includes(produce))) {
    throw new GameError(400, 4238, `Ship ${ship.symbol} has no refinery that can produce ${produce}.`, {
      shipSymbol: ship.symbol,
      produce,
      refineries: refineries.map((m) => m.symbol),
    });
  }
  removeCargo(ship, input, REFINING_INPUT_UNITS, 4219);
  addCargo(ship, produce, REFINED_OUTPUT_UNITS);
  const cooldown = startCooldown(game, state, REFINE_COOLDOWN_SECONDS);
  countAction(game.world, 'refine', ship.symbol);
  return {
    cargo: ship.cargo,
    cooldown,
    produced: [{ tradeSymbol: produce as S['TradeSymbol'], units: REFINED_OUTPUT_UNITS }],
    consumed: [{ tradeSymbol: input as S['TradeSymbol'], units: REFINING_INPUT_UNITS }],
  };
}

export const REFINING_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/refine', (game, c) => ok(refine(game, me(game, c), c.params[0]!, c.body), 201)),
];
