import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from './game.js';
import { me, ok, page, route, type Route } from './server/router.js';
import { notFound } from './world/errors.js';
import { own, type AgentState } from './world/world.js';

type S = components['schemas'];

/**
 * Reputation an agent starts with at its own faction; it has none with the others. The real server
 * publishes no starting figure: this is the sandbox's choice.
 */
const STARTING_REPUTATION = 100;

export function factionView(game: Game, symbol: string): S['Faction'] {
  const faction = own(game.world.factions, symbol);
  if (!faction) throw notFound(`Faction ${symbol}`);
  return {
    symbol: faction.symbol,
    name: faction.name,
    description: faction.name,
    headquarters: faction.headquarters,
    traits: [],
    isRecruiting: true,
  };
}

/** The agent's standing with the factions: only its starting faction knows it. */
function reputations(agent: AgentState): Array<{ symbol: string; reputation: number }> {
  return [{ symbol: agent.startingFaction, reputation: STARTING_REPUTATION }];
}

/** Factions: all of them (GET /factions), one, and your standing with them (GET /my/factions). */
export const FACTION_ROUTES: Route[] = [
  route('GET', '/factions', (game, c) =>
    page(
      Object.keys(game.world.factions).map((s) => factionView(game, s)),
      c,
    ),
  ),
  route('GET', '/factions/{}', (game, c) => ok(factionView(game, c.params[0]!.toUpperCase()))),
  route('GET', '/my/factions', (game, c) => page(reputations(me(game, c)), c)),
];
