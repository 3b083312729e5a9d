import { afterEach, describe, expect, it } from 'vitest';
import type { paths } from '../api-schema/generated/spacetraders-api-schema.js';
import { SpecValidator } from '../test-support/spec-validator.js';
import { startSandbox, type RunningSandbox } from './index.js';
import type { Layout } from './world/layout.js';

const spec = new SpecValidator();

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

type Method = 'get' | 'post';
/** The JSON body the spec declares for `method path` answering `status`. */
type Body<P, M extends Method, St extends number> = P extends keyof paths
  ? paths[P][M] extends { responses: infer R }
    ? St extends keyof R
      ? R[St] extends { content: { 'application/json': infer J } }
        ? J
        : never
      : never
    : never
  : never;

interface Failure {
  status: number;
  code: number;
  message: string;
  data?: Record<string, unknown>;
}

const SHOP = [
  'MOUNT_SENSOR_ARRAY_I',
  'MOUNT_GAS_SIPHON_I',
  'MODULE_CARGO_HOLD_II',
  'MODULE_ORE_REFINERY_I',
  'IRON_ORE',
  'FAB_MATS',
  'ADVANCED_CIRCUITRY',
];

/** A home system with a shipyard and a shop, a gas giant, an uncharted moon and a gate still being built. */
const LAYOUT: Layout = {
  systems: [
    {
      symbol: 'X1-OP',
      x: 0,
      y: 0,
      waypoints: [
        { symbol: 'X1-OP-A', x: 0, y: 0, fuel: 100, shipyard: ['SHIP_PROBE', 'SHIP_MINING_DRONE'], exchange: SHOP },
        { symbol: 'X1-OP-G', type: 'GAS_GIANT', x: 40, y: 30, traits: ['JOVIAN'] },
        { symbol: 'X1-OP-U', type: 'MOON', x: -20, y: 10, traits: ['UNCHARTED', 'BARREN', 'MINERAL_DEPOSITS'] },
        { symbol: 'X1-OP-J', x: 60, y: -60, gate: ['X1-OQ-J'], construction: { FAB_MATS: 30, ADVANCED_CIRCUITRY: 5 } },
      ],
    },
    {
      symbol: 'X1-OQ',
      x: 1200,
      y: 900,
      waypoints: [{ symbol: 'X1-OQ-J', x: 0, y: 0, gate: ['X1-OP-J'], underConstruction: true }],
    },
    { symbol: 'X1-FAR', x: 9000, y: 9000, waypoints: [{ symbol: 'X1-FAR-A', x: 0, y: 0 }] },
  ],
};

const FRIGATE = 'OPS-1-1';
const PROBE = 'OPS-1-2';

async function world() {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  running.push(sandbox);
  const admin = (path: string, body: unknown) =>
    fetch(`${sandbox.adminUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await admin('layout', LAYOUT);

  const send = async (
    method: string,
    path: string,
    body?: unknown,
    auth?: string,
  ): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const register = async (symbol: string) => {
    const reply = await send('POST', '/register', { symbol, faction: 'COSMIC' }, 'account');
    expect(reply.status).toBe(201);
    return (reply.body as Body<'/register', 'post', 201>).data;
  };
  const registered = await register('OPS-1');
  const token = registered.token;

  /** Calls the API, expects `status`, checks the body against the spec, and returns it typed as the spec declares. */
  const ok = async <P extends keyof paths, M extends Method, St extends number>(
    method: M,
    template: P,
    path: string,
    status: St,
    body?: unknown,
    auth: string | null = token,
  ) => {
    const reply = await send(method.toUpperCase(), path, body, auth ?? undefined);
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    expect(spec.check(method, template, status, reply.body)).toBeUndefined();
    return reply.body as Body<P, M, St>;
  };
  /** Calls the API expecting an error; returns its status, code and data. */
  const fails = async (method: string, path: string, body?: unknown, auth: string | null = token): Promise<Failure> => {
    const reply = await send(method, path, body, auth ?? undefined);
    expect(reply.status, JSON.stringify(reply.body)).toBeGreaterThanOrEqual(400);
    const { error } = reply.body as { error: Omit<Failure, 'status'> };
    expect(typeof error.code).toBe('number');
    return { status: reply.status, ...error };
  };
  /** The admin API's setup step: put a ship somewhere, docked or in orbit. */
  const place = (ship: string, waypoint: string, status: 'DOCKED' | 'IN_ORBIT') =>
    admin(`ships/${ship}`, { waypoint, status });
  const credits = async () => (await ok('get', '/my/agent', '/my/agent', 200)).data.credits;
  const cargoOf = async (ship: string) =>
    (await ok('get', '/my/ships/{shipSymbol}/cargo', `/my/ships/${ship}/cargo`, 200)).data;
  const held = async (ship: string, good: string) =>
    (await cargoOf(ship)).inventory.find((i) => i.symbol === good)?.units ?? 0;
  /** Buys at the ship's market, in lots no larger than the layout's trade volume of 20. */
  const buy = async (ship: string, good: string, units: number) => {
    for (let left = units; left > 0; left -= 20)
      await ok('post', '/my/ships/{shipSymbol}/purchase', `/my/ships/${ship}/purchase`, 201, {
        symbol: good,
        units: Math.min(20, left),
      });
  };
  const install = async <K extends 'mounts' | 'modules'>(kind: K, ship: string, symbol: string) => {
    await buy(ship, symbol, 1);
    const template: `/my/ships/{shipSymbol}/${K}/install` = `/my/ships/{shipSymbol}/${kind}/install`;
    return ok('post', template, `/my/ships/${ship}/${kind}/install`, 201, { symbol });
  };
  /** Removes an installed mount or module into the cargo hold (the command frigate's loadout fills its slots). */
  const remove = async <K extends 'mounts' | 'modules'>(kind: K, ship: string, symbol: string) => {
    const template: `/my/ships/{shipSymbol}/${K}/remove` = `/my/ships/{shipSymbol}/${kind}/remove`;
    return ok('post', template, `/my/ships/${ship}/${kind}/remove`, 201, { symbol });
  };
  const advance = (ms: number) => sandbox.server.clock.advance(ms);
  return { sandbox, send, ok, fails, place, credits, cargoOf, held, buy, install, remove, advance, register, token };
}

describe('reference data', () => {
  it('lists the error codes and the supply chain, without a token', async () => {
    const { ok } = await world();
    const codes = await ok('get', '/error-codes', '/error-codes', 200, undefined, null);
    expect(codes.errorCodes).toContainEqual({ code: 4230, name: 'waypointChartedError' });
    expect(codes.errorCodes).toContainEqual({ code: 4214, name: 'shipInTransitError' });
    expect(new Set(codes.errorCodes.map((c) => c.code)).size).toBe(codes.errorCodes.length);

    const chain = await ok('get', '/market/supply-chain', '/market/supply-chain', 200, undefined, null);
    expect(chain.data.exportToImportMap.IRON).toEqual(['IRON_ORE']);
    expect(chain.data.exportToImportMap.FAB_MATS).toContain('IRON');
  });
});

describe('account, factions and events', () => {
  it('shows the account the agent was registered under, its reputation, and what happened to it', async () => {
    const { ok, fails, place, sandbox } = await world();
    const agent = sandbox.server.game.world.agents['OPS-1']!;
    const { data: account } = await ok('get', '/my/account', '/my/account', 200);
    expect(account.account.id).toBe(agent.accountId);
    expect(Math.abs(Date.parse(account.account.createdAt) - sandbox.server.clock.now())).toBeLessThan(60_000);
    expect((await fails('GET', '/my/account', undefined, null)).code).toBe(401);

    const factions = await ok('get', '/my/factions', '/my/factions', 200);
    expect(factions.data).toEqual([{ symbol: 'COSMIC', reputation: 100 }]);
    expect(factions.meta.total).toBe(1);
    expect((await fails('GET', '/my/factions', undefined, 'not-a-token')).code).toBe(401);

    expect((await ok('get', '/my/agent/events', '/my/agent/events', 200)).data).toEqual([]);
    await place(FRIGATE, 'X1-OP-U', 'IN_ORBIT');
    await ok('post', '/my/ships/{shipSymbol}/chart', `/my/ships/${FRIGATE}/chart`, 201);
    const events = (await ok('get', '/my/agent/events', '/my/agent/events', 200)).data;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'WAYPOINT_CHARTED',
      data: { shipSymbol: FRIGATE, waypointSymbol: 'X1-OP-U' },
    });
    expect((await fails('GET', '/my/agent/events', undefined, null)).code).toBe(401);
  });
});

describe('charting', () => {
  it('charts an uncharted waypoint once: reveals its traits, records the chart and pays the reward', async () => {
    const { ok, fails, place, credits } = await world();
    const before = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}',
      '/systems/X1-OP/waypoints/X1-OP-U',
      200,
    );
    expect(before.data.traits.map((t) => t.symbol)).toEqual(['UNCHARTED']);
    expect(before.data.chart).toBeUndefined();
    const uncharted = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints',
      '/systems/X1-OP/waypoints?traits=UNCHARTED',
      200,
    );
    expect(uncharted.data.map((w) => w.symbol)).toEqual(['X1-OP-U']);

    await place(FRIGATE, 'X1-OP-U', 'IN_ORBIT');
    const startCredits = await credits();
    const charted = await ok('post', '/my/ships/{shipSymbol}/chart', `/my/ships/${FRIGATE}/chart`, 201);
    expect(charted.data.chart).toMatchObject({ waypointSymbol: 'X1-OP-U', submittedBy: 'OPS-1' });
    expect(charted.data.transaction).toMatchObject({ waypointSymbol: 'X1-OP-U', shipSymbol: FRIGATE });
    expect(charted.data.transaction.totalPrice).toBeGreaterThan(0);
    expect(charted.data.agent.credits).toBe(startCredits + charted.data.transaction.totalPrice);
    expect(await credits()).toBe(startCredits + charted.data.transaction.totalPrice);

    const after = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}',
      '/systems/X1-OP/waypoints/X1-OP-U',
      200,
    );
    expect(after.data.traits.map((t) => t.symbol)).toEqual(['BARREN', 'MINERAL_DEPOSITS']);
    expect(after.data.chart?.submittedBy).toBe('OPS-1');

    const again = await fails('POST', `/my/ships/${FRIGATE}/chart`);
    expect([again.status, again.code, again.data]).toEqual([400, 4230, { waypointSymbol: 'X1-OP-U' }]);
    expect(await credits()).toBe(startCredits + charted.data.transaction.totalPrice);
  });

  it('cannot chart from a ship in transit', async () => {
    const { ok, fails, place } = await world();
    await place(FRIGATE, 'X1-OP-A', 'IN_ORBIT');
    await ok('post', '/my/ships/{shipSymbol}/navigate', `/my/ships/${FRIGATE}/navigate`, 200, {
      waypointSymbol: 'X1-OP-U',
    });
    expect((await fails('POST', `/my/ships/${FRIGATE}/chart`)).code).toBe(4214);
  });
});

describe('scanning', () => {
  it('needs a sensor array; scans systems, waypoints and ships, each starting a cooldown', async () => {
    const { ok, fails, install, remove, advance, cargoOf, held } = await world();
    // The command frigate carries a SENSOR_ARRAY_II: without it, it cannot scan.
    await remove('mounts', FRIGATE, 'MOUNT_SENSOR_ARRAY_II');
    const missing = await fails('POST', `/my/ships/${FRIGATE}/scan/systems`);
    expect([missing.code, missing.data]).toEqual([4215, { shipSymbol: FRIGATE }]);
    expect((await fails('POST', `/my/ships/${FRIGATE}/scan/waypoints`)).code).toBe(4215);
    expect((await fails('POST', `/my/ships/${FRIGATE}/scan/ships`)).code).toBe(4215);

    await install('mounts', FRIGATE, 'MOUNT_SENSOR_ARRAY_I');
    const systems = await ok('post', '/my/ships/{shipSymbol}/scan/systems', `/my/ships/${FRIGATE}/scan/systems`, 201);
    expect(systems.data.systems.map((s) => [s.symbol, s.distance])).toEqual([['X1-OQ', 1500]]);
    expect(systems.data.cooldown.remainingSeconds).toBeGreaterThan(0);
    const cooling = (await ok('get', '/my/ships/{shipSymbol}/cooldown', `/my/ships/${FRIGATE}/cooldown`, 200)).data;
    expect(cooling.totalSeconds).toBe(systems.data.cooldown.totalSeconds);

    const busy = await fails('POST', `/my/ships/${FRIGATE}/scan/waypoints`);
    expect([busy.status, busy.code]).toEqual([409, 4000]);
    advance(systems.data.cooldown.totalSeconds * 1000);

    const waypoints = await ok(
      'post',
      '/my/ships/{shipSymbol}/scan/waypoints',
      `/my/ships/${FRIGATE}/scan/waypoints`,
      201,
    );
    expect(waypoints.data.waypoints.map((w) => w.symbol).sort()).toEqual(['X1-OP-A', 'X1-OP-G', 'X1-OP-J', 'X1-OP-U']);
    // A scan sees through the uncharted state.
    expect(waypoints.data.waypoints.find((w) => w.symbol === 'X1-OP-U')!.traits.map((t) => t.symbol)).toEqual([
      'UNCHARTED',
      'BARREN',
      'MINERAL_DEPOSITS',
    ]);
    advance(waypoints.data.cooldown.totalSeconds * 1000);

    const ships = await ok('post', '/my/ships/{shipSymbol}/scan/ships', `/my/ships/${FRIGATE}/scan/ships`, 201);
    expect(ships.data.ships.map((s) => s.symbol)).toEqual([PROBE]);
    expect(ships.data.ships[0]).toMatchObject({
      frame: { symbol: 'FRAME_PROBE' },
      engine: { symbol: 'ENGINE_IMPULSE_DRIVE_I' },
      nav: { waypointSymbol: 'X1-OP-A' },
    });
    // The sensor array I bought went from the hold onto the ship; the removed one is still in the hold.
    expect((await cargoOf(FRIGATE)).units).toBe(1);
    expect(await held(FRIGATE, 'MOUNT_SENSOR_ARRAY_II')).toBe(1);
  });
});

describe('mounts and modules', () => {
  it('installs a mount from the cargo hold and removes one into it, for the shipyard fee', async () => {
    const { ok, fails, buy, credits, held, place } = await world();
    const mounts = await ok('get', '/my/ships/{shipSymbol}/mounts', `/my/ships/${FRIGATE}/mounts`, 200);
    expect(mounts.data.map((m) => m.symbol)).toEqual([
      'MOUNT_SENSOR_ARRAY_II',
      'MOUNT_GAS_SIPHON_II',
      'MOUNT_MINING_LASER_II',
      'MOUNT_SURVEYOR_II',
    ]);

    const notCarried = await fails('POST', `/my/ships/${FRIGATE}/mounts/install`, { symbol: 'MOUNT_SENSOR_ARRAY_I' });
    expect([notCarried.code, notCarried.data]).toEqual([
      4218,
      { shipSymbol: FRIGATE, tradeSymbol: 'MOUNT_SENSOR_ARRAY_I', cargoUnits: 0, unitsToRemove: 1 },
    ]);
    await buy(FRIGATE, 'MOUNT_SENSOR_ARRAY_I', 1);
    const before = await credits();
    const installed = await ok(
      'post',
      '/my/ships/{shipSymbol}/mounts/install',
      `/my/ships/${FRIGATE}/mounts/install`,
      201,
      { symbol: 'MOUNT_SENSOR_ARRAY_I' },
    );
    expect(installed.data.mounts.map((m) => m.symbol)).toContain('MOUNT_SENSOR_ARRAY_I');
    expect(installed.data.cargo.units).toBe(0);
    expect(installed.data.transaction).toMatchObject({
      waypointSymbol: 'X1-OP-A',
      shipSymbol: FRIGATE,
      tradeSymbol: 'MOUNT_SENSOR_ARRAY_I',
    });
    expect(await credits()).toBe(before - installed.data.transaction.totalPrice);
    expect(installed.data.transaction.totalPrice).toBeGreaterThan(0);

    const removed = await ok(
      'post',
      '/my/ships/{shipSymbol}/mounts/remove',
      `/my/ships/${FRIGATE}/mounts/remove`,
      201,
      { symbol: 'MOUNT_SURVEYOR_II' },
    );
    expect(removed.data.mounts.map((m) => m.symbol)).toEqual([
      'MOUNT_SENSOR_ARRAY_II',
      'MOUNT_GAS_SIPHON_II',
      'MOUNT_MINING_LASER_II',
      'MOUNT_SENSOR_ARRAY_I',
    ]);
    expect(await held(FRIGATE, 'MOUNT_SURVEYOR_II')).toBe(1);
    expect(removed.data.agent.credits).toBe(before - 2 * installed.data.transaction.totalPrice);
    const notInstalled = await fails('POST', `/my/ships/${FRIGATE}/mounts/remove`, { symbol: 'MOUNT_SURVEYOR_II' });
    expect([notInstalled.code, notInstalled.data]).toEqual([
      4247,
      { shipSymbol: FRIGATE, mountSymbol: 'MOUNT_SURVEYOR_II' },
    ]);

    await place(FRIGATE, 'X1-OP-A', 'IN_ORBIT');
    expect((await fails('POST', `/my/ships/${FRIGATE}/mounts/install`, { symbol: 'MOUNT_SURVEYOR_II' })).code).toBe(
      4244,
    );
    await place(FRIGATE, 'X1-OP-U', 'DOCKED');
    const noYard = await fails('POST', `/my/ships/${FRIGATE}/mounts/install`, { symbol: 'MOUNT_SURVEYOR_II' });
    expect([noYard.code, noYard.data]).toEqual([4246, { waypointSymbol: 'X1-OP-U' }]);
    expect(await held(FRIGATE, 'MOUNT_SURVEYOR_II')).toBe(1);
  });

  it("installs modules within the frame's slots; cargo holds change the capacity", async () => {
    const { ok, fails, install, remove, buy, cargoOf, held } = await world();
    const modules = await ok('get', '/my/ships/{shipSymbol}/modules', `/my/ships/${FRIGATE}/modules`, 200);
    expect(modules.data.map((m) => m.symbol)).toEqual([
      'MODULE_CARGO_HOLD_II',
      'MODULE_CREW_QUARTERS_I',
      'MODULE_CREW_QUARTERS_I',
      'MODULE_MINERAL_PROCESSOR_I',
      'MODULE_GAS_PROCESSOR_I',
    ]);
    const capacity = (await cargoOf(FRIGATE)).capacity;
    // The frigate's eight slots are all in use: a two-slot hold does not fit.
    await buy(FRIGATE, 'MODULE_CARGO_HOLD_II', 1);
    const full = await fails('POST', `/my/ships/${FRIGATE}/modules/install`, { symbol: 'MODULE_CARGO_HOLD_II' });
    expect([full.code, full.data]).toEqual([4250, { shipSymbol: FRIGATE, slotsRequired: 2, slotsAvailable: 0 }]);
    expect(await held(FRIGATE, 'MODULE_CARGO_HOLD_II')).toBe(1);

    const removed = await remove('modules', FRIGATE, 'MODULE_GAS_PROCESSOR_I');
    expect(removed.data.modules.map((m) => m.symbol)).not.toContain('MODULE_GAS_PROCESSOR_I');
    expect(await held(FRIGATE, 'MODULE_GAS_PROCESSOR_I')).toBe(1);
    const gone = await fails('POST', `/my/ships/${FRIGATE}/modules/remove`, { symbol: 'MODULE_GAS_PROCESSOR_I' });
    expect([gone.code, gone.data]).toEqual([4267, { shipSymbol: FRIGATE, moduleSymbol: 'MODULE_GAS_PROCESSOR_I' }]);

    const hold = await ok(
      'post',
      '/my/ships/{shipSymbol}/modules/install',
      `/my/ships/${FRIGATE}/modules/install`,
      201,
      { symbol: 'MODULE_CARGO_HOLD_II' },
    );
    expect(hold.data.modules.map((m) => m.symbol)).toContain('MODULE_CARGO_HOLD_II');
    expect(hold.data.cargo.capacity).toBe(capacity + 40);
    // Eight slots are in use again: a one-slot refinery does not fit either.
    await buy(FRIGATE, 'MODULE_ORE_REFINERY_I', 1);
    const noSlot = await fails('POST', `/my/ships/${FRIGATE}/modules/install`, { symbol: 'MODULE_ORE_REFINERY_I' });
    expect([noSlot.code, noSlot.data]).toEqual([4250, { shipSymbol: FRIGATE, slotsRequired: 1, slotsAvailable: 0 }]);
    await remove('modules', FRIGATE, 'MODULE_CREW_QUARTERS_I');
    await install('modules', FRIGATE, 'MODULE_ORE_REFINERY_I');
  });
});

describe('siphoning and refining', () => {
  it('siphons gas at a gas giant with a gas siphon, then cools down', async () => {
    const { ok, fails, install, remove, place, advance, held } = await world();
    // The command frigate carries a GAS_SIPHON_II: without it, it cannot siphon.
    await remove('mounts', FRIGATE, 'MOUNT_GAS_SIPHON_II');
    await place(FRIGATE, 'X1-OP-G', 'IN_ORBIT');
    const noSiphon = await fails('POST', `/my/ships/${FRIGATE}/siphon`);
    expect([noSiphon.code, noSiphon.data]).toEqual([4258, { shipSymbol: FRIGATE }]);

    await place(FRIGATE, 'X1-OP-A', 'DOCKED');
    await install('mounts', FRIGATE, 'MOUNT_GAS_SIPHON_I');
    await place(FRIGATE, 'X1-OP-G', 'DOCKED');
    expect((await fails('POST', `/my/ships/${FRIGATE}/siphon`)).code).toBe(4236);
    await ok('post', '/my/ships/{shipSymbol}/orbit', `/my/ships/${FRIGATE}/orbit`, 200);

    const siphoned = await ok('post', '/my/ships/{shipSymbol}/siphon', `/my/ships/${FRIGATE}/siphon`, 201);
    const { symbol, units } = siphoned.data.siphon.yield;
    expect(['LIQUID_HYDROGEN', 'LIQUID_NITROGEN', 'HYDROCARBON']).toContain(symbol);
    expect(units).toBeGreaterThan(0);
    expect(await held(FRIGATE, symbol)).toBe(units);
    expect(siphoned.data.cooldown.totalSeconds).toBe(70);
    expect((await fails('POST', `/my/ships/${FRIGATE}/siphon`)).code).toBe(4000);

    advance(70_000);
    await place(FRIGATE, 'X1-OP-U', 'IN_ORBIT');
    const notGas = await fails('POST', `/my/ships/${FRIGATE}/siphon`);
    expect([notGas.code, notGas.data]).toEqual([4259, { waypointSymbol: 'X1-OP-U' }]);
    expect(await held(FRIGATE, symbol)).toBe(units);
  });

  it('refines 100 units of ore into 10 of metal with a refinery module', async () => {
    const { ok, fails, install, remove, buy, held } = await world();
    const noRefinery = await fails('POST', `/my/ships/${FRIGATE}/refine`, { produce: 'IRON' });
    expect([noRefinery.code, noRefinery.data]).toEqual([4239, { shipSymbol: FRIGATE }]);
    expect((await fails('POST', `/my/ships/${FRIGATE}/refine`, { produce: 'IRON_ORE' })).status).toBe(422);

    // Five of the frigate's eight slots freed for two more holds and a refinery.
    await remove('modules', FRIGATE, 'MODULE_GAS_PROCESSOR_I');
    await remove('modules', FRIGATE, 'MODULE_MINERAL_PROCESSOR_I');
    await remove('modules', FRIGATE, 'MODULE_CREW_QUARTERS_I');

    await install('modules', FRIGATE, 'MODULE_CARGO_HOLD_II');
    await install('modules', FRIGATE, 'MODULE_CARGO_HOLD_II');
    await install('modules', FRIGATE, 'MODULE_ORE_REFINERY_I');
    expect((await fails('POST', `/my/ships/${FRIGATE}/refine`, { produce: 'FUEL' })).code).toBe(4238);
    await buy(FRIGATE, 'IRON_ORE', 60);
    const short = await fails('POST', `/my/ships/${FRIGATE}/refine`, { produce: 'IRON' });
    expect([short.code, short.data]).toEqual([
      4219,
      { shipSymbol: FRIGATE, tradeSymbol: 'IRON_ORE', cargoUnits: 60, unitsToRemove: 100 },
    ]);
    await buy(FRIGATE, 'IRON_ORE', 45);

    const refined = await ok('post', '/my/ships/{shipSymbol}/refine', `/my/ships/${FRIGATE}/refine`, 201, {
      produce: 'IRON',
    });
    expect(refined.data.consumed).toEqual([{ tradeSymbol: 'IRON_ORE', units: 100 }]);
    expect(refined.data.produced).toEqual([{ tradeSymbol: 'IRON', units: 10 }]);
    expect(await held(FRIGATE, 'IRON_ORE')).toBe(5);
    expect(await held(FRIGATE, 'IRON')).toBe(10);
    expect(refined.data.cooldown.remainingSeconds).toBeGreaterThan(0);
    expect((await fails('POST', `/my/ships/${FRIGATE}/refine`, { produce: 'IRON' })).code).toBe(4000);
  });
});

describe('cargo transfer', () => {
  it("moves cargo between two of the agent's ships at the same waypoint and in the same state", async () => {
    const { ok, fails, buy, held, place, register, send } = await world();
    const drone = (
      await ok('post', '/my/ships', '/my/ships', 201, { shipType: 'SHIP_MINING_DRONE', waypointSymbol: 'X1-OP-A' })
    ).data.ship.symbol;
    await buy(FRIGATE, 'FAB_MATS', 10);

    const moved = await ok('post', '/my/ships/{shipSymbol}/transfer', `/my/ships/${FRIGATE}/transfer`, 200, {
      shipSymbol: drone,
      tradeSymbol: 'FAB_MATS',
      units: 6,
    });
    expect(moved.data.cargo.inventory).toEqual([expect.objectContaining({ symbol: 'FAB_MATS', units: 4 })]);
    expect(moved.data.targetCargo.inventory).toEqual([expect.objectContaining({ symbol: 'FAB_MATS', units: 6 })]);
    expect(await held(drone, 'FAB_MATS')).toBe(6);
    expect(await held(FRIGATE, 'FAB_MATS')).toBe(4);

    expect(
      (await fails('POST', `/my/ships/${FRIGATE}/transfer`, { shipSymbol: FRIGATE, tradeSymbol: 'FAB_MATS', units: 1 }))
        .code,
    ).toBe(4233);
    const noRoom = await fails('POST', `/my/ships/${FRIGATE}/transfer`, {
      shipSymbol: PROBE,
      tradeSymbol: 'FAB_MATS',
      units: 1,
    });
    expect([noRoom.code, noRoom.data]).toEqual([
      4217,
      { shipSymbol: PROBE, tradeSymbol: 'FAB_MATS', cargoUnits: 1, cargoCapacity: 0 },
    ]);
    expect(
      (await fails('POST', `/my/ships/${FRIGATE}/transfer`, { shipSymbol: drone, tradeSymbol: 'FAB_MATS', units: 5 }))
        .code,
    ).toBe(4218);
    expect(
      (
        await fails('POST', `/my/ships/${FRIGATE}/transfer`, {
          shipSymbol: 'NOBODY-9',
          tradeSymbol: 'FAB_MATS',
          units: 1,
        })
      ).code,
    ).toBe(4231);

    await place(drone, 'X1-OP-A', 'IN_ORBIT');
    expect(
      (await fails('POST', `/my/ships/${FRIGATE}/transfer`, { shipSymbol: drone, tradeSymbol: 'FAB_MATS', units: 1 }))
        .code,
    ).toBe(4271);
    await place(drone, 'X1-OP-U', 'DOCKED');
    expect(
      (await fails('POST', `/my/ships/${FRIGATE}/transfer`, { shipSymbol: drone, tradeSymbol: 'FAB_MATS', units: 1 }))
        .code,
    ).toBe(4234);

    const rival = await register('RIVAL');
    const theirs = rival.ships[0]!.symbol;
    expect((await send('GET', `/my/ships/${theirs}`, undefined, rival.token)).status).toBe(200);
    expect(
      (await fails('POST', `/my/ships/${FRIGATE}/transfer`, { shipSymbol: theirs, tradeSymbol: 'FAB_MATS', units: 1 }))
        .code,
    ).toBe(4232);
    expect(await held(FRIGATE, 'FAB_MATS')).toBe(4);
    expect(await held(drone, 'FAB_MATS')).toBe(6);
  });
});

describe('repair and scrap', () => {
  it('quotes and applies a repair that restores the condition of a worn ship', async () => {
    const { ok, fails, place, credits, sandbox } = await world();
    const fresh = await ok('get', '/my/ships/{shipSymbol}/repair', `/my/ships/${FRIGATE}/repair`, 200);
    expect(fresh.data.transaction).toMatchObject({ waypointSymbol: 'X1-OP-A', shipSymbol: FRIGATE, totalPrice: 0 });

    // Wear the ship (the sandbox does not wear ships by itself yet).
    const ship = sandbox.server.game.world.ships[FRIGATE]!.ship;
    ship.frame.condition = 0.5;
    ship.engine.condition = 0.8;
    const quote = (await ok('get', '/my/ships/{shipSymbol}/repair', `/my/ships/${FRIGATE}/repair`, 200)).data
      .transaction;
    expect(quote.totalPrice).toBeGreaterThan(0);

    const before = await credits();
    const repaired = await ok('post', '/my/ships/{shipSymbol}/repair', `/my/ships/${FRIGATE}/repair`, 200);
    expect(repaired.data.transaction.totalPrice).toBe(quote.totalPrice);
    expect(repaired.data.agent.credits).toBe(before - quote.totalPrice);
    expect(repaired.data.ship.frame.condition).toBe(1);
    expect(repaired.data.ship.engine.condition).toBe(1);
    expect(repaired.data.ship.frame.integrity).toBeLessThan(1);
    expect(await credits()).toBe(before - quote.totalPrice);

    await place(FRIGATE, 'X1-OP-A', 'IN_ORBIT');
    expect((await fails('POST', `/my/ships/${FRIGATE}/repair`)).code).toBe(4244);
    await place(FRIGATE, 'X1-OP-U', 'DOCKED');
    const noYard = await fails('GET', `/my/ships/${FRIGATE}/repair`);
    expect([noYard.code, noYard.data]).toEqual([4264, { waypointSymbol: 'X1-OP-U' }]);
    expect((await fails('POST', `/my/ships/${FRIGATE}/repair`)).code).toBe(4264);
  });

  it('scraps a ship docked at a shipyard for the quoted value, and the ship is gone', async () => {
    const { ok, fails, place, credits } = await world();
    await place(PROBE, 'X1-OP-U', 'DOCKED');
    const noYard = await fails('GET', `/my/ships/${PROBE}/scrap`);
    expect([noYard.code, noYard.data]).toEqual([4263, { waypointSymbol: 'X1-OP-U' }]);
    expect((await fails('POST', `/my/ships/${PROBE}/scrap`)).code).toBe(4263);

    await place(PROBE, 'X1-OP-A', 'DOCKED');
    const quote = (await ok('get', '/my/ships/{shipSymbol}/scrap', `/my/ships/${PROBE}/scrap`, 200)).data.transaction;
    expect(quote).toMatchObject({ waypointSymbol: 'X1-OP-A', shipSymbol: PROBE });
    expect(quote.totalPrice).toBeGreaterThan(0);
    const before = await credits();
    const scrapped = await ok('post', '/my/ships/{shipSymbol}/scrap', `/my/ships/${PROBE}/scrap`, 200);
    expect(scrapped.data.transaction.totalPrice).toBe(quote.totalPrice);
    expect(scrapped.data.agent.credits).toBe(before + quote.totalPrice);
    expect(await credits()).toBe(before + quote.totalPrice);

    expect((await fails('GET', `/my/ships/${PROBE}`)).status).toBe(404);
    const fleet = await ok('get', '/my/ships', '/my/ships', 200);
    expect(fleet.data.map((s) => s.symbol)).toEqual([FRIGATE]);
    expect((await fails('POST', `/my/ships/${PROBE}/scrap`)).status).toBe(404);
    const events = (await ok('get', '/my/agent/events', '/my/agent/events', 200)).data;
    expect(events[0]).toMatchObject({ type: 'SHIP_SCRAPPED', data: { shipSymbol: PROBE } });
  });
});

describe('construction', () => {
  it("shows a site's materials and completes it once every material is supplied", async () => {
    const { ok, fails, buy, place, held } = await world();
    const site = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction',
      '/systems/X1-OP/waypoints/X1-OP-J/construction',
      200,
    );
    expect(site.data).toEqual({
      symbol: 'X1-OP-J',
      isComplete: false,
      materials: [
        { tradeSymbol: 'FAB_MATS', required: 30, fulfilled: 0 },
        { tradeSymbol: 'ADVANCED_CIRCUITRY', required: 5, fulfilled: 0 },
      ],
    });
    // A site under construction that nobody has supplied yet has a jump gate's bill.
    const other = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction',
      '/systems/X1-OQ/waypoints/X1-OQ-J/construction',
      200,
    );
    expect(other.data.materials).toContainEqual({ tradeSymbol: 'FAB_MATS', required: 1600, fulfilled: 0 });
    const notASite = await fails('GET', '/systems/X1-OP/waypoints/X1-OP-A/construction');
    expect(notASite.status).toBe(404);

    await buy(FRIGATE, 'FAB_MATS', 30);
    await buy(FRIGATE, 'ADVANCED_CIRCUITRY', 5);
    const supply = (body: Record<string, unknown>) =>
      fails('POST', '/systems/X1-OP/waypoints/X1-OP-J/construction/supply', { shipSymbol: FRIGATE, ...body });
    const away = await supply({ tradeSymbol: 'FAB_MATS', units: 10 });
    expect([away.code, away.data]).toEqual([4802, { shipSymbol: FRIGATE, waypointSymbol: 'X1-OP-J' }]);

    /** Tries to jump to the far gate from `at`, in orbit there; returns the error's code and data. */
    const jumpFrom = async (at: string) => {
      await place(FRIGATE, at, 'IN_ORBIT');
      const failure = await fails('POST', `/my/ships/${FRIGATE}/jump`, { waypointSymbol: 'X1-OQ-J' });
      return [failure.code, failure.data];
    };
    expect(await jumpFrom('X1-OP-A')).toEqual([4254, { waypointSymbol: 'X1-OP-A' }]);
    expect(await jumpFrom('X1-OP-J')).toEqual([4256, { waypointSymbol: 'X1-OP-J' }]);

    await place(FRIGATE, 'X1-OP-J', 'DOCKED');
    const unwanted = await supply({ tradeSymbol: 'IRON_ORE', units: 1 });
    expect([unwanted.code, unwanted.data]).toEqual([4800, { waypointSymbol: 'X1-OP-J', tradeSymbol: 'IRON_ORE' }]);
    expect((await supply({ tradeSymbol: 'FAB_MATS', units: 31 })).code).toBe(4801);

    const first = await ok(
      'post',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction/supply',
      '/systems/X1-OP/waypoints/X1-OP-J/construction/supply',
      201,
      { shipSymbol: FRIGATE, tradeSymbol: 'FAB_MATS', units: 30 },
    );
    expect(first.data.construction.materials[0]).toEqual({ tradeSymbol: 'FAB_MATS', required: 30, fulfilled: 30 });
    expect(first.data.construction.isComplete).toBe(false);
    expect(await held(FRIGATE, 'FAB_MATS')).toBe(0);
    const still = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}',
      '/systems/X1-OP/waypoints/X1-OP-J',
      200,
    );
    expect(still.data.isUnderConstruction).toBe(true);

    const last = await ok(
      'post',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction/supply',
      '/systems/X1-OP/waypoints/X1-OP-J/construction/supply',
      201,
      { shipSymbol: FRIGATE, tradeSymbol: 'ADVANCED_CIRCUITRY', units: 5 },
    );
    expect(last.data.construction.isComplete).toBe(true);
    expect(await held(FRIGATE, 'ADVANCED_CIRCUITRY')).toBe(0);
    const built = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}',
      '/systems/X1-OP/waypoints/X1-OP-J',
      200,
    );
    expect(built.data.isUnderConstruction).toBe(false);
    const done = await ok(
      'get',
      '/systems/{systemSymbol}/waypoints/{waypointSymbol}/construction',
      '/systems/X1-OP/waypoints/X1-OP-J/construction',
      200,
    );
    expect(done.data.isComplete).toBe(true);
    // The gate is built; the one it leads to is not yet.
    expect(await jumpFrom('X1-OP-J')).toEqual([4262, { waypointSymbol: 'X1-OQ-J' }]);
    await place(FRIGATE, 'X1-OP-J', 'DOCKED');
    expect((await supply({ tradeSymbol: 'FAB_MATS', units: 1 })).code).toBe(4801);
  });
});
