import { randomUUID } from 'node:crypto';
import { bearer } from './auth.js';
import { offerContract } from './contract-offers.js';
import { factionView } from './factions.js';
import { addShip } from './fleet/ships.js';
import type { Game } from './game.js';
import { me, ok, route, type Route } from './server/router.js';
import { waypoint } from './systems/systems.js';
import { RECRUITING_FACTIONS } from './world/catalog.js';
import { badRequest, GameError } from './world/errors.js';
import { SERVER_VERSION } from './world/reference.js';
import { signToken } from './world/tokens.js';
import { own, type AgentState } from './world/world.js';

/** Agent symbols the real server accepts: 3 to 14 letters, digits, - and _. */
const AGENT_SYMBOL = /^[A-Za-z0-9_-]{3,14}$/;
/** Credits a new agent starts with, as on the live server (v2.3). */
const STARTING_CREDITS = 175_000;

/** Accounts: registering an agent (POST /register) and the account it belongs to (GET /my/account). */
function register(game: Game, authorization: string | undefined, body: unknown) {
  const account = bearer(authorization);
  if (!account || (game.accountToken !== undefined && account !== game.accountToken)) {
    throw new GameError(
      401,
      4100,
      'Missing or invalid account token in request. Generate an account token at my.spacetraders.io.',
    );
  }
  const { symbol, faction } = (body ?? {}) as { symbol?: unknown; faction?: unknown };
  if (typeof symbol !== 'string' || !AGENT_SYMBOL.test(symbol)) {
    throw badRequest('Request could not be processed due to an invalid payload.', {
      symbol: ['symbol must be 3-14 characters of A-Z, 0-9, - and _'],
    });
  }
  if (typeof faction !== 'string')
    throw badRequest('Request could not be processed due to an invalid payload.', {
      faction: ['faction is required'],
    });
  const world = game.world;
  const agentSymbol = symbol.toUpperCase();
  const factionState = own(world.factions, faction.toUpperCase());
  if (!factionState) {
    throw new GameError(
      400,
      4112,
      `Faction ${faction.toUpperCase()} is not recruiting new agents. Recruiting: ${RECRUITING_FACTIONS.map((f) => f.symbol).join(', ')}.`,
    );
  }
  if (own(world.agents, agentSymbol))
    throw new GameError(409, 4111, `Agent symbol ${agentSymbol} has already been claimed.`, { agentSymbol });

  const hq = waypoint(game, factionState.headquarters);
  const agent: AgentState = {
    accountId: randomUUID(),
    symbol: agentSymbol,
    headquarters: hq.symbol,
    credits: STARTING_CREDITS,
    startingFaction: factionState.symbol,
    shipCount: 0,
  };
  world.agents[agentSymbol] = agent;
  (world.registeredAt ??= {})[agentSymbol] = game.timestamp();
  const ships = [addShip(game, agent, 'SHIP_COMMAND_FRIGATE', hq), addShip(game, agent, 'SHIP_PROBE', hq)];
  const contract = offerContract(game, agent.symbol, agent.startingFaction, hq.systemSymbol, hq.symbol);
  const token = signToken(
    {
      identifier: agentSymbol,
      version: SERVER_VERSION,
      reset_date: world.resetDate,
      iat: Math.floor(Date.now() / 1000),
      sub: 'agent-token',
    },
    world.secret,
  );
  return { token, agent: { ...agent }, faction: factionView(game, factionState.symbol), contract, ships };
}

function account(game: Game, agent: AgentState) {
  const createdAt = game.world.registeredAt?.[agent.symbol] ?? `${game.world.resetDate}T00:00:00.000Z`;
  return { account: { id: agent.accountId, email: null, createdAt } };
}

export const ACCOUNT_ROUTES: Route[] = [
  route('POST', '/register', (game, c) => ok(register(game, c.authorization, c.body), 201)),
  route('GET', '/my/account', (game, c) => ok(account(game, me(game, c)))),
];
