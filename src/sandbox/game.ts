import { Random } from '../domain/random.js';
import type { SandboxClock } from './world/clock.js';
import type { TokenClaims } from './world/tokens.js';
import type { WorldState } from './world/world.js';

/**
 * The game's random streams: offsets of the world's seed, one per group of draws, so that a seeded
 * world plays the same however other groups draw. Survey and extract share one; contract offers have theirs.
 */
export const STREAMS = { operations: 17, siphon: 29, contracts: 37 } as const;

/**
 * What every subject of the game works on: the world state, the game clock, and the server's few
 * settings. The rules themselves live in one file per subject of the API (accounts, agents, fleet,
 * systems, markets, contracts…), as functions of a Game.
 */
export class Game {
  /** Tokens whose signature was already checked (the HMAC is most of a request's cost). */
  readonly verifiedTokens = new Map<string, TokenClaims>();
  private readonly streams = new Map<number, Random>();

  constructor(
    private current: WorldState,
    readonly clock: SandboxClock,
    /** When set, only this account token may register agents; otherwise any non-empty one. */
    readonly accountToken?: string,
  ) {}

  get world(): WorldState {
    return this.current;
  }

  /** A new world (layout, loaded state, reset): tokens are checked afresh against it. */
  set world(world: WorldState) {
    this.current = world;
    this.verifiedTokens.clear();
  }

  /** One of the game's deterministic random streams (seeded by the world's seed plus `stream`), made on first use. */
  random(stream: number): Random {
    let random = this.streams.get(stream);
    if (!random) this.streams.set(stream, (random = new Random(this.current.seed + stream)));
    return random;
  }

  /** The game clock's present as an ISO timestamp, as every response writes it. */
  timestamp(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
