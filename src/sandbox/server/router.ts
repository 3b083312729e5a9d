import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { authenticate } from '../auth.js';
import type { Game } from '../game.js';
import { GameError } from '../world/errors.js';
import type { AgentState } from '../world/world.js';

type S = components['schemas'];

/** What a route's handler gets: the path's decoded parameters, the query, the parsed body, the caller's token. */
export interface RouteContext {
  params: string[];
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface Reply {
  status: number;
  body?: unknown;
}

type Handler = (game: Game, context: RouteContext) => Reply;

export interface Route {
  method: string;
  /** The path under /v2, `{}` for each parameter, e.g. `/my/ships/{}/navigate`. */
  path: string;
  handler: Handler;
}

/** Each subject of the API declares its routes beside its rules, with this. */
export const route = (method: string, path: string, handler: Handler): Route => ({ method, path, handler });

/** The `{data}` envelope of a success. */
export const ok = (data: unknown, status = 200): Reply => ({ status, body: { data } });

/** The agent whose token the request carries (401 otherwise). */
export const me = (game: Game, c: RouteContext): AgentState => authenticate(game, c.authorization);

/** The caller's agent when a token was sent (a market shows prices to agents with a ship there), else nobody. */
export const optionalAgent = (game: Game, c: RouteContext): AgentState | undefined =>
  c.authorization ? authenticate(game, c.authorization) : undefined;

/** Most items one page may hold, as the real server allows. */
const MAX_PAGE_LIMIT = 20;
const DEFAULT_PAGE_LIMIT = 10;

/** A `{data, meta}` page of `items`, by the query's `page` and `limit`. */
export function page<T>(items: T[], c: RouteContext): Reply {
  return { status: 200, body: paged(items, c.query) };
}

function paged<T>(items: T[], query: URLSearchParams): { data: T[]; meta: S['Meta'] } {
  const number = Number(query.get('page') ?? '1');
  const limit = Number(query.get('limit') ?? String(DEFAULT_PAGE_LIMIT));
  if (!Number.isInteger(number) || number < 1 || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new GameError(400, 400, 'Invalid pagination: page must be >= 1 and limit from 1 to 20.');
  }
  return {
    data: items.slice((number - 1) * limit, number * limit),
    meta: { total: items.length, page: number, limit },
  };
}
