import { ValidationError } from '../errors.js';
import { domainEvent, type EventOf } from '../events.js';

const AGENT_SYMBOL = /^[A-Za-z0-9_-]{3,14}$/;

/** Agent symbols as the server accepts them: 3–14 of A–Z, 0–9, '-' and '_', stored uppercase. */
export function normalizeAgentSymbol(symbol: string): string {
  const trimmed = symbol.trim();
  if (!AGENT_SYMBOL.test(trimmed)) {
    throw new ValidationError(`invalid agent symbol "${symbol}": use 3-14 characters from A-Z, 0-9, '-' and '_'`);
  }
  return trimmed.toUpperCase();
}

export type PlayerMetadata = Record<string, unknown>;

export interface PlayerState {
  agentSymbol: string;
  token: string;
  /** True when this bot registered the agent with the account token (it can re-register it). */
  accountRegistered: boolean;
  faction: string | null;
  headquarters: string | null;
  credits: number | null;
  metadata: PlayerMetadata;
  /** The server was reset since the token was issued: every call with it fails until re-registration. */
  tokenStale: boolean;
  createdAt: number;
  lastActiveAt: number;
}

export interface AgentSnapshot {
  symbol: string;
  headquarters: string;
  credits: number;
  startingFaction: string;
}

/**
 * A SpaceTraders agent this bot can act for. Holds its token; views of it never do. A player read
 * from storage remembers the state it was read as, so that storing it changes only what this use
 * case changed: two processes updating the same player at once never undo each other.
 */
export class Player {
  private constructor(
    private state: PlayerState,
    private readonly loaded: PlayerState | null,
  ) {}

  /** A player as stored; `loaded` is the stored state its changes are relative to (null: not stored yet). */
  static restore(state: PlayerState, loaded: PlayerState | null = state): Player {
    return new Player({ ...state, metadata: { ...state.metadata } }, loaded);
  }

  /** An agent just created with POST /register. */
  static registered(
    agent: AgentSnapshot,
    token: string,
    now: number,
  ): { player: Player; event: EventOf<'PlayerRegistered'> } {
    const player = Player.fromAgent(agent, token, true, now);
    return {
      player,
      event: domainEvent('PlayerRegistered', { agentSymbol: agent.symbol, faction: agent.startingFaction }, now),
    };
  }

  /** An existing agent brought in with its token (verified against GET /my/agent). */
  static imported(
    agent: AgentSnapshot,
    token: string,
    now: number,
  ): { player: Player; event: EventOf<'PlayerImported'> } {
    const player = Player.fromAgent(agent, token, false, now);
    return {
      player,
      event: domainEvent('PlayerImported', { agentSymbol: agent.symbol, faction: agent.startingFaction }, now),
    };
  }

  private static fromAgent(agent: AgentSnapshot, token: string, accountRegistered: boolean, now: number): Player {
    return new Player(
      {
        agentSymbol: agent.symbol,
        token,
        accountRegistered,
        faction: agent.startingFaction,
        headquarters: agent.headquarters,
        credits: agent.credits,
        metadata: {},
        tokenStale: false,
        createdAt: now,
        lastActiveAt: now,
      },
      null,
    );
  }

  get agentSymbol(): string {
    return this.state.agentSymbol;
  }

  get token(): string {
    return this.state.token;
  }

  snapshot(): PlayerState {
    return { ...this.state, metadata: { ...this.state.metadata } };
  }

  /** The stored state this player's changes are relative to; null for a player not stored yet. */
  loadedState(): PlayerState | null {
    return this.loaded;
  }

  /** A fresh token for the same agent after a server reset (keeps metadata and creation time). */
  reregistered(agent: AgentSnapshot, token: string, now: number): EventOf<'PlayerReregistered'> {
    this.state = {
      ...Player.fromAgent(agent, token, true, now).state,
      metadata: this.state.metadata,
      createdAt: this.state.createdAt,
    };
    return domainEvent('PlayerReregistered', { agentSymbol: agent.symbol }, now);
  }

  /** Shallow-merge metadata; a key set to null is removed. */
  updateMetadata(changes: PlayerMetadata, now: number): EventOf<'PlayerMetadataUpdated'> {
    const merged: PlayerMetadata = { ...this.state.metadata };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    this.state = { ...this.state, metadata: merged, lastActiveAt: now };
    return domainEvent(
      'PlayerMetadataUpdated',
      { agentSymbol: this.state.agentSymbol, keys: Object.keys(changes) },
      now,
    );
  }

  markTokenStale(now: number): EventOf<'PlayerTokenStale'> {
    this.state = { ...this.state, tokenStale: true };
    return domainEvent('PlayerTokenStale', { agentSymbol: this.state.agentSymbol }, now);
  }

  recordAgent(agent: AgentSnapshot, now: number): void {
    this.state = { ...this.state, credits: agent.credits, headquarters: agent.headquarters, lastActiveAt: now };
  }
}

/**
 * This player's changes since `loaded`, replayed onto `current` (what storage holds now): fields it
 * changed take its value, the others keep current's; metadata merges key by key, a key it removed
 * is removed. Two concurrent updates of different keys (or fields) both survive.
 */
export function rebasePlayerState(current: PlayerState, loaded: PlayerState, mine: PlayerState): PlayerState {
  const merged = { ...current, metadata: { ...current.metadata } };
  for (const field of Object.keys(mine) as (keyof PlayerState)[]) {
    if (field !== 'metadata' && mine[field] !== loaded[field]) Object.assign(merged, { [field]: mine[field] });
  }
  for (const key of new Set([...Object.keys(loaded.metadata), ...Object.keys(mine.metadata)])) {
    if (JSON.stringify(mine.metadata[key]) === JSON.stringify(loaded.metadata[key])) continue;
    if (key in mine.metadata) merged.metadata[key] = mine.metadata[key];
    else delete merged.metadata[key];
  }
  return merged;
}
