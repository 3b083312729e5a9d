import { Accounts } from './account.js';
import { Construction } from './construction.js';
import { MODIFICATIONS_FEE } from './equipment.js';
import { GameError } from './errors.js';
import { Exploration } from './exploration.js';
import type { Game } from './game.js';
import { Industry } from './industry.js';
import { Operations } from './operations.js';
import { Outfitting } from './outfitting.js';
import { ERROR_CODES, SUPPLY_CHAIN } from './reference.js';
import { paged, systemView, visibleTraits, waypointView } from './views.js';

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
  pattern: RegExp;
  handler: Handler;
}

const SEG = '([^/]+)';
const route = (method: string, path: string, handler: Handler): Route => ({
  method,
  pattern: new RegExp(`^${path.replaceAll('{}', SEG)}/?$`),
  handler,
});
const ok = (data: unknown, status = 200): Reply => ({ status, body: { data } });
const me = (game: Game, c: RouteContext) => game.authenticate(c.authorization);

/** The game's HTTP surface: the same paths, methods, statuses and envelopes as the real v2 API. */
export const ROUTES: Route[] = [
  route('GET', '', (game) => {
    const agents = Object.values(game.world.agents);
    const next = new Date(Date.parse(`${game.world.resetDate}T00:00:00Z`) + 14 * 86_400_000).toISOString();
    return {
      status: 200,
      body: {
        status: 'SpaceTraders is currently online and available to play (offline sandbox)',
        version: 'v2.3.0',
        resetDate: game.world.resetDate,
        description: 'SpaceTraders sandbox: an offline, SpaceTraders-compatible server.',
        stats: {
          accounts: 1,
          agents: agents.length,
          ships: Object.keys(game.world.ships).length,
          systems: Object.keys(game.world.systems).length,
          waypoints: Object.keys(game.world.waypoints).length,
        },
        health: { lastMarketUpdate: new Date(game.clock.now()).toISOString() },
        leaderboards: {
          mostCredits: agents
            .sort((a, b) => b.credits - a.credits)
            .slice(0, 10)
            .map((a) => ({ agentSymbol: a.symbol, credits: a.credits })),
          mostSubmittedCharts: [],
        },
        serverResets: { next, frequency: 'fortnightly' },
        announcements: [],
        links: [],
      },
    };
  }),
  route('POST', '/register', (game, c) => ok(game.register(c.authorization, c.body), 201)),
  route('GET', '/my/agent', (game, c) => ok({ ...me(game, c) })),
  route('GET', '/agents', (game, c) => page(Object.values(game.world.agents).map(publicAgent), c)),
  route('GET', '/agents/{}', (game, c) => {
    const agent = game.world.agents[c.params[0]!.toUpperCase()];
    if (!agent) throw new GameError(404, 404, `Agent ${c.params[0]} not found.`);
    return ok(publicAgent(agent));
  }),
  route('GET', '/factions', (game, c) =>
    page(
      Object.keys(game.world.factions).map((s) => game.factionView(s)),
      c,
    ),
  ),
  route('GET', '/factions/{}', (game, c) => ok(game.factionView(c.params[0]!.toUpperCase()))),
  route('GET', '/my/ships', (game, c) => page(game.shipsOf(me(game, c)), c)),
  route('GET', '/my/ships/{}', (game, c) => ok(game.ship(me(game, c), c.params[0]!))),
  route('GET', '/my/ships/{}/nav', (game, c) => ok(game.ship(me(game, c), c.params[0]!).nav)),
  route('GET', '/my/ships/{}/cargo', (game, c) => ok(game.ship(me(game, c), c.params[0]!).cargo)),
  route('GET', '/my/ships/{}/cooldown', (game, c) => {
    const cooldown = game.cooldown(me(game, c), c.params[0]!);
    return cooldown ? ok(cooldown) : { status: 204 };
  }),
  route('POST', '/my/ships/{}/orbit', (game, c) => ok(game.orbit(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/dock', (game, c) => ok(game.dock(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/navigate', (game, c) => ok(game.navigate(me(game, c), c.params[0]!, c.body))),
  route('PATCH', '/my/ships/{}/nav', (game, c) => ok(game.setFlightMode(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/jump', (game, c) => ok(game.jump(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/refuel', (game, c) => ok(game.refuel(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/purchase', (game, c) =>
    ok(game.trade(me(game, c), c.params[0]!, c.body, 'PURCHASE'), 201),
  ),
  route('POST', '/my/ships/{}/sell', (game, c) => ok(game.trade(me(game, c), c.params[0]!, c.body, 'SELL'), 201)),
  route('POST', '/my/ships', (game, c) => ok(ops(game).buyShip(me(game, c), c.body), 201)),
  route('POST', '/my/ships/{}/warp', (game, c) => ok(ops(game).warp(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/jettison', (game, c) => ok(ops(game).jettison(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/ships/{}/survey', (game, c) => ok(ops(game).survey(me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/extract', (game, c) => ok(ops(game).extract(me(game, c), c.params[0]!, c.body), 201)),
  route('POST', '/my/ships/{}/extract/survey', (game, c) =>
    ok(ops(game).extract(me(game, c), c.params[0]!, { survey: c.body }), 201),
  ),
  route('POST', '/my/ships/{}/negotiate/contract', (game, c) =>
    ok(ops(game).negotiate(me(game, c), c.params[0]!), 201),
  ),
  route('POST', '/my/contracts/{}/deliver', (game, c) => ok(ops(game).deliver(me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/contracts/{}/fulfill', (game, c) => ok(ops(game).fulfill(me(game, c), c.params[0]!))),
  route('GET', '/my/contracts', (game, c) => page(game.contractsOf(me(game, c)), c)),
  route('GET', '/my/contracts/{}', (game, c) => ok(game.contract(me(game, c), c.params[0]!))),
  route('POST', '/my/contracts/{}/accept', (game, c) => ok(game.acceptContract(me(game, c), c.params[0]!))),
  route('GET', '/systems', (game, c) =>
    page(
      Object.values(game.world.systems).map((s) => systemView(game.world, s)),
      c,
    ),
  ),
  route('GET', '/systems/{}', (game, c) => {
    const system = game.world.systems[c.params[0]!.toUpperCase()];
    if (!system) throw new GameError(404, 404, `System ${c.params[0]!.toUpperCase()} not found.`);
    return ok(systemView(game.world, system));
  }),
  route('GET', '/systems/{}/waypoints', (game, c) => {
    const system = game.world.systems[c.params[0]!.toUpperCase()];
    if (!system) throw new GameError(404, 404, `System ${c.params[0]!.toUpperCase()} not found.`);
    const type = c.query.get('type');
    const traits = c.query.getAll('traits').flatMap((t) => t.split(','));
    const waypoints = system.waypoints
      .map((symbol) => game.world.waypoints[symbol]!)
      .filter((w) => (!type || w.type === type) && traits.every((t) => visibleTraits(w).includes(t as never)));
    return page(waypoints.map(waypointView), c);
  }),
  route('GET', '/systems/{}/waypoints/{}', (game, c) => ok(waypointView(game.waypointIn(c.params[0]!, c.params[1]!)))),
  route('GET', '/systems/{}/waypoints/{}/market', (game, c) =>
    ok(game.market(optionalAgent(game, c), c.params[0]!, c.params[1]!)),
  ),
  route('GET', '/systems/{}/waypoints/{}/jump-gate', (game, c) => {
    const waypoint = game.waypointIn(c.params[0]!, c.params[1]!);
    if (!waypoint.gate) throw new GameError(400, 4206, `Waypoint ${waypoint.symbol} is not a jump gate.`);
    return ok({ symbol: waypoint.symbol, connections: waypoint.gate });
  }),
  route('GET', '/systems/{}/waypoints/{}/shipyard', (game, c) => {
    const waypoint = game.waypointIn(c.params[0]!, c.params[1]!);
    if (!waypoint.shipyard) throw new GameError(404, 404, `Shipyard not found at ${waypoint.symbol}.`);
    return ok({
      symbol: waypoint.symbol,
      shipTypes: waypoint.shipyard.map((type) => ({ type })),
      modificationsFee: MODIFICATIONS_FEE,
    });
  }),
  route('GET', '/systems/{}/waypoints/{}/construction', (game, c) =>
    ok(use(game, Construction).site(c.params[0]!, c.params[1]!)),
  ),
  route('POST', '/systems/{}/waypoints/{}/construction/supply', (game, c) =>
    ok(use(game, Construction).supply(me(game, c), c.params[0]!, c.params[1]!, c.body), 201),
  ),
  route('GET', '/error-codes', () => ({ status: 200, body: { errorCodes: ERROR_CODES } })),
  route('GET', '/market/supply-chain', () => ok({ exportToImportMap: SUPPLY_CHAIN })),
  route('GET', '/my/account', (game, c) => ok(use(game, Accounts).account(me(game, c)))),
  route('GET', '/my/factions', (game, c) => page(use(game, Accounts).factions(me(game, c)), c)),
  route('GET', '/my/agent/events', (game, c) => ok(use(game, Accounts).events(me(game, c)))),
  route('POST', '/my/ships/{}/chart', (game, c) => ok(use(game, Exploration).chart(me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/scan/systems', (game, c) =>
    ok(use(game, Exploration).scanSystems(me(game, c), c.params[0]!), 201),
  ),
  route('POST', '/my/ships/{}/scan/waypoints', (game, c) =>
    ok(use(game, Exploration).scanWaypoints(me(game, c), c.params[0]!), 201),
  ),
  route('POST', '/my/ships/{}/scan/ships', (game, c) =>
    ok(use(game, Exploration).scanShips(me(game, c), c.params[0]!), 201),
  ),
  route('POST', '/my/ships/{}/siphon', (game, c) => ok(use(game, Industry).siphon(me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/refine', (game, c) =>
    ok(use(game, Industry).refine(me(game, c), c.params[0]!, c.body), 201),
  ),
  route('POST', '/my/ships/{}/transfer', (game, c) =>
    ok(use(game, Industry).transfer(me(game, c), c.params[0]!, c.body)),
  ),
  route('GET', '/my/ships/{}/mounts', (game, c) => ok(use(game, Outfitting).mounts(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/mounts/install', (game, c) =>
    ok(use(game, Outfitting).installMount(me(game, c), c.params[0]!, c.body), 201),
  ),
  route('POST', '/my/ships/{}/mounts/remove', (game, c) =>
    ok(use(game, Outfitting).removeMount(me(game, c), c.params[0]!, c.body), 201),
  ),
  route('GET', '/my/ships/{}/modules', (game, c) => ok(use(game, Outfitting).modules(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/modules/install', (game, c) =>
    ok(use(game, Outfitting).installModule(me(game, c), c.params[0]!, c.body), 201),
  ),
  route('POST', '/my/ships/{}/modules/remove', (game, c) =>
    ok(use(game, Outfitting).removeModule(me(game, c), c.params[0]!, c.body), 201),
  ),
  route('GET', '/my/ships/{}/repair', (game, c) => ok(use(game, Outfitting).repairQuote(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/repair', (game, c) => ok(use(game, Outfitting).repair(me(game, c), c.params[0]!))),
  route('GET', '/my/ships/{}/scrap', (game, c) => ok(use(game, Outfitting).scrapQuote(me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/scrap', (game, c) => ok(use(game, Outfitting).scrap(me(game, c), c.params[0]!))),
];

type Service<T> = new (game: Game) => T;
const services = new WeakMap<Game, Map<Service<unknown>, unknown>>();

/** The game's one instance of a group of operations (some keep state, such as their random stream). */
function use<T>(game: Game, kind: Service<T>): T {
  let found = services.get(game);
  if (!found) services.set(game, (found = new Map()));
  let service = found.get(kind) as T | undefined;
  if (!service) found.set(kind, (service = new kind(game)));
  return service;
}

function ops(game: Game): Operations {
  return use(game, Operations);
}

function page(items: unknown[], c: RouteContext): Reply {
  return { status: 200, body: paged(items, c.query) };
}

function publicAgent(agent: {
  symbol: string;
  headquarters: string;
  credits: number;
  startingFaction: string;
  shipCount: number;
}) {
  return {
    symbol: agent.symbol,
    headquarters: agent.headquarters,
    credits: agent.credits,
    startingFaction: agent.startingFaction,
    shipCount: agent.shipCount,
  };
}

function optionalAgent(game: Game, c: RouteContext) {
  return c.authorization ? game.authenticate(c.authorization) : undefined;
}

export function matchRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}
