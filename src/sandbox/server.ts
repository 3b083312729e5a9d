import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxClock } from './clock.js';
import { GameError } from './errors.js';
import { FaultInjector, type Fault } from './faults.js';
import { Game } from './game.js';
import { generateWorld } from './generate.js';
import { worldFromLayout, type Layout } from './layout.js';
import { SandboxRateLimiter } from './rate-limit.js';
import { matchRoute, type Reply } from './routes.js';
import type { WorldState } from './world.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };
const MAX_BODY = 1 << 20;
const NO_QUERY = new URLSearchParams();

export interface ServerSettings {
  seed: number;
  systems: number;
  extraWaypoints?: number;
  rateLimit: boolean;
  accountToken?: string;
}

/** Request handling for the sandbox: rate limit, faults, the game API under /v2 and the admin API. */
export class SandboxServer {
  readonly clock: SandboxClock;
  readonly faults = new FaultInjector();
  readonly limiter = new SandboxRateLimiter();
  readonly game: Game;
  rateLimit: boolean;
  requests = 0;
  rateLimited = 0;

  constructor(
    private readonly settings: ServerSettings,
    timeScale: number,
    world?: WorldState,
  ) {
    this.clock = new SandboxClock(timeScale);
    this.rateLimit = settings.rateLimit;
    this.game = new Game(world ?? this.freshWorld(today(this.clock.now())), this.clock, settings.accountToken);
  }

  private freshWorld(resetDate: string): WorldState {
    return generateWorld({
      seed: this.settings.seed,
      systems: this.settings.systems,
      extraWaypoints: this.settings.extraWaypoints,
      resetDate,
      now: this.clock.now(),
    });
  }

  handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.startsWith('/v2')) {
      this.requests += 1;
      // Bodies are read only for methods that carry one; GETs are answered without waiting.
      if (request.method === 'GET') this.serveGame(request, response, path.slice(3), url, undefined);
      else readBody(request, response, (body) => this.serveGame(request, response, path.slice(3), url, body));
    } else if (path.startsWith('/_sandbox/')) {
      readBody(request, response, (body) => this.admin(request, response, path.slice('/_sandbox/'.length), body));
    } else {
      send(response, 404, { error: { message: `Not found: ${path}. The API lives under /v2.`, code: 404 } });
    }
  };

  private serveGame(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    url: string,
    rawBody: string | undefined,
  ): void {
    const method = request.method ?? 'GET';
    const fault = this.faults.take(method, path || '/');
    if (fault?.delayMs) {
      setTimeout(
        () => this.apply(request, response, method, path, url, rawBody, { ...fault, delayMs: 0 }),
        fault.delayMs,
      );
      return;
    }
    this.apply(request, response, method, path, url, rawBody, fault);
  }

  private apply(
    request: IncomingMessage,
    response: ServerResponse,
    method: string,
    path: string,
    url: string,
    rawBody: string | undefined,
    fault: Fault | undefined,
  ): void {
    if (fault?.drop === 'before') return void request.socket.destroy();
    if (fault?.status) return this.faultReply(response, fault);
    const authorization = request.headers.authorization;
    let headers: Record<string, string> = JSON_HEADERS;
    if (this.rateLimit) {
      headers = { ...JSON_HEADERS };
      // Keyed by the caller's address: the real server limits per IP as well as per account, and
      // every agent on one machine shares the IP budget, so that is the limit a bot runs into.
      const decision = this.limiter.take(request.socket.remoteAddress ?? 'unknown');
      headers['x-ratelimit-type'] = 'IP Address';
      headers['x-ratelimit-limit-burst'] = String(this.limiter.burst);
      headers['x-ratelimit-limit-per-second'] = String(this.limiter.perSecond);
      headers['x-ratelimit-remaining'] = String(decision.remaining);
      headers['x-ratelimit-reset'] = new Date(decision.resetAt).toISOString();
      if (!decision.allowed) {
        this.rateLimited += 1;
        headers['retry-after'] = String(decision.retryAfterSeconds);
        return send(response, 429, rateLimitBody(headers, decision.retryAfterSeconds), headers);
      }
    }
    let reply: Reply;
    try {
      const matched = matchRoute(method, path || '');
      if (!matched) throw new GameError(404, 404, `No route for ${method} /v2${path}.`);
      let body: unknown;
      if (rawBody) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          throw new GameError(422, 422, 'Request body is not valid JSON.');
        }
      }
      const queryAt = url.indexOf('?');
      const query = queryAt === -1 ? NO_QUERY : new URLSearchParams(url.slice(queryAt + 1));
      reply = matched.route.handler(this.game, { params: matched.params, query, body, authorization });
    } catch (error) {
      reply =
        error instanceof GameError
          ? { status: error.status, body: error.body() }
          : { status: 500, body: { error: { message: `Internal sandbox error: ${String(error)}`, code: 500 } } };
    }
    if (fault?.drop === 'after') return void request.socket.destroy();
    send(response, reply.status, reply.body, headers);
  }

  private faultReply(response: ServerResponse, fault: Fault): void {
    if (fault.status === 429 && fault.rateLimitHeaders !== false) {
      const retryAfter = fault.retryAfter ?? 1;
      const headers = {
        ...JSON_HEADERS,
        'retry-after': String(retryAfter),
        'x-ratelimit-type': 'Account',
        'x-ratelimit-limit-burst': '30',
        'x-ratelimit-limit-per-second': '2',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': new Date(Date.now() + retryAfter * 1000).toISOString(),
      };
      return send(response, 429, rateLimitBody(headers, retryAfter), headers);
    }
    if (fault.status === 429) {
      response.writeHead(429, { 'content-type': 'text/html' });
      return void response.end('<html><body>429 Too Many Requests</body></html>');
    }
    send(response, fault.status!, { error: { message: `Injected fault: HTTP ${fault.status}.`, code: fault.status } });
  }

  private admin(request: IncomingMessage, response: ServerResponse, action: string, rawBody: string | undefined): void {
    try {
      const body = rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {};
      const method = request.method ?? 'GET';
      const world = this.game.world;
      if (method === 'GET' && action === 'state') return send(response, 200, world);
      if (method === 'POST' && action === 'state') {
        this.game.world = body as unknown as WorldState;
        return send(response, 200, { loaded: true });
      }
      if (method === 'POST' && action === 'layout') {
        this.game.world = worldFromLayout(
          body as unknown as Layout,
          this.settings.seed,
          world.resetDate,
          this.clock.now(),
        );
        return send(response, 200, {
          systems: Object.keys(this.game.world.systems).length,
          waypoints: Object.keys(this.game.world.waypoints).length,
        });
      }
      if (method === 'POST' && action === 'clock') {
        if (body.timeScale !== undefined) this.clock.setTimeScale(Number(body.timeScale));
        if (body.freeze === true) this.clock.freeze();
        if (body.freeze === false) this.clock.resume();
        if (body.advanceMs !== undefined) this.clock.advance(Number(body.advanceMs));
        return send(response, 200, { now: new Date(this.clock.now()).toISOString(), timeScale: this.clock.timeScale });
      }
      if (method === 'POST' && action === 'faults') {
        this.faults.add(body as unknown as Fault);
        return send(response, 200, { added: true });
      }
      if (method === 'DELETE' && action === 'faults') {
        this.faults.clear();
        return send(response, 200, { cleared: true });
      }
      if (method === 'POST' && action === 'rate-limit') {
        this.rateLimit = body.enabled !== false;
        return send(response, 200, { enabled: this.rateLimit });
      }
      if (method === 'POST' && action === 'reset') {
        const next = typeof body.resetDate === 'string' ? body.resetDate : nextDay(world.resetDate);
        this.game.world = this.freshWorld(next);
        return send(response, 200, { resetDate: next });
      }
      if (method === 'GET' && action === 'stats')
        return send(response, 200, { requests: this.requests, rateLimited: this.rateLimited, actions: world.stats });
      const ship = /^ships\/([^/]+)$/.exec(action);
      if (method === 'POST' && ship) return send(response, 200, this.patchShip(ship[1]!, body));
      send(response, 404, { error: { message: `Unknown admin action ${method} /_sandbox/${action}.`, code: 404 } });
    } catch (error) {
      send(response, 400, { error: { message: error instanceof Error ? error.message : String(error), code: 400 } });
    }
  }

  /** Put a ship somewhere, in some state, with some fuel: the setup step of most tests. */
  private patchShip(symbol: string, changes: Record<string, unknown>) {
    const state = this.game.world.ships[symbol.toUpperCase()];
    if (!state) throw new Error(`ship ${symbol} not found`);
    const ship = state.ship;
    if (typeof changes.waypoint === 'string') {
      const at = this.game.waypoint(changes.waypoint);
      const point = { symbol: at.symbol, type: at.type, systemSymbol: at.systemSymbol, x: at.x, y: at.y };
      const now = new Date(this.clock.now()).toISOString();
      ship.nav = {
        ...ship.nav,
        systemSymbol: at.systemSymbol,
        waypointSymbol: at.symbol,
        route: { origin: point, destination: point, departureTime: now, arrival: now },
      };
    }
    if (changes.status === 'DOCKED' || changes.status === 'IN_ORBIT') ship.nav.status = changes.status;
    if (typeof changes.fuelCapacity === 'number') ship.fuel.capacity = changes.fuelCapacity;
    if (typeof changes.fuel === 'number') ship.fuel.current = Math.min(changes.fuel, ship.fuel.capacity);
    if (typeof changes.speed === 'number') ship.engine.speed = changes.speed;
    if (typeof changes.flightMode === 'string') ship.nav.flightMode = changes.flightMode as typeof ship.nav.flightMode;
    return ship;
  }
}

function rateLimitBody(headers: Record<string, string>, retryAfter: number) {
  return {
    error: {
      message: 'You have reached your API limit.',
      code: 429,
      data: {
        type: headers['x-ratelimit-type'],
        retryAfter,
        limitBurst: Number(headers['x-ratelimit-limit-burst']),
        limitPerSecond: Number(headers['x-ratelimit-limit-per-second']),
        remaining: 0,
        reset: headers['x-ratelimit-reset'],
      },
    },
  };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = JSON_HEADERS,
): void {
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  // One flat header list handed to writeHead: node's fastest path (no per-header setHeader merging).
  const list: string[] = [];
  for (const name in headers) list.push(name, headers[name]!);
  list.push('content-length', String(Buffer.byteLength(text)));
  response.writeHead(status, list);
  response.end(text);
}

function readBody(request: IncomingMessage, response: ServerResponse, then: (body: string | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY) {
      send(response, 413, { error: { message: 'Request body too large.', code: 413 } });
      request.destroy();
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => then(chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined));
}

function today(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
