import type { Game } from './game.js';
import { ok, route, type Route } from './server/router.js';
import { ERROR_CODES, SERVER_VERSION, SUPPLY_CHAIN } from './world/reference.js';

/** The live server resets every two weeks; the status shows when the next reset falls. */
const RESET_INTERVAL_DAYS = 14;
/** How many agents the status's credits leaderboard lists. */
const LEADERBOARD_SIZE = 10;

/** GET /: the server's status, stats and leaderboard, in the real server's shape. */
function status(game: Game) {
  const world = game.world;
  const agents = Object.values(world.agents);
  const next = new Date(Date.parse(`${world.resetDate}T00:00:00Z`) + RESET_INTERVAL_DAYS * 86_400_000).toISOString();
  return {
    status: 'SpaceTraders is currently online and available to play (offline sandbox)',
    version: SERVER_VERSION,
    resetDate: world.resetDate,
    description: 'SpaceTraders sandbox: an offline, SpaceTraders-compatible server.',
    stats: {
      accounts: 1,
      agents: agents.length,
      ships: Object.keys(world.ships).length,
      systems: Object.keys(world.systems).length,
      waypoints: Object.keys(world.waypoints).length,
    },
    health: { lastMarketUpdate: game.timestamp() },
    leaderboards: {
      mostCredits: agents
        .sort((a, b) => b.credits - a.credits)
        .slice(0, LEADERBOARD_SIZE)
        .map((a) => ({ agentSymbol: a.symbol, credits: a.credits })),
      mostSubmittedCharts: [],
    },
    serverResets: { next, frequency: 'fortnightly' },
    announcements: [],
    links: [],
  };
}

/** The API's Global and Data subjects: status, error codes, the supply chain. None needs a token. */
export const GLOBAL_ROUTES: Route[] = [
  route('GET', '', (game) => ({ status: 200, body: status(game) })),
  route('GET', '/error-codes', () => ({ status: 200, body: { errorCodes: ERROR_CODES } })),
  route('GET', '/market/supply-chain', () => ok({ exportToImportMap: SUPPLY_CHAIN })),
];
