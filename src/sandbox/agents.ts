import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from './game.js';
import { me, ok, page, route, type Route } from './server/router.js';
import { GameError } from './world/errors.js';
import { own, type AgentState } from './world/world.js';

type S = components['schemas'];

/** An agent as anyone may see it: everything but the account it belongs to. */
function publicAgent(agent: AgentState): S['PublicAgent'] {
  const { symbol, headquarters, credits, startingFaction, shipCount } = agent;
  return { symbol, headquarters, credits, startingFaction, shipCount };
}

/** Newest first. */
function events(game: Game, agent: AgentState): S['AgentEvent'][] {
  return [...(game.world.events?.[agent.symbol] ?? [])].reverse();
}

/** Agents: your own (GET /my/agent, its events) and everyone's public view (GET /agents). */
export const AGENT_ROUTES: Route[] = [
  route('GET', '/my/agent', (game, c) => ok({ ...me(game, c) })),
  route('GET', '/my/agent/events', (game, c) => ok(events(game, me(game, c)))),
  route('GET', '/agents', (game, c) => page(Object.values(game.world.agents).map(publicAgent), c)),
  route('GET', '/agents/{}', (game, c) => {
    const agent = own(game.world.agents, c.params[0]!.toUpperCase());
    if (!agent) throw new GameError(404, 404, `Agent ${c.params[0]} not found.`);
    return ok(publicAgent(agent));
  }),
];
