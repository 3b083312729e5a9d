import type { Game } from './game.js';
import { GameError } from './world/errors.js';
import { verifyToken } from './world/tokens.js';
import { own, type AgentState } from './world/world.js';

/** At most this many verified tokens are remembered (a sandbox has a few agents; this bounds a flood of fakes). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearer(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return match?.[1]?.trim() || undefined;
}

/** The agent a request's bearer token belongs to; 401 as the real server words it otherwise. */
export function authenticate(game: Game, authorization: string | undefined): AgentState {
  const token = bearer(authorization);
  if (!token)
    throw new GameError(
      401,
      401,
      'Missing authorization token. Please provide a valid agent token in the Authorization header.',
    );
  let claims = game.verifiedTokens.get(token);
  if (!claims) {
    claims = verifyToken(token, game.world.secret);
    if (claims && game.verifiedTokens.size < VERIFIED_TOKENS_KEPT) game.verifiedTokens.set(token, claims);
  }
  if (!claims) throw new GameError(401, 401, 'Failed to parse token. Token is invalid or malformed.');
  if (claims.reset_date !== game.world.resetDate) {
    throw new GameError(
      401,
      401,
      'Failed to parse token. Token reset_date does not match the server. Server resets happen on a weekly to bi-weekly frequency during beta. Please register a new agent.',
      { expected: game.world.resetDate, actual: claims.reset_date },
    );
  }
  const agent = own(game.world.agents, claims.identifier);
  if (!agent) throw new GameError(401, 401, 'Failed to parse token. Agent not found.');
  return agent;
}
