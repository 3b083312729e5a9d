import { ACCOUNT_ROUTES } from '../accounts.js';
import { AGENT_ROUTES } from '../agents.js';
import { CONTRACT_ROUTES } from '../contracts.js';
import { FACTION_ROUTES } from '../factions.js';
import { CARGO_ROUTES } from '../fleet/cargo.js';
import { EXTRACTION_ROUTES } from '../fleet/extraction.js';
import { JUMP_ROUTES } from '../fleet/jump.js';
import { NAVIGATION_ROUTES } from '../fleet/navigation.js';
import { OUTFITTING_ROUTES } from '../fleet/outfitting.js';
import { REFINING_ROUTES } from '../fleet/refining.js';
import { REFUEL_ROUTES } from '../fleet/refuel.js';
import { REPAIR_SCRAP_ROUTES } from '../fleet/repair-scrap.js';
import { SCAN_ROUTES } from '../fleet/scans.js';
import { SHIP_ROUTES } from '../fleet/ships.js';
import { GLOBAL_ROUTES } from '../global.js';
import { MARKET_ROUTES } from '../markets/markets.js';
import { SHIPYARD_ROUTES } from '../markets/shipyards.js';
import { CONSTRUCTION_ROUTES } from '../systems/construction.js';
import { SYSTEM_ROUTES } from '../systems/systems.js';
import { GameError } from '../world/errors.js';
import type { Route } from './router.js';

/** The game's HTTP surface, gathered from its subjects: the same paths, methods, statuses and envelopes as the real v2 API. */
const ROUTES: Route[] = [
  ...GLOBAL_ROUTES,
  ...ACCOUNT_ROUTES,
  ...AGENT_ROUTES,
  ...FACTION_ROUTES,
  ...CONTRACT_ROUTES,
  ...SHIP_ROUTES,
  ...NAVIGATION_ROUTES,
  ...JUMP_ROUTES,
  ...REFUEL_ROUTES,
  ...CARGO_ROUTES,
  ...EXTRACTION_ROUTES,
  ...REFINING_ROUTES,
  ...SCAN_ROUTES,
  ...OUTFITTING_ROUTES,
  ...REPAIR_SCRAP_ROUTES,
  ...SYSTEM_ROUTES,
  ...CONSTRUCTION_ROUTES,
  ...MARKET_ROUTES,
  ...SHIPYARD_ROUTES,
];

interface MethodTable {
  /** Paths without parameters, looked up whole. */
  exact: Map<string, Route>;
  /** Paths with parameters, tried in turn. */
  patterns: Array<{ route: Route; pattern: RegExp }>;
}

/** The routes by method: one map lookup for a fixed path (most reads), a short scan of patterns otherwise. */
const TABLE = new Map<string, MethodTable>();
for (const route of ROUTES) {
  let table = TABLE.get(route.method);
  if (!table) TABLE.set(route.method, (table = { exact: new Map(), patterns: [] }));
  if (!route.path.includes('{}')) {
    if (table.exact.has(route.path)) throw new Error(`two routes for ${route.method} ${route.path}`);
    table.exact.set(route.path, route);
  } else table.patterns.push({ route, pattern: new RegExp(`^${route.path.replaceAll('{}', '([^/]+)')}/?$`) });
}

/**
 * The route for `method path` (path under /v2, a trailing slash allowed) and its parameters,
 * percent-decoded; 400 when a parameter is not valid percent-encoding, as the real server answers.
 */
export function matchRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  const table = TABLE.get(method);
  if (!table) return undefined;
  const exact = table.exact.get(path.endsWith('/') ? path.slice(0, -1) : path);
  if (exact) return { route: exact, params: [] };
  for (const { route, pattern } of table.patterns) {
    const match = pattern.exec(path);
    if (match) return { route, params: match.slice(1).map(decodeParameter) };
  }
  return undefined;
}

function decodeParameter(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GameError(400, 400, `Malformed path: '${segment}' is not valid percent-encoding.`, { segment });
  }
}
