import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from './game.js';
import type { AgentState } from './world.js';

type S = components['schemas'];

/** Reputation an agent starts with at its own faction; it has none with the others. */
const STARTING_REPUTATION = 100;

/** The agent's account, its standing with factions, and its recent events. */
export class Accounts {
  constructor(private readonly game: Game) {}

  account(agent: AgentState) {
    const createdAt = this.game.world.registeredAt?.[agent.symbol] ?? `${this.game.world.resetDate}T00:00:00.000Z`;
    return { account: { id: agent.accountId, email: null, createdAt } };
  }

  factions(agent: AgentState): Array<{ symbol: string; reputation: number }> {
    return [{ symbol: agent.startingFaction, reputation: STARTING_REPUTATION }];
  }

  /** Newest first. */
  events(agent: AgentState): S['AgentEvent'][] {
    return [...(this.game.world.events?.[agent.symbol] ?? [])].reverse();
  }
}
