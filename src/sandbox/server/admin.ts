import type { Game } from '../game.js';
import { waypoint } from '../systems/systems.js';
import { routePoint } from '../systems/views.js';
import {
  amount,
  between,
  bool,
  type Check,
  list,
  day,
  num,
  oneOf,
  optional,
  positive,
  problemsOf,
  shape,
  summary,
  symbol,
  text,
} from '../world/check.js';
import type { SandboxClock } from '../world/clock.js';
import { GameError } from '../world/errors.js';
import { worldFromLayout, type Layout } from '../world/layout.js';
import { own, type WorldState } from '../world/world.js';
import { MODULES } from '../world/equipment.js';
import { FLIGHT_MODES } from '../../domain/navigation/flight-mode.js';
import type { Fault, FaultInjector } from './faults.js';
import type { Reply } from './router.js';

/** What the admin API acts on: the server's world, clock, faults, rate limit and counters. */
export interface AdminHost {
  readonly game: Game;
  readonly clock: SandboxClock;
  readonly faults: FaultInjector;
  rateLimit: boolean;
  readonly requests: number;
  readonly rateLimited: number;
  readonly seed: number;
  freshWorld(resetDate: string): WorldState;
  /** Replaces the world once it is checked whole; 422 and no change otherwise. */
  replaceWorld(candidate: unknown): void;
}

const CLOCK = shape({ timeScale: optional(positive), freeze: optional(bool), advanceMs: optional(num) });
const FAULT = shape({
  method: optional(symbol),
  path: text,
  count: between(1, Number.MAX_SAFE_INTEGER, true),
  rate: optional(between(0, 1)),
  status: optional(between(100, 599, true)),
  rateLimitHeaders: optional(bool),
  retryAfter: optional(amount),
  delayMs: optional(between(0, 600_000)),
  drop: optional(oneOf(['before', 'after'])),
});
const SHIP_PATCH = shape({
  waypoint: optional(symbol),
  status: optional(oneOf(['DOCKED', 'IN_ORBIT'])),
  fuel: optional(amount),
  fuelCapacity: optional(amount),
  cargoCapacity: optional(amount),
  speed: optional(positive),
  flightMode: optional(oneOf(FLIGHT_MODES)),
  modules: optional(list(oneOf(Object.keys(MODULES)))),
});
const RESET = shape({ resetDate: optional(day) });
const RATE_LIMIT = shape({ enabled: optional(bool) });

/** The body, once `check` finds nothing wrong with it; 422 naming every problem otherwise. */
function valid<T>(check: Check, body: unknown, what: string): T {
  const problems = problemsOf(check, body ?? {}, what);
  if (problems.length > 0) throw new GameError(422, 422, `Invalid ${what}: ${summary(problems)}.`, { problems });
  return (body ?? {}) as T;
}

const done = (body: unknown): Reply => ({ status: 200, body });

/** The sandbox's own API under /_sandbox (see the README): setup, time, faults and introspection for tests. */
export function admin(host: AdminHost, method: string, action: string, body: unknown): Reply {
  const world = host.game.world;
  if (method === 'GET' && action === 'state') return done(world);
  if (method === 'POST' && action === 'state') {
    host.replaceWorld(body);
    return done({ loaded: true });
  }
  if (method === 'POST' && action === 'layout') {
    host.replaceWorld(worldFromLayout(body as Layout, host.seed, world.resetDate, host.clock.now()));
    const next = host.game.world;
    return done({ systems: Object.keys(next.systems).length, waypoints: Object.keys(next.waypoints).length });
  }
  if (method === 'POST' && action === 'clock') {
    const change = valid<{ timeScale?: number; freeze?: boolean; advanceMs?: number }>(CLOCK, body, 'clock change');
    if (change.timeScale !== undefined) host.clock.setTimeScale(change.timeScale);
    if (change.freeze === true) host.clock.freeze();
    if (change.freeze === false) host.clock.resume();
    if (change.advanceMs !== undefined) host.clock.advance(change.advanceMs);
    return done({ now: new Date(host.clock.now()).toISOString(), timeScale: host.clock.timeScale });
  }
  if (method === 'POST' && action === 'faults') {
    host.faults.add(valid<Fault>(FAULT, body, 'fault'));
    return done({ added: true });
  }
  if (method === 'DELETE' && action === 'faults') {
    host.faults.clear();
    return done({ cleared: true });
  }
  if (method === 'POST' && action === 'rate-limit') {
    host.rateLimit = valid<{ enabled?: boolean }>(RATE_LIMIT, body, 'rate limit').enabled !== false;
    return done({ enabled: host.rateLimit });
  }
  if (method === 'POST' && action === 'reset') {
    const next = valid<{ resetDate?: string }>(RESET, body, 'reset').resetDate ?? nextDay(world.resetDate);
    host.replaceWorld(host.freshWorld(next));
    return done({ resetDate: next });
  }
  if (method === 'GET' && action === 'stats')
    return done({ requests: host.requests, rateLimited: host.rateLimited, actions: world.stats });
  const ship = /^ships\/([^/]+)$/.exec(action);
  if (method === 'POST' && ship) return done(patchShip(host, ship[1]!, body));
  throw new GameError(404, 404, `Unknown admin action ${method} /_sandbox/${action}.`);
}

interface ShipPatch {
  waypoint?: string;
  status?: 'DOCKED' | 'IN_ORBIT';
  fuel?: number;
  fuelCapacity?: number;
  cargoCapacity?: number;
  speed?: number;
  flightMode?: (typeof FLIGHT_MODES)[number];
  /** Replaces the ship's modules with these, from the catalogue (e.g. to fit a warp drive); cargo capacity is left as is. */
  modules?: string[];
}

/** Put a ship somewhere, in some state, with some fuel: the setup step of most tests. */
function patchShip(host: AdminHost, symbol: string, body: unknown) {
  const changes = valid<ShipPatch>(SHIP_PATCH, body, 'ship change');
  const state = own(host.game.world.ships, symbol.toUpperCase());
  if (!state) throw new GameError(404, 404, `Ship ${symbol} not found.`);
  const ship = state.ship;
  if (changes.waypoint !== undefined) {
    const at = waypoint(host.game, changes.waypoint);
    const point = routePoint(at);
    const now = new Date(host.clock.now()).toISOString();
    ship.nav = {
      ...ship.nav,
      systemSymbol: at.systemSymbol,
      waypointSymbol: at.symbol,
      route: { origin: point, destination: point, departureTime: now, arrival: now },
    };
  }
  if (changes.status !== undefined) ship.nav.status = changes.status;
  if (changes.fuelCapacity !== undefined) ship.fuel.capacity = changes.fuelCapacity;
  if (changes.fuel !== undefined) ship.fuel.current = Math.min(changes.fuel, ship.fuel.capacity);
  if (changes.cargoCapacity !== undefined) ship.cargo.capacity = Math.max(changes.cargoCapacity, ship.cargo.units);
  if (changes.speed !== undefined) ship.engine.speed = changes.speed;
  if (changes.flightMode !== undefined) ship.nav.flightMode = changes.flightMode;
  if (changes.modules !== undefined) ship.modules = changes.modules.map((m) => structuredClone(MODULES[m as never]!));
  return ship;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
