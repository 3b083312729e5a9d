import type { IncomingMessage, ServerResponse } from 'node:http';
import { Game } from '../game.js';
import { SandboxClock } from '../world/clock.js';
import { GameError } from '../world/errors.js';
import { generateWorld } from '../world/generate.js';
import { summary } from '../world/check.js';
import { worldProblems } from '../world/world-check.js';
import type { WorldState } from '../world/world.js';
import { type AdminHost, admin } from './admin.js';
import { type Fault, FaultInjector } from './faults.js';
import { errorBody, JSON_HEADERS, parseBody, readBody, send } from './http.js';
import { SandboxRateLimiter, scaledLimits } from './rate-limit.js';
import type { Reply } from './router.js';
import { matchRoute } from './routes.js';

const NO_QUERY = new URLSearchParams();

export interface ServerSettings {
  seed: number;
  systems: number;
  extraWaypoints?: number;
  rateLimit: boolean;
  /** Scale the rate limit with the time scale (N × 2/s, N × 30 burst); on unless false. */
  scaleRateLimit?: boolean;
  accountToken?: string;
}

/** 422 naming what is wrong unless `candidate` is a sound world state. */
export function checkWorld(candidate: unknown): WorldState {
  const problems = worldProblems(candidate);
  if (problems.length > 0)
    throw new GameError(422, 422, `Invalid world state: ${summary(problems)}.`, { problems: problems.slice(0, 50) });
  return candidate as WorldState;
}

/** Request handling for the sandbox: rate limit, faults, the game API under /v2 and the admin API. */
export class SandboxServer implements AdminHost {
  readonly clock: SandboxClock;
  readonly faults = new FaultInjector();
  readonly limiter = new SandboxRateLimiter(() =>
    scaledLimits(this.clock.timeScale, this.settings.scaleRateLimit !== false),
  );
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
    const initial = world === undefined ? this.freshWorld(today(this.clock.now())) : checkWorld(world);
    this.game = new Game(initial, this.clock, settings.accountToken);
  }

  get seed(): number {
    return this.settings.seed;
  }

  freshWorld(resetDate: string): WorldState {
    return generateWorld({
      seed: this.settings.seed,
      systems: this.settings.systems,
      extraWaypoints: this.settings.extraWaypoints,
      resetDate,
      now: this.clock.now(),
    });
  }

  replaceWorld(candidate: unknown): void {
    this.game.world = checkWorld(candidate);
  }

  handle = (request: IncomingMessage, response: ServerResponse): void => {
    try {
      this.route(request, response);
    } catch (error) {
      // A last resort: whatever went wrong, the client gets an error body and the server goes on.
      this.fail(response, error);
    }
  };

  private route(request: IncomingMessage, response: ServerResponse): void {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (path.startsWith('/v2')) {
      this.requests += 1;
      // Bodies are read only for methods that carry one; GETs are answered without waiting.
      if (request.method === 'GET') this.serveGame(request, response, path.slice(3), url, undefined);
      else
        readBody(request, response, (body) =>
          this.guarded(response, () => this.serveGame(request, response, path.slice(3), url, body)),
        );
    } else if (path.startsWith('/_sandbox/')) {
      readBody(request, response, (body) =>
        this.guarded(response, () => this.admin(request, response, path.slice('/_sandbox/'.length), body)),
      );
    } else {
      send(response, 404, errorBody(404, `Not found: ${path}. The API lives under /v2.`));
    }
  }

  private guarded(response: ServerResponse, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.fail(response, error);
    }
  }

  private fail(response: ServerResponse, error: unknown): void {
    if (response.headersSent) response.destroy();
    else send(response, 500, errorBody(500, `Internal sandbox error: ${String(error)}`));
  }

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
      const delayed = { ...fault, delayMs: 0 };
      setTimeout(
        () => this.guarded(response, () => this.apply(request, response, method, path, url, rawBody, delayed)),
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
    if (fault?.drop === 'before') {
      request.socket.destroy();
      return;
    }
    if (fault?.status) {
      this.faultReply(response, fault);
      return;
    }
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
        send(response, 429, rateLimitBody(headers, decision.retryAfterSeconds), headers);
        return;
      }
    }
    let reply: Reply;
    try {
      const matched = matchRoute(method, path || '');
      if (!matched) throw new GameError(404, 404, `No route for ${method} /v2${path}.`);
      const body = parseBody(request, rawBody);
      const queryAt = url.indexOf('?');
      const query = queryAt === -1 ? NO_QUERY : new URLSearchParams(url.slice(queryAt + 1));
      reply = matched.route.handler(this.game, { params: matched.params, query, body, authorization });
    } catch (error) {
      reply = errorReply(error, 500);
    }
    if (fault?.drop === 'after') {
      request.socket.destroy();
      return;
    }
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
      send(response, 429, rateLimitBody(headers, retryAfter), headers);
    } else if (fault.status === 429) {
      response.writeHead(429, { 'content-type': 'text/html' });
      response.end('<html><body>429 Too Many Requests</body></html>');
    } else {
      send(response, fault.status!, errorBody(fault.status!, `Injected fault: HTTP ${fault.status}.`));
    }
  }

  private admin(request: IncomingMessage, response: ServerResponse, action: string, rawBody: string | undefined): void {
    let reply: Reply;
    try {
      reply = admin(this, request.method ?? 'GET', action, parseBody(request, rawBody));
    } catch (error) {
      // The admin API's own mistakes (a bad fault pattern, say) are the caller's: 400, not 500.
      reply = errorReply(error, 400);
    }
    send(response, reply.status, reply.body);
  }
}

/** A GameError's own status and body; anything else `status` with the error's message. */
function errorReply(error: unknown, status: number): Reply {
  if (error instanceof GameError) return { status: error.status, body: error.body() };
  const message = error instanceof Error ? error.message : String(error);
  return { status, body: errorBody(status, status === 500 ? `Internal sandbox error: ${String(error)}` : message) };
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

function today(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
