import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import {
  InsufficientFuelError,
  NotInOrbitError,
  OutcomeUnknownError,
  ServerUnavailableError,
  TokenResetError,
} from '../../ports/api-errors.js';
import type { MarketTransactionDto } from '../../ports/spacetraders-api.js';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { SpaceTradersHttp } from './http-transport.js';
import { RateLimiter } from './rate-limiter.js';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function setup(options: { rateLimit?: boolean } = {}) {
  const sandbox = await startSandbox({ port: 0, rateLimit: options.rateLimit ?? false });
  running.push(sandbox);
  const sleeps: number[] = [];
  const api = new AxiosSpaceTradersClient({
    baseUrl: sandbox.baseUrl,
    timeoutMs: 5_000,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, burstWindowMs: 60_000 }),
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
  });
  const registered = await api.register('account', 'CLIENT-1', 'COSMIC');
  const admin = async (path: string, body: unknown) => {
    const response = await fetch(`${sandbox.adminUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };
  const stats = async () =>
    (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as {
      rateLimited: number;
      actions: Record<string, Record<string, number>>;
    };
  const ship = registered.ships[0]!.symbol;
  const system = registered.ships[0]!.nav.systemSymbol;
  const waypoints = await api.listWaypoints(registered.token, system);
  const home = waypoints.find((w) => w.symbol === registered.ships[0]!.nav.waypointSymbol)!;
  const near = waypoints.find(
    (w) => Math.hypot(w.x - home.x, w.y - home.y) > 20 && Math.hypot(w.x - home.x, w.y - home.y) < 150,
  )!;
  return { sandbox, api, token: registered.token, ship, near, admin, stats, sleeps };
}

/** The setup with the ship docked at a market that sells fuel, its tank at 100 of 400. */
async function setupAtFuelStation() {
  const context = await setup();
  const { api, token, ship, admin } = context;
  const [first] = await api.listShips(token);
  const system = first!.nav.systemSymbol;
  let station: string | undefined;
  for (const waypoint of await api.listWaypoints(token, system)) {
    if (!waypoint.traits.some((t) => t.symbol === 'MARKETPLACE')) continue;
    const market = await api.getMarket(token, system, waypoint.symbol);
    if ([...market.exports, ...market.exchange, ...market.imports].some((g) => g.symbol === 'FUEL')) {
      station = waypoint.symbol;
      break;
    }
  }
  expect(station).toBeDefined();
  await admin(`ships/${ship}`, { waypoint: station, status: 'DOCKED', fuel: 100, fuelCapacity: 400 });
  return { ...context, station: station! };
}

describe('AxiosSpaceTradersClient', () => {
  it('pages through a whole list 20 at a time', async () => {
    const { sandbox, token } = await setup();
    const http = new SpaceTradersHttp({
      baseUrl: sandbox.baseUrl,
      timeoutMs: 5_000,
      limiter: new RateLimiter({ perSecond: 1000, burst: 1000, burstWindowMs: 60_000 }),
    });
    const systems = await http.all('/systems', token);
    expect(systems).toHaveLength(12);
  });

  it('maps error bodies to typed errors with one-line messages', async () => {
    const { api, token, ship, near, admin } = await setup();
    await expect(api.navigate(token, ship, near.symbol)).rejects.toThrow(NotInOrbitError);
    await admin(`ships/${ship}`, { status: 'IN_ORBIT', fuel: 1 });
    const error = await api.navigate(token, ship, near.symbol).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientFuelError);
    expect((error as Error).message).toMatch(/^error 4203: ship CLIENT-1-1 needs \d+ fuel, has 1$/);
  });

  it('waits out a 429 with retry-after without counting it as a failure', async () => {
    const { api, token, admin } = await setup();
    await admin('faults', { path: '/my/agent', count: 3, status: 429, retryAfter: 1 });
    const started = Date.now();
    expect((await api.getMyAgent(token)).symbol).toBe('CLIENT-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
  });

  it('rides out a burst of 503s on a read', async () => {
    const { api, token, admin, sleeps } = await setup();
    await admin('faults', { path: '/my/agent', count: 4, status: 503 });
    expect((await api.getMyAgent(token)).symbol).toBe('CLIENT-1');
    expect(sleeps).toHaveLength(4);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('gives up after the retry cap with a clear error', async () => {
    const { api, token, admin } = await setup();
    await admin('faults', { path: '/my/agent', count: 20, status: 502 });
    await expect(api.getMyAgent(token)).rejects.toThrow(ServerUnavailableError);
  });

  it('reconciles a navigation whose answer was lost after the server applied it, and never sends it twice', async () => {
    const { api, token, ship, near, admin, stats } = await setup();
    await admin(`ships/${ship}`, { status: 'IN_ORBIT', fuel: 400 });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/navigate', count: 1, drop: 'after' });
    const result = await api.navigate(token, ship, near.symbol);
    expect(result.nav.destination).toBe(near.symbol);
    expect((await stats()).actions.navigate![ship]).toBe(1);
  });

  it('sends a navigation again when the server certainly did not apply it', async () => {
    const { api, token, ship, near, admin, stats } = await setup();
    await admin(`ships/${ship}`, { status: 'IN_ORBIT', fuel: 400 });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/navigate', count: 1, drop: 'before' });
    const result = await api.navigate(token, ship, near.symbol);
    expect(result.nav.status).toBe('IN_TRANSIT');
    expect((await stats()).actions.navigate![ship]).toBe(1);
  });

  it("reports an unknown outcome, not the read-back's 503, when a lost navigation cannot be read back", async () => {
    const { api, token, ship, near, admin, stats } = await setup();
    await admin(`ships/${ship}`, { status: 'IN_ORBIT', fuel: 400 });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/navigate', count: 1, drop: 'after' });
    await admin('faults', { method: 'GET', path: `/my/ships/${ship}`, count: 50, status: 503 });
    const error = await api.navigate(token, ship, near.symbol).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toMatch(
      /navigate, and reading the state back failed too .*; it may have been applied$/,
    );
    expect((await stats()).actions.navigate![ship]).toBe(1);
  });

  it('confirms a lost fill-up by the full tank, and leaves its price unknown rather than guessing', async () => {
    const { api, token, ship, admin, stats } = await setupAtFuelStation();
    const before = (await api.getMyAgent(token)).credits;
    // A market whose record of the fill-up is missing (the sandbox lists its recent trades, so they are hidden).
    const market = api.getMarket.bind(api);
    api.getMarket = async (...args) => ({ ...(await market(...args)), transactions: [] });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/refuel', count: 1, drop: 'after' });
    const result = await api.refuel(token, ship);
    expect(result.fuel).toEqual({ current: 400, capacity: 400 });
    expect(result.transaction).toBeNull();
    expect(result.agent.credits).toBeLessThan(before);
    expect((await stats()).actions.refuel![ship]).toBe(1);
  });

  it("takes a lost fill-up's price from the market's own record of it", async () => {
    const { api, token, ship, admin, station } = await setupAtFuelStation();
    const record: MarketTransactionDto = {
      waypointSymbol: station,
      shipSymbol: ship,
      tradeSymbol: 'FUEL',
      type: 'PURCHASE',
      units: 3,
      pricePerUnit: 71,
      totalPrice: 213,
      timestamp: new Date().toISOString(),
    };
    // A record at a price of its own, so the test sees that this very record was used.
    const market = api.getMarket.bind(api);
    api.getMarket = async (...args) => ({ ...(await market(...args)), transactions: [record] });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/refuel', count: 1, drop: 'after' });
    expect((await api.refuel(token, ship)).transaction?.totalPrice).toBe(213);
    // An older purchase is not this one.
    record.timestamp = new Date(Date.now() - 60_000).toISOString();
    await admin(`ships/${ship}`, { status: 'DOCKED', fuel: 100 });
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/refuel', count: 1, drop: 'after' });
    expect((await api.refuel(token, ship)).transaction).toBeNull();
  });

  it('never re-sends a purchase whose outcome is unknown', async () => {
    const { api, token, ship, admin, stats } = await setup();
    await admin('faults', { method: 'POST', path: '/my/ships/[^/]+/purchase', count: 1, status: 503 });
    const error = await api.purchase(token, ship, 'FUEL', 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain('it may have been applied, so it was not sent again');
    expect((await stats()).actions.purchase?.[ship]).toBeUndefined();
  });

  it('recognises a token from before a server reset', async () => {
    const { api, token, sandbox } = await setup();
    await fetch(`${sandbox.adminUrl}/reset`, { method: 'POST' });
    await expect(api.getMyAgent(token)).rejects.toThrow(TokenResetError);
  });

  it('never puts a token in an error', async () => {
    const { api, token, admin } = await setup();
    await admin('faults', { path: '/my/agent', count: 20, status: 500 });
    const error = await api.getMyAgent(token).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain(token);
    expect(String((error as Error).message)).not.toContain(token);
    expect(String((error as Error).stack)).not.toContain(token);
  });

  it('stays under the real rate limit: no 429 for a burst of concurrent requests', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: true });
    running.push(sandbox);
    const api = new AxiosSpaceTradersClient({
      baseUrl: sandbox.baseUrl,
      timeoutMs: 5_000,
      limiter: new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000 }),
    });
    const { token } = await api.register('account', 'RATE-2', 'COSMIC');
    await Promise.all(Array.from({ length: 36 }, () => api.getMyAgent(token)));
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number };
    expect(stats.rateLimited).toBe(0);
  });

  it('accepts a contract once even when the answer is lost, then reads it back', async () => {
    const { api, token, admin } = await setup();
    const [contract] = await api.listContracts(token);
    await admin('faults', { method: 'POST', path: '/my/contracts/[^/]+/accept', count: 1, drop: 'after' });
    const accepted = await api.acceptContract(token, contract!.id);
    expect(accepted.contract.accepted).toBe(true);
    expect(accepted.agent.credits).toBe(175_000 + contract!.payment.onAccepted);
  });

  it("buys a ship at a shipyard where one of the agent's ships is docked", async () => {
    const { api, token } = await setup();
    const [ship] = await api.listShips(token);
    const yard = await api.getShipyard(token, ship!.nav.systemSymbol, ship!.nav.waypointSymbol);
    const bought = await api.buyShip(token, yard.shipTypes[0]!.type, ship!.nav.waypointSymbol);
    expect(bought.ship.nav.waypointSymbol).toBe(ship!.nav.waypointSymbol);
    expect((await api.listShips(token)).length).toBe(3);
  });

  it("maps a jump's unit of antimatter from the server's own record of it", async () => {
    const { api, token, ship, admin } = await setup();
    const [first] = await api.listShips(token);
    const gate = (await api.listWaypoints(token, first!.nav.systemSymbol)).find((w) => w.type === 'JUMP_GATE')!;
    const { connections } = await api.getJumpGate(token, first!.nav.systemSymbol, gate.symbol);
    let target: string | undefined;
    for (const connection of connections) {
      const system = connection.split('-').slice(0, 2).join('-');
      const there = (await api.listWaypoints(token, system)).find((w) => w.symbol === connection);
      if (!gate.isUnderConstruction && there && !there.isUnderConstruction) target = connection;
    }
    expect(target, 'a built gate pair next to the home system').toBeDefined();
    await admin(`ships/${ship}`, { waypoint: gate.symbol, status: 'IN_ORBIT' });
    const jump = await api.jump(token, ship, target!);
    expect(jump.nav.waypointSymbol).toBe(target);
    expect(jump.transaction).toMatchObject({
      ship,
      good: 'ANTIMATTER',
      type: 'PURCHASE',
      units: 1,
      waypoint: gate.symbol,
    });
    expect(jump.transaction!.totalPrice).toBeGreaterThan(0);
    expect(jump.agent.credits).toBe(175_000 - jump.transaction!.totalPrice);
  });
});
