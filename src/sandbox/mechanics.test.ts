import { afterEach, describe, expect, it } from 'vitest';
import { travelSeconds } from '../domain/navigation/flight-mode.js';
import { SpecValidator } from '../test-support/spec-validator.js';
import { startSandbox, type RunningSandbox } from './index.js';

const spec = new SpecValidator();

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const LAYOUT = {
  systems: [
    {
      symbol: 'X1-M',
      x: 0,
      y: 0,
      waypoints: [
        { symbol: 'X1-M-A', x: 0, y: 0, fuel: 100, exports: ['IRON_ORE'] },
        { symbol: 'X1-M-B', x: 300, y: 400 },
      ],
    },
  ],
};

async function world(options: { timeScale?: number; rateLimit?: boolean } = {}) {
  const sandbox = await startSandbox({ port: 0, rateLimit: false, ...options });
  running.push(sandbox);
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await post(`${sandbox.adminUrl}/layout`, LAYOUT);
  const registered = (await (
    await fetch(`${sandbox.baseUrl}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer acct' },
      body: JSON.stringify({ symbol: 'MECH-1', faction: 'COSMIC' }),
    })
  ).json()) as { data: { token: string } };
  const token: string = registered.data.token;
  const call = async (method: string, path: string, body?: unknown, auth = token) => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${auth}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  const ship = (changes: Record<string, unknown>) => post(`${sandbox.adminUrl}/ships/MECH-1-1`, changes);
  return { sandbox, call, ship, token };
}

describe('sandbox mechanics', () => {
  it('answers the documented error codes and data', async () => {
    const { call, ship } = await world();
    await ship({ status: 'DOCKED', fuel: 100 });
    const docked = await call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-B' });
    expect([docked.status, docked.body.error.code, docked.body.error.data]).toEqual([
      400,
      4236,
      { waypointSymbol: 'X1-M-A' },
    ]);

    await ship({ status: 'IN_ORBIT' });
    const here = await call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-A' });
    expect(here.body.error.code).toBe(4204);
    const short = await call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-B' });
    expect([short.body.error.code, short.body.error.data]).toEqual([
      4203,
      { shipSymbol: 'MECH-1-1', fuelRequired: 500, fuelAvailable: 100 },
    ]);
    const refuelInOrbit = await call('POST', '/my/ships/MECH-1-1/refuel', {});
    expect(refuelInOrbit.body.error.code).toBe(4244);

    await call('PATCH', '/my/ships/MECH-1-1/nav', { flightMode: 'DRIFT' });
    const drift = await call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-B' });
    expect(drift.status).toBe(200);
    expect(drift.body.data.fuel.current).toBe(99);
    const busy = await call('POST', '/my/ships/MECH-1-1/orbit');
    expect(busy.body.error.code).toBe(4214);
    expect(busy.body.error.data.secondsToArrival).toBeGreaterThan(0);

    const bad = await call('POST', '/my/ships/MECH-1-1/navigate', 'not an object');
    expect(bad.status).toBe(422);
    expect((await call('GET', '/my/ships/NOPE-1')).status).toBe(404);
    expect((await call('GET', '/my/agent', undefined, 'garbage')).body.error.code).toBe(401);
  });

  it('times a navigation with the published formula, divided by the time scale', async () => {
    const { call, ship } = await world({ timeScale: 10 });
    await ship({ status: 'IN_ORBIT', fuel: 600, fuelCapacity: 600, speed: 30 });
    const { body } = await call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-B' });
    const route = body.data.nav.route;
    expect(Date.parse(route.arrival) - Date.parse(route.departureTime)).toBe(
      (travelSeconds(500, 'CRUISE', 30) * 1000) / 10,
    );
    expect(body.data.fuel).toMatchObject({ current: 100, consumed: { amount: 500 } });
  });

  it('charges a refuel per started 100 units of ship fuel', async () => {
    const { call, ship } = await world();
    await ship({ status: 'DOCKED', fuel: 250, fuelCapacity: 400 });
    const { body } = await call('POST', '/my/ships/MECH-1-1/refuel', {});
    expect(body.data.fuel.current).toBe(400);
    expect(body.data.transaction.units).toBe(2);
    expect(body.data.transaction.totalPrice).toBe(2 * body.data.transaction.pricePerUnit);
    expect(body.data.agent.credits).toBe(175_000 - body.data.transaction.totalPrice);
  });

  it('keeps orbit and dock idempotent', async () => {
    const { call } = await world();
    expect((await call('POST', '/my/ships/MECH-1-1/dock')).status).toBe(200);
    expect((await call('POST', '/my/ships/MECH-1-1/orbit')).status).toBe(200);
    expect((await call('POST', '/my/ships/MECH-1-1/orbit')).body.data.nav.status).toBe('IN_ORBIT');
  });

  it('rate-limits each address like the server: 2/s then a burst of 30, then 429 with retry-after', async () => {
    const { call } = await world({ rateLimit: true });
    // Registering spent one request of this address's budget: 2 + 30 - 1 left.
    const replies = [];
    for (let i = 0; i < 32; i++) replies.push(await call('GET', '/my/agent'));
    expect(replies.slice(0, 31).every((r) => r.status === 200)).toBe(true);
    const limited = replies[31]!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-limit-burst')).toBe('30');
    expect(limited.body.error).toMatchObject({
      code: 429,
      message: 'You have reached your API limit.',
      data: { limitBurst: 30, limitPerSecond: 2, remaining: 0 },
    });
  });

  it('after a reset, old tokens get the real 401', async () => {
    const { sandbox, call } = await world();
    await fetch(`${sandbox.adminUrl}/reset`, { method: 'POST' });
    const stale = await call('GET', '/my/agent');
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toContain('Token reset_date does not match the server');
    expect(stale.body.error.data).toHaveProperty('expected');
  });

  it('injects faults: a 503, and a dropped connection after the action was applied', async () => {
    const { sandbox, call, ship } = await world();
    await ship({ status: 'IN_ORBIT', fuel: 600, fuelCapacity: 600 });
    const fault = (body: unknown) =>
      fetch(`${sandbox.adminUrl}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await fault({ path: '/my/agent', count: 1, status: 503 });
    expect((await call('GET', '/my/agent')).status).toBe(503);
    expect((await call('GET', '/my/agent')).status).toBe(200);
    await fault({ method: 'POST', path: '/my/ships/[^/]+/navigate', count: 1, drop: 'after' });
    await expect(call('POST', '/my/ships/MECH-1-1/navigate', { waypointSymbol: 'X1-M-B' })).rejects.toThrow();
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as {
      actions: Record<string, Record<string, number>>;
    };
    expect(stats.actions.navigate['MECH-1-1']).toBe(1);
  });

  it('delivers a contract over two trips, fulfils it for the payment, then negotiates a new one', async () => {
    const { call, ship } = await world();
    await ship({ status: 'DOCKED' });
    const [contract] = (await call('GET', '/my/contracts')).body.data;
    // X1-M-A is the system's one market and trades only IRON_ORE (and fuel, which no contract asks for).
    const [term] = contract.terms.deliver;
    expect([term.tradeSymbol, term.destinationSymbol]).toEqual(['IRON_ORE', 'X1-M-A']);
    expect(term.unitsRequired).toBeGreaterThan(40);
    const deliver = (units: number) =>
      call('POST', `/my/contracts/${contract.id}/deliver`, { shipSymbol: 'MECH-1-1', tradeSymbol: 'IRON_ORE', units });
    expect((await deliver(1)).body.error.code).toBe(4505);
    await call('POST', `/my/contracts/${contract.id}/accept`);
    await call('POST', '/my/ships/MECH-1-1/purchase', { symbol: 'IRON_ORE', units: 20 });
    await call('POST', '/my/ships/MECH-1-1/purchase', { symbol: 'IRON_ORE', units: 20 });
    expect((await call('POST', `/my/contracts/${contract.id}/fulfill`)).body.error.code).toBe(4502);
    const delivered = await deliver(40);
    expect(spec.check('post', '/my/contracts/{contractId}/deliver', 200, delivered.body)).toBeUndefined();
    expect(delivered.body.data.contract.terms.deliver[0].unitsFulfilled).toBe(40);
    expect(delivered.body.data.cargo.units).toBe(0);
    const rest = term.unitsRequired - 40;
    await call('POST', '/my/ships/MECH-1-1/purchase', { symbol: 'IRON_ORE', units: rest });
    expect((await deliver(rest)).body.data.contract.terms.deliver[0].unitsFulfilled).toBe(term.unitsRequired);
    expect((await call('POST', '/my/ships/MECH-1-1/negotiate/contract')).body.error.code).toBe(4511);
    const before = (await call('GET', '/my/agent')).body.data.credits;
    const fulfilled = await call('POST', `/my/contracts/${contract.id}/fulfill`);
    expect(spec.check('post', '/my/contracts/{contractId}/fulfill', 200, fulfilled.body)).toBeUndefined();
    expect(fulfilled.body.data.agent.credits).toBe(before + contract.terms.payment.onFulfilled);
    const offer = await call('POST', '/my/ships/MECH-1-1/negotiate/contract');
    expect(offer.status).toBe(201);
    expect(spec.check('post', '/my/ships/{shipSymbol}/negotiate/contract', 201, offer.body)).toBeUndefined();
    expect(offer.body.data.contract.accepted).toBe(false);
  });

  it('moves prices: buying raises the price, and it drifts back over time', async () => {
    const { sandbox, call, ship } = await world();
    await ship({ status: 'DOCKED' });
    const price = async () =>
      (await call('GET', '/systems/X1-M/waypoints/X1-M-A/market')).body.data.tradeGoods.find(
        (g: { symbol: string }) => g.symbol === 'IRON_ORE',
      ).purchasePrice;
    const start = await price();
    await call('POST', '/my/ships/MECH-1-1/purchase', { symbol: 'IRON_ORE', units: 20 });
    const after = await price();
    expect(after).toBeGreaterThan(start);
    // Supply recovers with a half-life of 520 game minutes (markets/economy.ts): a day brings it most of the way back.
    sandbox.server.clock.advance(24 * 3_600_000);
    expect(await price()).toBeLessThan(after);
    expect((await call('POST', '/my/ships/MECH-1-1/purchase', { symbol: 'IRON_ORE', units: 21 })).body.error.code).toBe(
      4604,
    );
  });

  it('generates large worlds for benchmarks: many systems, and a system of 1,000 extra waypoints', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: false, systems: 500, extraWaypoints: 1_000 });
    running.push(sandbox);
    const systems = (await (await fetch(`${sandbox.baseUrl}/systems?limit=1`)).json()) as { meta: { total: number } };
    expect(systems.meta.total).toBe(500);
    const first = sandbox.server.game.world.systems[Object.keys(sandbox.server.game.world.systems)[0]!]!;
    expect(first.waypoints.length).toBeGreaterThan(1_000);
  });
});
