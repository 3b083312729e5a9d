import { afterEach, describe, expect, it } from 'vitest';
import { SpecValidator } from '../../test-support/spec-validator.js';
import { startSandbox, type RunningSandbox } from '../index.js';
import { DEPOSIT_TRAITS } from '../world/deposits.js';
import type { Layout } from '../world/layout.js';
import { CRITICAL_AT, DESTABILISED_AT, UNSTABLE_AT } from './instability.js';
import { SURVEY_POOL_UNITS } from './surveys.js';

const spec = new SpecValidator();
const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A home market and shipyard (A) and one asteroid per deposit trait. */
const LAYOUT: Layout = {
  systems: [
    {
      symbol: 'X1-EX',
      waypoints: [
        {
          symbol: 'X1-EX-A',
          x: 0,
          y: 0,
          fuel: 100,
          shipyard: ['SHIP_MINING_DRONE', 'SHIP_SURVEYOR'],
          exchange: ['MOUNT_MINING_LASER_II'],
        },
        { symbol: 'X1-EX-C', type: 'ASTEROID', x: 10, y: 0, traits: ['COMMON_METAL_DEPOSITS'] },
        { symbol: 'X1-EX-M', type: 'ASTEROID', x: 0, y: 10, traits: ['MINERAL_DEPOSITS'] },
        { symbol: 'X1-EX-P', type: 'ASTEROID', x: -10, y: 0, traits: ['PRECIOUS_METAL_DEPOSITS'] },
        { symbol: 'X1-EX-R', type: 'ASTEROID', x: 0, y: -10, traits: ['RARE_METAL_DEPOSITS'] },
      ],
    },
  ],
};

const FRIGATE = 'EXT-1-1';
/** A JSON body, read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read into response bodies of several shapes
type Json = Record<string, any>;
type Survey = {
  signature: string;
  symbol: string;
  deposits: Array<{ symbol: string }>;
  expiration: string;
  size: string;
};

async function world() {
  const sandbox = await startSandbox({ port: 0, rateLimit: false });
  running.push(sandbox);
  sandbox.server.clock.freeze();
  const admin = async (path: string, body: unknown) =>
    (
      await fetch(`${sandbox.adminUrl}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<Json>;
  await admin('layout', LAYOUT);
  const send = async (method: string, path: string, body?: unknown, token?: string) => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? 'account'}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  const token: string = (await send('POST', '/register', { symbol: 'EXT-1', faction: 'COSMIC' })).body.data.token;
  const call = (method: string, path: string, body?: unknown) => send(method, path, body, token);
  /** Puts a ship in orbit at a waypoint with room for everything it will extract. */
  const orbit = (ship: string, waypoint: string) =>
    admin(`ships/${ship}`, { waypoint, status: 'IN_ORBIT', cargoCapacity: 5_000 });
  const advance = (seconds: number) => sandbox.server.clock.advance(seconds * 1000);
  const extract = async (ship: string, survey?: Survey) => {
    const reply = survey
      ? await call('POST', `/my/ships/${ship}/extract/survey`, survey)
      : await call('POST', `/my/ships/${ship}/extract`);
    if (reply.status === 201) {
      const path = survey ? '/my/ships/{shipSymbol}/extract/survey' : '/my/ships/{shipSymbol}/extract';
      expect(spec.check('post', path, 201, reply.body)).toBeUndefined();
      advance(reply.body.data.cooldown.totalSeconds);
    }
    return reply;
  };
  const survey = async (ship: string): Promise<Survey[]> => {
    const reply = await call('POST', `/my/ships/${ship}/survey`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(spec.check('post', '/my/ships/{shipSymbol}/survey', 201, reply.body)).toBeUndefined();
    advance(reply.body.data.cooldown.totalSeconds);
    return reply.body.data.surveys;
  };
  const buyShip = async (shipType: string) => {
    const reply = await call('POST', '/my/ships', { shipType, waypointSymbol: 'X1-EX-A' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body.data.ship.symbol as string;
  };
  return { sandbox, admin, call, orbit, advance, extract, survey, buyShip };
}

describe('extraction yields', () => {
  it('yields the lasers’ summed strength ± 2 per laser, from the asteroid’s deposits, on a mount-set cooldown', async () => {
    const { call, orbit, extract, buyShip } = await world();
    const drone = await buyShip('SHIP_MINING_DRONE');
    await orbit(FRIGATE, 'X1-EX-C');
    await orbit(drone, 'X1-EX-C');
    const frigateYields: number[] = [];
    const droneYields: number[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await extract(FRIGATE);
      const b = await extract(drone);
      expect(a.body.data.cooldown.totalSeconds).toBe(80); // MINING_LASER_II: power 2
      expect(b.body.data.cooldown.totalSeconds).toBe(70); // MINING_LASER_I: power 1
      for (const reply of [a, b])
        expect(DEPOSIT_TRAITS.COMMON_METAL_DEPOSITS).toContain(reply.body.data.extraction.yield.symbol);
      frigateYields.push(a.body.data.extraction.yield.units);
      droneYields.push(b.body.data.extraction.yield.units);
    }
    expect(Math.min(...frigateYields)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...frigateYields)).toBeLessThanOrEqual(7);
    expect(Math.min(...droneYields)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...droneYields)).toBeLessThanOrEqual(5);
    const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
    expect(mean(frigateYields)).toBeGreaterThan(mean(droneYields));

    // A second MINING_LASER_II doubles the pull: 10 ± 4.
    await orbit(FRIGATE, 'X1-EX-A');
    await call('POST', `/my/ships/${FRIGATE}/dock`);
    await call('POST', `/my/ships/${FRIGATE}/purchase`, { symbol: 'MOUNT_MINING_LASER_II', units: 1 });
    expect(
      (await call('POST', `/my/ships/${FRIGATE}/mounts/install`, { symbol: 'MOUNT_MINING_LASER_II' })).status,
    ).toBe(201);
    await orbit(FRIGATE, 'X1-EX-C');
    for (let i = 0; i < 8; i++) {
      const reply = await extract(FRIGATE);
      expect(reply.body.data.cooldown.totalSeconds).toBe(100); // two lasers: power 4
      expect(reply.body.data.extraction.yield.units).toBeGreaterThanOrEqual(6);
      expect(reply.body.data.extraction.yield.units).toBeLessThanOrEqual(14);
    }
  });

  it('caps the yield by the free cargo and refuses a full hold (4228)', async () => {
    const { admin, call, advance } = await world();
    await admin(`ships/${FRIGATE}`, { waypoint: 'X1-EX-C', status: 'IN_ORBIT', cargoCapacity: 2 });
    const first = await call('POST', `/my/ships/${FRIGATE}/extract`);
    expect(first.body.data.extraction.yield.units).toBe(2);
    advance(80);
    expect((await call('POST', `/my/ships/${FRIGATE}/extract`)).body.error.code).toBe(4228);
  });

  it('draws from the deposit traits: precious metals at a precious asteroid; uranite only through a SURVEYOR_II', async () => {
    const { orbit, extract, survey, buyShip } = await world();
    await orbit(FRIGATE, 'X1-EX-P');
    for (let i = 0; i < 10; i++)
      expect(['SILVER_ORE', 'GOLD_ORE', 'PLATINUM_ORE']).toContain(
        (await extract(FRIGATE)).body.data.extraction.yield.symbol,
      );
    await orbit(FRIGATE, 'X1-EX-R');
    for (let i = 0; i < 10; i++)
      expect((await extract(FRIGATE)).body.data.extraction.yield.symbol).toBe('MERITIUM_ORE');

    const found = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const surveys = await survey(FRIGATE);
      expect(surveys).toHaveLength(2); // SURVEYOR_II: strength 2
      for (const s of surveys) for (const d of s.deposits) found.add(d.symbol);
    }
    expect([...found].sort()).toEqual(['MERITIUM_ORE', 'URANITE_ORE']);

    const surveyor = await buyShip('SHIP_SURVEYOR');
    await orbit(surveyor, 'X1-EX-R');
    for (let i = 0; i < 4; i++) {
      const surveys = await survey(surveyor);
      expect(surveys).toHaveLength(1); // SURVEYOR_I: strength 1
      expect(new Set(surveys[0]!.deposits.map((d) => d.symbol))).toEqual(new Set(['MERITIUM_ORE']));
    }
  });
});

describe('surveys', () => {
  it('lists 3–7 deposits of the asteroid, and extracting with one draws from its deposits', async () => {
    const { orbit, extract, survey, buyShip } = await world();
    await orbit(FRIGATE, 'X1-EX-M');
    const surveys = await survey(FRIGATE);
    for (const s of surveys) {
      expect(s.symbol).toBe('X1-EX-M');
      expect(s.deposits.length).toBeGreaterThanOrEqual(3);
      expect(s.deposits.length).toBeLessThanOrEqual(7);
      for (const d of s.deposits) expect(DEPOSIT_TRAITS.MINERAL_DEPOSITS).toContain(d.symbol);
    }
    // Any ship may use a survey.
    const drone = await buyShip('SHIP_MINING_DRONE');
    await orbit(drone, 'X1-EX-M');
    const target = surveys[0]!;
    for (let i = 0; i < 5; i++) {
      const reply = await extract(i % 2 ? drone : FRIGATE, target);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      expect(target.deposits.map((d) => d.symbol)).toContain(reply.body.data.extraction.yield.symbol);
    }
  });

  it('is exhausted once its size’s pool is extracted: 4224 with HTTP 409', async () => {
    const { call, orbit, extract, survey } = await world();
    await orbit(FRIGATE, 'X1-EX-A');
    await call('POST', `/my/ships/${FRIGATE}/dock`);
    await call('POST', `/my/ships/${FRIGATE}/purchase`, { symbol: 'MOUNT_MINING_LASER_II', units: 1 });
    await call('POST', `/my/ships/${FRIGATE}/mounts/install`, { symbol: 'MOUNT_MINING_LASER_II' });
    await orbit(FRIGATE, 'X1-EX-C');
    let small: Survey | undefined;
    while (!small) small = (await survey(FRIGATE)).find((s) => s.size === 'SMALL');
    let total = 0;
    let reply = await extract(FRIGATE, small);
    while (reply.status === 201) {
      total += reply.body.data.extraction.yield.units;
      reply = await extract(FRIGATE, small);
    }
    expect([reply.status, reply.body.error.code]).toEqual([409, 4224]);
    expect(total).toBe(SURVEY_POOL_UNITS.SMALL);
    // Extraction without it still works.
    expect((await extract(FRIGATE)).status).toBe(201);
  });

  it('rejects an altered or unknown survey (4220), one of another asteroid (4270), an expired one (4221)', async () => {
    const { sandbox, orbit, extract, survey, advance } = await world();
    await orbit(FRIGATE, 'X1-EX-C');
    const [issued] = await survey(FRIGATE);
    const altered: Survey[] = [
      { ...issued!, deposits: issued!.deposits.map(() => ({ symbol: 'DIAMONDS' })) },
      { ...issued!, size: issued!.size === 'LARGE' ? 'SMALL' : 'LARGE' },
      { ...issued!, expiration: new Date(Date.parse(issued!.expiration) + 3_600_000).toISOString() },
      { ...issued!, signature: `${issued!.signature}X` },
    ];
    for (const survey of altered) {
      const reply = await extract(FRIGATE, survey);
      expect([reply.status, reply.body.error.code]).toEqual([400, 4220]);
    }
    await orbit(FRIGATE, 'X1-EX-M');
    const elsewhere = await extract(FRIGATE, issued);
    expect([elsewhere.body.error.code, elsewhere.body.error.data.surveySymbol]).toEqual([4270, 'X1-EX-C']);
    await orbit(FRIGATE, 'X1-EX-C');
    advance((Date.parse(issued!.expiration) - sandbox.server.clock.now()) / 1000 + 1);
    expect((await extract(FRIGATE, issued)).body.error.code).toBe(4221);
    // An expired survey the server has long forgotten is still answered as expired.
    advance(3 * 3600);
    await survey(FRIGATE);
    expect((await extract(FRIGATE, issued)).body.error.code).toBe(4221);
  });
});

describe('instability', () => {
  it('over ~10 extractions a minute shows UNSTABLE, then CRITICAL_LIMIT, then refuses with 4253; it recovers', async () => {
    const { sandbox, admin, call } = await world();
    await admin(`ships/${FRIGATE}`, { waypoint: 'X1-EX-C', status: 'IN_ORBIT', cargoCapacity: 5_000 });
    // Twenty-five copies of the frigate at the asteroid, each ready to extract at once.
    const state = (await (await fetch(`${sandbox.adminUrl}/state`)).json()) as Json;
    const symbols = Array.from({ length: 25 }, (_, i) => `EXT-1-${(i + 16).toString(16).toUpperCase()}`);
    for (const symbol of symbols) {
      const copy = structuredClone(state.ships[FRIGATE]);
      copy.ship.symbol = symbol;
      copy.ship.registration.name = symbol;
      state.ships[symbol] = copy;
    }
    expect((await admin('state', state)).loaded).toBe(true);
    const modifiers: string[][] = [];
    let refused: Json | undefined;
    for (const symbol of symbols) {
      const reply = await call('POST', `/my/ships/${symbol}/extract`);
      if (reply.status !== 201) {
        refused = reply.body;
        break;
      }
      modifiers.push(reply.body.data.modifiers.map((m: { symbol: string }) => m.symbol));
    }
    expect(modifiers).toHaveLength(DESTABILISED_AT);
    expect(modifiers.slice(0, UNSTABLE_AT)).toEqual(Array(UNSTABLE_AT).fill([]));
    expect(modifiers.slice(UNSTABLE_AT, CRITICAL_AT)).toEqual(Array(CRITICAL_AT - UNSTABLE_AT).fill(['UNSTABLE']));
    expect(modifiers.slice(CRITICAL_AT)).toEqual(Array(DESTABILISED_AT - CRITICAL_AT).fill(['CRITICAL_LIMIT']));
    expect(refused?.error.code).toBe(4253);
    const shown = async () =>
      (await call('GET', '/systems/X1-EX/waypoints/X1-EX-C')).body.data.modifiers.map((m: Json) => m.symbol);
    expect(await shown()).toEqual(['CRITICAL_LIMIT']);
    // Another asteroid is unaffected.
    await admin(`ships/${symbols[24]}`, { waypoint: 'X1-EX-M', status: 'IN_ORBIT' });
    expect((await call('POST', `/my/ships/${symbols[24]}/extract`)).body.data.modifiers).toEqual([]);
    // Ten extractions drain per minute: after two minutes the asteroid is calm again.
    sandbox.server.clock.advance(120_000);
    expect(await shown()).toEqual([]);
    const calm = await call('POST', `/my/ships/${symbols[21]}/extract`);
    expect(calm.body.data.modifiers).toEqual([]);
  });
});
