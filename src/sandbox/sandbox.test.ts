import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecValidator } from '../test-support/spec-validator.js';
import { startSandbox, type RunningSandbox } from './index.js';

const spec = new SpecValidator();
let sandbox: RunningSandbox;
let token: string;
let ships: string[];
let hq: string;
let system: string;

async function call(method: string, path: string, body?: unknown, auth: string | undefined = token) {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Calls the sandbox and checks the answer against the spec's schema for that operation and status. */
async function conforming(method: string, template: string, path: string, expectedStatus: number, body?: unknown) {
  const reply = await call(method, path, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(expectedStatus);
  if (expectedStatus !== 204) expect(spec.check(method, template, expectedStatus, reply.body)).toBeUndefined();
  return reply.body;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: false, seed: 3 });
  const registered = await call('POST', '/register', { symbol: 'spec-1', faction: 'COSMIC' }, 'account');
  expect(registered.status).toBe(201);
  expect(spec.check('post', '/register', 201, registered.body)).toBeUndefined();
  token = registered.body.data.token;
  ships = registered.body.data.ships.map((s: { symbol: string }) => s.symbol);
  hq = registered.body.data.agent.headquarters;
  system = hq.split('-').slice(0, 2).join('-');
});

afterAll(async () => {
  await sandbox.close();
});

describe('sandbox responses match the official spec', () => {
  it('the validator itself rejects a body that does not match', () => {
    expect(spec.check('get', '/my/agent', 200, { data: { symbol: 'X' } })).toMatch(/must have required property/);
  });

  it('status, agent, factions', async () => {
    const status = await call('GET', '/', undefined, undefined);
    expect(spec.check('get', '/', 200, status.body)).toBeUndefined();
    await conforming('GET', '/my/agent', '/my/agent', 200);
    await conforming('GET', '/agents', '/agents?limit=20', 200);
    await conforming('GET', '/agents/{agentSymbol}', '/agents/SPEC-1', 200);
    await conforming('GET', '/factions', '/factions', 200);
    await conforming('GET', '/factions/{factionSymbol}', '/factions/COSMIC', 200);
  });

  it('fleet reads', async () => {
    await conforming('GET', '/my/ships', '/my/ships', 200);
    await conforming('GET', '/my/ships/{shipSymbol}', `/my/ships/${ships[0]}`, 200);
    await conforming('GET', '/my/ships/{shipSymbol}/nav', `/my/ships/${ships[0]}/nav`, 200);
    await conforming('GET', '/my/ships/{shipSymbol}/cargo', `/my/ships/${ships[0]}/cargo`, 200);
    await conforming('GET', '/my/ships/{shipSymbol}/cooldown', `/my/ships/${ships[0]}/cooldown`, 204);
  });

  it('systems, waypoints, markets, shipyards, gates', async () => {
    await conforming('GET', '/systems', '/systems?limit=20', 200);
    await conforming('GET', '/systems/{systemSymbol}', `/systems/${system}`, 200);
    const waypoints = await conforming(
      'GET',
      '/systems/{systemSymbol}/waypoints',
      `/systems/${system}/waypoints?limit=20`,
      200,
    );
    await conforming(
      'GET',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}',
      `/systems/${system}/waypoints/${hq}`,
      200,
    );
    await conforming(
      'GET',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/market',
      `/systems/${system}/waypoints/${hq}/market`,
      200,
    );
    await conforming(
      'GET',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/shipyard',
      `/systems/${system}/waypoints/${hq}/shipyard`,
      200,
    );
    const gate = waypoints.data.find((w: { type: string }) => w.type === 'JUMP_GATE');
    await conforming(
      'GET',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/jump-gate',
      `/systems/${system}/waypoints/${gate.symbol}/jump-gate`,
      200,
    );
  });

  it('orbit, flight mode, navigate, dock, refuel, trade, contracts', async () => {
    const ship = ships[0]!;
    await conforming('POST', '/my/ships/{shipSymbol}/orbit', `/my/ships/${ship}/orbit`, 200);
    await conforming('PATCH', '/my/ships/{shipSymbol}/nav', `/my/ships/${ship}/nav`, 200, { flightMode: 'CRUISE' });
    const waypoints = (await call('GET', `/systems/${system}/waypoints?limit=20`)).body.data;
    const target = waypoints.find((w: { symbol: string; x: number; y: number }) => w.symbol !== hq);
    await conforming('POST', '/my/ships/{shipSymbol}/navigate', `/my/ships/${ship}/navigate`, 200, {
      waypointSymbol: target.symbol,
    });
    await sandbox.server.clock.advance(3_600_000);
    await conforming('POST', '/my/ships/{shipSymbol}/dock', `/my/ships/${ship}/dock`, 200);
    await call('POST', `/my/ships/${ship}/orbit`);
    await conforming('POST', '/my/ships/{shipSymbol}/navigate', `/my/ships/${ship}/navigate`, 200, {
      waypointSymbol: hq,
    });
    sandbox.server.clock.advance(3_600_000);
    await call('POST', `/my/ships/${ship}/dock`);
    await conforming('POST', '/my/ships/{shipSymbol}/refuel', `/my/ships/${ship}/refuel`, 200, {});
    const market = (await call('GET', `/systems/${system}/waypoints/${hq}/market`)).body.data;
    const good = market.tradeGoods.find((g: { type: string }) => g.type === 'EXPORT');
    await conforming('POST', '/my/ships/{shipSymbol}/purchase', `/my/ships/${ship}/purchase`, 201, {
      symbol: good.symbol,
      units: 1,
    });
    await conforming('POST', '/my/ships/{shipSymbol}/sell', `/my/ships/${ship}/sell`, 201, {
      symbol: good.symbol,
      units: 1,
    });
    const contracts = await conforming('GET', '/my/contracts', '/my/contracts', 200);
    await conforming('GET', '/my/contracts/{contractId}', `/my/contracts/${contracts.data[0].id}`, 200);
    await conforming('POST', '/my/contracts/{contractId}/accept', `/my/contracts/${contracts.data[0].id}/accept`, 200);
  });

  it('survey, extract, jettison, buy a ship, warp', async () => {
    const ship = ships[0]!;
    const waypoints = (await call('GET', `/systems/${system}/waypoints?limit=20&type=ASTEROID`)).body.data;
    await call('POST', `/my/ships/${ship}/orbit`);
    await call('PATCH', `/my/ships/${ship}/nav`, { flightMode: 'DRIFT' });
    await conforming('POST', '/my/ships/{shipSymbol}/navigate', `/my/ships/${ship}/navigate`, 200, {
      waypointSymbol: waypoints[0].symbol,
    });
    sandbox.server.clock.advance(48 * 3_600_000);
    const survey = await conforming('POST', '/my/ships/{shipSymbol}/survey', `/my/ships/${ship}/survey`, 201);
    // A SURVEYOR_II (power 3) cools down for 90 s, a MINING_LASER_II (power 2) for 80 s.
    expect(survey.data.cooldown.totalSeconds).toBe(90);
    sandbox.server.clock.advance(90_000);
    const extracted = await conforming('POST', '/my/ships/{shipSymbol}/extract', `/my/ships/${ship}/extract`, 201);
    await conforming('GET', '/my/ships/{shipSymbol}/cooldown', `/my/ships/${ship}/cooldown`, 200);
    const onCooldown = await call('POST', `/my/ships/${ship}/extract`);
    expect([onCooldown.status, onCooldown.body.error.code]).toEqual([409, 4000]);
    sandbox.server.clock.advance(80_000);
    await conforming(
      'POST',
      '/my/ships/{shipSymbol}/extract/survey',
      `/my/ships/${ship}/extract/survey`,
      201,
      survey.data.surveys[0],
    );
    const good = extracted.data.extraction.yield;
    await conforming('POST', '/my/ships/{shipSymbol}/jettison', `/my/ships/${ship}/jettison`, 200, {
      symbol: good.symbol,
      units: 1,
    });
    const probe = ships[1]!;
    await conforming('POST', '/my/ships', '/my/ships', 201, { shipType: 'SHIP_MINING_DRONE', waypointSymbol: hq });
    const other = (await call('GET', '/systems?limit=20')).body.data.find(
      (s: { symbol: string }) => s.symbol !== system,
    );
    // The command frigate has no warp drive (as the live one): the admin API fits one for the warp.
    const noWarpDrive = await call('POST', `/my/ships/${ship}/warp`, { waypointSymbol: other.waypoints[0].symbol });
    expect(noWarpDrive.body.error.code).toBe(4241);
    await fetch(`${sandbox.adminUrl}/ships/${ship}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ modules: ['MODULE_CARGO_HOLD_II', 'MODULE_MINERAL_PROCESSOR_I', 'MODULE_WARP_DRIVE_I'] }),
    });
    await call('POST', `/my/ships/${ship}/orbit`);
    await call('PATCH', `/my/ships/${ship}/nav`, { flightMode: 'DRIFT' });
    await conforming('POST', '/my/ships/{shipSymbol}/warp', `/my/ships/${ship}/warp`, 200, {
      waypointSymbol: other.waypoints[0].symbol,
    });
    const noDrive = await call('POST', `/my/ships/${probe}/warp`, { waypointSymbol: other.waypoints[0].symbol });
    expect(noDrive.body.error.code).toBe(4236);
  });

  it('jump through a gate', async () => {
    const ship = ships[1]!;
    const gate = (await call('GET', `/systems/${system}/waypoints?type=JUMP_GATE`)).body.data[0];
    const { connections } = (await call('GET', `/systems/${system}/waypoints/${gate.symbol}/jump-gate`)).body.data;
    const open = connections.find((c: string) => !sandbox.server.game.world.waypoints[c]!.isUnderConstruction);
    await fetch(`${sandbox.adminUrl}/ships/${ship}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waypoint: gate.symbol, status: 'IN_ORBIT' }),
    });
    const jumped = await conforming('POST', '/my/ships/{shipSymbol}/jump', `/my/ships/${ship}/jump`, 200, {
      waypointSymbol: open,
    });
    expect(jumped.data.nav.waypointSymbol).toBe(open);
  });
});
