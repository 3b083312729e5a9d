import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index.js';

/**
 * Hostile input never breaks the sandbox: whatever a client or the admin API sends, the answer is a
 * 4xx with the usual error body (never a 500, never a crash), and a rejected request changes nothing.
 */

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const LAYOUT = {
  systems: [
    {
      symbol: 'X1-H',
      x: 0,
      y: 0,
      waypoints: [
        { symbol: 'X1-H-A', x: 0, y: 0, fuel: 100, exports: ['IRON_ORE'], shipyard: ['SHIP_PROBE'] },
        { symbol: 'X1-H-B', type: 'ASTEROID', x: 10, y: 0 },
        { symbol: 'X1-H-G', type: 'GAS_GIANT', x: 0, y: 10 },
        { symbol: 'X1-H-J', x: 5, y: 5, gate: ['X1-I-J'] },
      ],
    },
    { symbol: 'X1-I', x: 500, y: 0, waypoints: [{ symbol: 'X1-I-J', x: 0, y: 0, gate: ['X1-H-J'] }] },
  ],
};

/** A JSON body of any shape: these tests probe and break them field by field. */
// biome-ignore lint/suspicious/noExplicitAny: a probe reaches into bodies of every shape
type Json = any;

interface Answer {
  status: number;
  body: Json;
}

async function world() {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  running.push(sandbox);
  const raw = async (url: string, method: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // left as text: the test's assertion shows it
    }
    return { status: response.status, body: parsed } as Answer;
  };
  const admin = (method: string, path: string, body?: unknown) => raw(`${sandbox.adminUrl}/${path}`, method, body);
  expect((await admin('POST', 'layout', LAYOUT)).status).toBe(200);
  const registered = await raw(
    `${sandbox.baseUrl}/register`,
    'POST',
    { symbol: 'HOST-1', faction: 'COSMIC' },
    {
      authorization: 'Bearer account',
    },
  );
  const token: string = registered.body.data.token;
  const contract: string = registered.body.data.contract.id;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    raw(`${sandbox.baseUrl}${path}`, method, body, { authorization: `Bearer ${token}`, ...headers });
  return { sandbox, admin, call, token, contract };
}

/** One HTTP request written by hand, for what fetch will not send (a lying content-length, a dropped body). */
function rawRequest(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string | number>; body?: string; abort?: boolean },
): Promise<Answer | 'aborted'> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
        res.on('error', reject);
      },
    );
    req.on('error', (error) => (options.abort ? resolve('aborted') : reject(error)));
    if (options.body !== undefined) req.write(options.body);
    if (options.abort) setTimeout(() => req.destroy(), 50);
    else req.end();
  });
}

function expectErrorBody(answer: Answer, status: number | [number, number]) {
  const [low, high] = Array.isArray(status) ? status : [status, status];
  expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(low);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThanOrEqual(high);
  expect(typeof answer.body?.error?.message, JSON.stringify(answer.body)).toBe('string');
  expect(typeof answer.body?.error?.code, JSON.stringify(answer.body)).toBe('number');
}

describe('a state load is validated before it replaces the world', () => {
  it('rejects a state that is not a world with 422, and the world goes on unchanged', async () => {
    const { admin, call } = await world();
    const before = (await admin('GET', 'state')).body;
    const rejected = await admin('POST', 'state', { foo: 1 });
    expectErrorBody(rejected, 422);
    expect(rejected.body.error.message).toMatch(/seed|resetDate|systems/);
    expect((await call('GET', '/my/agent')).status).toBe(200);
    expect((await call('GET', '/')).status).toBe(200);
    expect((await admin('GET', 'state')).body).toEqual(before);
    expect((await admin('POST', 'reset')).status).toBe(200);
  });

  it('rejects states broken deep inside or in their references, naming the place', async () => {
    const { admin, call } = await world();
    const good = (await admin('GET', 'state')).body;
    const broken: Array<[string, (s: Json) => void, RegExp]> = [
      ['null', () => undefined, /state/],
      ['a ship with no engine speed', (s) => (s.ships['HOST-1-1'].ship.engine.speed = 0), /engine\.speed/],
      ['a ship of nobody', (s) => (s.ships['HOST-1-1'].owner = 'GHOST'), /owner/],
      ['a ship nowhere', (s) => (s.ships['HOST-1-1'].ship.nav.waypointSymbol = 'X1-NOWHERE'), /waypointSymbol/],
      ['a bad flight mode', (s) => (s.ships['HOST-1-1'].ship.nav.flightMode = 'WARP9'), /flightMode/],
      ['a price that is text', (s) => (s.waypoints['X1-H-A'].market.FUEL.basePrice = '72'), /basePrice/],
      ['a system listing a missing waypoint', (s) => s.systems['X1-H'].waypoints.push('X1-H-Z'), /waypoints/],
      ['a waypoint of a missing system', (s) => (s.waypoints['X1-H-B'].systemSymbol = 'X1-Q'), /systemSymbol/],
      ['a faction without headquarters', (s) => (s.factions.COSMIC.headquarters = 'X1-Q-1'), /headquarters/],
      ['credits that are not a number', (s) => (s.agents['HOST-1'].credits = null), /credits/],
      ['a record under the wrong key', (s) => (s.agents.OTHER = s.agents['HOST-1']), /OTHER/],
      ['a contract without terms', (s) => delete Object.values<Json>(s.contracts)[0].contract.terms, /terms/],
      ['stats that are not counts', (s) => (s.stats = { navigate: { X: 'one' } }), /stats/],
      ['a bad reset date', (s) => (s.resetDate = 'soon'), /resetDate/],
      ['cargo that is not a list', (s) => (s.ships['HOST-1-1'].ship.cargo.inventory = {}), /inventory/],
    ];
    for (const [name, breakIt, place] of broken) {
      const state = structuredClone(good);
      const candidate = name === 'null' ? null : state;
      breakIt(state);
      const answer = await admin('POST', 'state', candidate);
      expectErrorBody(answer, 422);
      expect(answer.body.error.message, name).toMatch(place);
    }
    expect((await admin('GET', 'state')).body).toEqual(good);
    expect((await call('GET', '/my/ships')).status).toBe(200);
  });

  it('loads back a state it dumped, after ships moved, cooled down and traded', async () => {
    const { admin, call } = await world();
    await admin('POST', 'ships/HOST-1-1', { status: 'IN_ORBIT', waypoint: 'X1-H-B' });
    expect((await call('POST', '/my/ships/HOST-1-1/survey')).status).toBe(201);
    await admin('POST', 'ships/HOST-1-2', { status: 'DOCKED', waypoint: 'X1-H-A' });
    await call('POST', '/my/ships/HOST-1-1/orbit');
    const dumped = (await admin('GET', 'state')).body;
    const loaded = await admin('POST', 'state', dumped);
    expect(loaded).toEqual({ status: 200, body: { loaded: true } });
    expect((await call('GET', '/my/ships/HOST-1-1/cooldown')).status).toBe(200);
  });
});

describe('hostile HTTP input gets a 4xx error body, never a 500 or a crash', () => {
  it('answers a path that is not valid percent-encoding with 400', async () => {
    const { call, admin } = await world();
    for (const path of ['/systems/%ff%fe', '/systems/%', '/my/ships/%E0%A4%A', '/systems/X1-H/waypoints/%c0%af']) {
      expectErrorBody(await call('GET', path), 400);
    }
    expectErrorBody(await admin('POST', 'ships/%ff', { fuel: 1 }), [400, 404]);
    expect((await call('GET', '/my/agent')).status).toBe(200);
  });

  it('answers a body that is not JSON with 422, on the game and the admin API', async () => {
    const { call, admin } = await world();
    expectErrorBody(await call('POST', '/my/ships/HOST-1-1/navigate', '{"waypointSymbol":'), 422);
    expectErrorBody(await admin('POST', 'clock', 'not json'), 422);
  });

  it('answers a body declared as something other than JSON with 415', async () => {
    const { sandbox, call } = await world();
    const asText = { 'content-type': 'text/plain' };
    expectErrorBody(await call('POST', '/my/ships/HOST-1-1/orbit', '{}', asText), 415);
    const form = await fetch(`${sandbox.adminUrl}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'freeze=true',
    });
    expectErrorBody({ status: form.status, body: await form.json() }, 415);
    // JSON with a charset, or a +json type, is JSON.
    const charset = await call('POST', '/my/ships/HOST-1-1/orbit', '{}', {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(charset.status).toBe(200);
  });

  it('answers an oversized body with 413, whether announced or streamed, and keeps serving', async () => {
    const { sandbox, call } = await world();
    const announced = await rawRequest(sandbox.port, {
      method: 'POST',
      path: '/v2/my/ships/HOST-1-1/orbit',
      headers: { 'content-type': 'application/json', 'content-length': 50_000_000 },
      body: '{',
      abort: true,
    });
    if (announced !== 'aborted') expectErrorBody(announced, 413);
    const streamed = await call('POST', '/my/ships/HOST-1-1/navigate', `{"pad":"${'x'.repeat(2_000_000)}"}`).catch(
      () => 'reset' as const,
    );
    if (streamed !== 'reset') expectErrorBody(streamed, 413);
    expect((await call('GET', '/my/agent')).status).toBe(200);
  });

  it('survives a client that drops the connection in the middle of its body', async () => {
    const { sandbox, call } = await world();
    for (const path of ['/v2/my/ships/HOST-1-1/navigate', '/_sandbox/state']) {
      const dropped = await rawRequest(sandbox.port, {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', 'content-length': 1000 },
        body: '{"waypointSymbol":',
        abort: true,
      });
      expect(dropped).toBe('aborted');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await call('GET', '/my/agent')).status).toBe(200);
  });

  it('never resolves a symbol to a member of Object.prototype', async () => {
    const { admin, call } = await world();
    await admin('POST', 'ships/HOST-1-1', { status: 'DOCKED', waypoint: 'X1-H-A' });
    const credits = (await call('GET', '/my/agent')).body.data.credits;
    for (const symbol of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expectErrorBody(await call('POST', '/my/ships/HOST-1-1/purchase', { symbol, units: 1 }), [400, 422]);
      expectErrorBody(await call('POST', '/my/ships/HOST-1-1/sell', { symbol, units: 1 }), [400, 422]);
      expectErrorBody(await call('GET', `/my/contracts/${symbol}`), 404);
    }
    expect((await call('GET', '/my/agent')).body.data.credits).toBe(credits);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('answers an extraction with an empty or malformed survey with a 4xx', async () => {
    const { admin, call } = await world();
    await admin('POST', 'ships/HOST-1-1', { status: 'IN_ORBIT', waypoint: 'X1-H-B' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const surveys = [
      { signature: 'X1-H-B-1', symbol: 'X1-H-B', deposits: [], expiration: future, size: 'SMALL' },
      { signature: 'X1-H-B-1', symbol: 'X1-H-B', deposits: 'IRON_ORE', expiration: future, size: 'SMALL' },
      { signature: 'X1-H-B-1', symbol: 'X1-H-B', deposits: [{ symbol: 7 }], expiration: future, size: 'SMALL' },
      { signature: 'X1-H-B-1', symbol: 'X1-H-B', deposits: [{ symbol: 'IRON_ORE' }], expiration: 'never' },
      'X1-H-B',
    ];
    for (const survey of surveys)
      expectErrorBody(await call('POST', '/my/ships/HOST-1-1/extract/survey', survey), [400, 422]);
    const cargo = (await call('GET', '/my/ships/HOST-1-1/cargo')).body.data;
    expect(cargo.units).toBe(0);
  });

  it('rejects hostile admin input without breaking the clock, the faults or the ships', async () => {
    const { admin, call } = await world();
    for (const clock of ['{"advanceMs":1e309}', { advanceMs: 'soon' }, { timeScale: 0 }, { timeScale: 'fast' }])
      expectErrorBody(await admin('POST', 'clock', clock), [400, 422]);
    for (const fault of [
      { path: '/my/agent', count: 1, status: 99 },
      { path: '/my/agent', count: 1, status: 'bad' },
      { path: '/my/agent', count: 1, delayMs: -5 },
      { path: '(', count: 1 },
      { path: '/my/agent', count: 'lots' },
      { path: '/my/agent', count: 1, drop: 'sideways' },
    ])
      expectErrorBody(await admin('POST', 'faults', fault), [400, 422]);
    const ship = (await call('GET', '/my/ships/HOST-1-1')).body.data;
    for (const patch of [
      { speed: 0 },
      { flightMode: 'WARP9' },
      { fuel: -1 },
      '{"fuelCapacity":1e309}',
      { waypoint: 7 },
    ])
      expectErrorBody(await admin('POST', 'ships/HOST-1-1', patch), [400, 422]);
    expectErrorBody(await admin('POST', 'ships/NOPE-1', { fuel: 1 }), 404);
    expectErrorBody(
      await admin('POST', 'layout', { systems: [{ symbol: 'X1-L', waypoints: [{ symbol: 'X1-L-A' }] }] }),
      422,
    );
    expectErrorBody(await admin('POST', 'reset', { resetDate: 'someday' }), 422);
    expect((await call('GET', '/my/ships/HOST-1-1')).body.data).toEqual(ship);
    expect((await call('GET', '/')).status).toBe(200);
    expect(Number.isNaN(Date.parse((await admin('POST', 'clock', {})).body.now))).toBe(false);
  });

  it('answers every operation of the spec, given hostile symbols and bodies, with something other than a 5xx', async () => {
    const { admin, call, contract } = await world();
    await admin('POST', 'ships/HOST-1-1', { status: 'IN_ORBIT', waypoint: 'X1-H-B' });
    const spec = JSON.parse(readFileSync(new URL('../../spec/openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const real: Record<string, string> = {
      shipSymbol: 'HOST-1-1',
      contractId: contract,
      systemSymbol: 'X1-H',
      waypointSymbol: 'X1-H-B',
      agentSymbol: 'HOST-1',
      factionSymbol: 'COSMIC',
    };
    const hostileSymbols = ['__proto__', 'constructor', '%ff', '..', 'x'.repeat(300)];
    const fields = ['waypointSymbol', 'symbol', 'units', 'shipSymbol', 'tradeSymbol', 'produce', 'flightMode'];
    const values: unknown[] = [null, {}, [], '__proto__', 'constructor', -1, 0, 1.5, 1e308, '', true];
    const bodies: unknown[] = [
      null,
      [],
      'text',
      0,
      {},
      ...values.map((v) => Object.fromEntries([...fields, 'shipType', 'faction', 'survey'].map((f) => [f, v]))),
      { deposits: [], signature: 'S', symbol: 'X1-H-B', expiration: '2999-01-01T00:00:00Z', size: 'SMALL' },
    ];
    const failures: string[] = [];
    for (const [template, operations] of Object.entries(spec.paths)) {
      for (const method of Object.keys(operations)) {
        if (template.includes('socket.io')) continue;
        const fill = (pick: (name: string) => string) =>
          template.replace(/\{(\w+)\}/g, (_, name: string) => pick(name));
        const attempts: Array<[string, unknown]> = [
          ...hostileSymbols.map((s) => [fill(() => s), {}] as [string, unknown]),
          ...(method === 'get' ? [] : bodies.map((b) => [fill((n) => real[n]!), b] as [string, unknown])),
        ];
        for (const [path, body] of attempts) {
          const answer = await call(method.toUpperCase(), path, method === 'get' ? undefined : body);
          if (answer.status >= 500)
            failures.push(`${method.toUpperCase()} ${path} ${JSON.stringify(body)} → ${answer.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    const dumped = (await admin('GET', 'state')).body;
    expect((await admin('POST', 'state', dumped)).status).toBe(200);
  });
});
