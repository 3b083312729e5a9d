import { afterEach, describe, expect, it } from 'vitest';
import { SpecValidator } from '../test-support/spec-validator.js';
import {
  CONTRACT_ACCEPT_SHARE,
  CONTRACT_PAYMENT_RATIO,
  CONTRACT_PAYMENT_SPREAD,
  procurableGoods,
} from './contract-offers.js';
import { startSandbox, type RunningSandbox } from './index.js';
import type { Layout } from './world/layout.js';

const spec = new SpecValidator();
const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** HQ (A) sells COPPER_ORE; B imports it; C has no market; D is an asteroid of another system's faction-less space. */
const LAYOUT: Layout = {
  systems: [
    {
      symbol: 'X1-CT',
      waypoints: [
        { symbol: 'X1-CT-A', x: 0, y: 0, fuel: 100, exports: ['COPPER_ORE'] },
        { symbol: 'X1-CT-B', x: 30, y: 40, imports: ['COPPER_ORE'] },
        { symbol: 'X1-CT-C', x: -30, y: 40 },
      ],
    },
  ],
};

const SHIP = 'CON-1-1';
const HOUR = 3_600_000;
/** A JSON body, read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: the tests read into response bodies of several shapes
type Json = Record<string, any>;

async function world(layout: Layout | undefined = LAYOUT, seed = 1) {
  const sandbox = await startSandbox({ port: 0, rateLimit: false, seed });
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
  if (layout) await admin('layout', layout);
  const send = async (method: string, path: string, body?: unknown, token = 'account') => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  const registered = (await send('POST', '/register', { symbol: 'CON-1', faction: 'COSMIC' })).body.data;
  const call = (method: string, path: string, body?: unknown) => send(method, path, body, registered.token);
  const place = (waypoint: string, status: 'DOCKED' | 'IN_ORBIT' = 'DOCKED') =>
    admin(`ships/${SHIP}`, { waypoint, status });
  const stats = async () => ((await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as Json).actions;
  return { sandbox, admin, call, place, stats, registered, contract: registered.contract as Json };
}

describe('contract offers', () => {
  it('the starting contract: the system’s good, to its importer, paid ~3× its cost, 24 h to accept, 7 days to deliver', async () => {
    const { sandbox, call, contract } = await world();
    expect(spec.check('get', '/my/contracts/{contractId}', 200, { data: contract })).toBeUndefined();
    const now = sandbox.server.clock.now();
    expect(contract.type).toBe('PROCUREMENT');
    expect(contract.factionSymbol).toBe('COSMIC');
    const [term] = contract.terms.deliver;
    expect([term.tradeSymbol, term.destinationSymbol, term.unitsFulfilled]).toEqual(['COPPER_ORE', 'X1-CT-B', 0]);
    // One to one and a half holds of a 40-cargo frigate (the real starter: 43 COPPER_ORE).
    expect(term.unitsRequired).toBeGreaterThanOrEqual(40);
    expect(term.unitsRequired).toBeLessThanOrEqual(60);
    expect(Date.parse(contract.deadlineToAccept) - now).toBe(24 * HOUR);
    expect(Date.parse(contract.terms.deadline) - now).toBe(7 * 24 * HOUR);
    const market = (await call('GET', '/systems/X1-CT/waypoints/X1-CT-A/market')).body.data;
    const ask = market.tradeGoods.find((g: Json) => g.symbol === 'COPPER_ORE').purchasePrice;
    const { onAccepted, onFulfilled } = contract.terms.payment;
    const ratio = (onAccepted + onFulfilled) / (term.unitsRequired * ask);
    expect(ratio).toBeGreaterThanOrEqual(CONTRACT_PAYMENT_RATIO * (1 - CONTRACT_PAYMENT_SPREAD) - 0.01);
    expect(ratio).toBeLessThanOrEqual(CONTRACT_PAYMENT_RATIO * (1 + CONTRACT_PAYMENT_SPREAD) + 0.01);
    expect(onAccepted / (onAccepted + onFulfilled)).toBeCloseTo(CONTRACT_ACCEPT_SHARE, 2);
  });

  it('on a generated world: a good some market of the home system trades or an asteroid there yields, the same per seed', async () => {
    const first = await world(undefined, 7);
    const second = await world(undefined, 7);
    const system = first.registered.agent.headquarters.split('-').slice(0, 2).join('-');
    const goods = procurableGoods(first.sandbox.server.game, system);
    const [term] = first.contract.terms.deliver;
    expect(goods).toContain(term.tradeSymbol);
    expect(first.sandbox.server.game.world.waypoints[term.destinationSymbol]!.systemSymbol).toBe(system);
    expect(first.sandbox.server.game.world.waypoints[term.destinationSymbol]!.market).toBeDefined();
    // Two servers of the same seed offer the same terms (their clocks, hence deadlines, differ).
    const terms = (contract: Json) => [contract.terms.deliver, contract.terms.payment];
    expect(terms(second.contract)).toEqual(terms(first.contract));
  });

  it('one open contract at a time: an offer or an accepted contract blocks negotiation (4511)', async () => {
    const { call, contract } = await world();
    const open = await call('POST', `/my/ships/${SHIP}/negotiate/contract`);
    expect([open.status, open.body.error.code, open.body.error.data]).toEqual([
      400,
      4511,
      { agentSymbol: 'CON-1', contractId: contract.id },
    ]);
    await call('POST', `/my/contracts/${contract.id}/accept`);
    expect((await call('POST', `/my/ships/${SHIP}/negotiate/contract`)).body.error.code).toBe(4511);
  });

  it('a lapsed offer no longer blocks; negotiating needs a faction at the waypoint (4700), not in transit (4214), in orbit will do', async () => {
    const { sandbox, call, place } = await world();
    sandbox.server.clock.advance(25 * HOUR);
    await place('X1-CT-C');
    const noFaction = await call('POST', `/my/ships/${SHIP}/negotiate/contract`);
    expect([noFaction.body.error.code, noFaction.body.error.data]).toEqual([4700, { waypointSymbol: 'X1-CT-C' }]);
    await place('X1-CT-C', 'IN_ORBIT');
    await call('POST', `/my/ships/${SHIP}/navigate`, { waypointSymbol: 'X1-CT-A' });
    expect((await call('POST', `/my/ships/${SHIP}/negotiate/contract`)).body.error.code).toBe(4214);
    await place('X1-CT-A', 'IN_ORBIT');
    const offer = await call('POST', `/my/ships/${SHIP}/negotiate/contract`);
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    expect(spec.check('post', '/my/ships/{shipSymbol}/negotiate/contract', 201, offer.body)).toBeUndefined();
    expect(offer.body.data.contract.terms.deliver[0].tradeSymbol).toBe('COPPER_ORE');
  });
});

describe('contract rules and codes', () => {
  it('4505 before accepting, 4501 twice, 4508 wrong good, 4510 wrong place, 4509 too many, 4502 unmet, 4504 done', async () => {
    const { call, place, stats, contract } = await world();
    const [term] = contract.terms.deliver;
    const deliver = (units: number, tradeSymbol = 'COPPER_ORE') =>
      call('POST', `/my/contracts/${contract.id}/deliver`, { shipSymbol: SHIP, tradeSymbol, units });
    expect((await deliver(1)).body.error.code).toBe(4505);
    expect((await call('POST', `/my/contracts/${contract.id}/fulfill`)).body.error.code).toBe(4505);
    const accepted = await call('POST', `/my/contracts/${contract.id}/accept`);
    expect(accepted.body.data.agent.credits).toBe(175_000 + contract.terms.payment.onAccepted);
    expect((await call('POST', `/my/contracts/${contract.id}/accept`)).body.error.code).toBe(4501);

    for (let bought = 0; bought < 40; bought += 20)
      await call('POST', `/my/ships/${SHIP}/purchase`, { symbol: 'COPPER_ORE', units: 20 });
    expect((await deliver(1, 'IRON_ORE')).body.error.code).toBe(4508);
    const wrongPlace = await deliver(40);
    expect([wrongPlace.body.error.code, wrongPlace.body.error.data.destinationSymbol]).toEqual([4510, 'X1-CT-B']);
    await place('X1-CT-B');
    expect((await deliver(40)).status).toBe(200);
    expect((await deliver(term.unitsRequired - 40 + 1)).body.error.code).toBe(4509);
    expect((await call('POST', `/my/contracts/${contract.id}/fulfill`)).body.error.code).toBe(4502);

    await place('X1-CT-A');
    await call('POST', `/my/ships/${SHIP}/purchase`, { symbol: 'COPPER_ORE', units: term.unitsRequired - 40 });
    await place('X1-CT-B');
    expect((await deliver(term.unitsRequired - 40)).body.data.contract.terms.deliver[0].unitsFulfilled).toBe(
      term.unitsRequired,
    );
    const done = await call('POST', `/my/contracts/${contract.id}/fulfill`);
    expect(done.status).toBe(200);
    expect((await call('POST', `/my/contracts/${contract.id}/fulfill`)).body.error.code).toBe(4504);
    expect((await deliver(1)).body.error.code).toBe(4504);
    // The counters a feature judges "nothing bought or delivered twice" by.
    const actions = await stats();
    expect([actions.deliver[SHIP], actions.deliveredUnits[SHIP]]).toEqual([2, term.unitsRequired]);
    expect([actions.purchase[SHIP], actions.purchasedUnits[SHIP]]).toEqual([3, term.unitsRequired]);
    expect(actions.fulfill['CON-1']).toBe(1);
    // The one refused for exceeding what was still required, and every credit movement by kind.
    expect(actions.deliveryRefused[SHIP]).toBe(1);
    expect(actions.transactions).toEqual({ 'CON-1:CONTRACT': 2, 'CON-1:PURCHASE': 3 });
    const { payment } = contract.terms;
    expect(actions.credits['CON-1:CONTRACT']).toBe(payment.onAccepted + payment.onFulfilled);
    expect(actions.credits['CON-1:PURCHASE']).toBeLessThan(0);
    expect(done.body.data.agent.credits).toBe(
      175_000 + actions.credits['CON-1:CONTRACT'] + actions.credits['CON-1:PURCHASE'],
    );
  });

  it('4503 once the deadline to accept has passed, and for deliveries and fulfilment after the deadline', async () => {
    const late = await world();
    late.sandbox.server.clock.advance(24 * HOUR + 1_000);
    const refused = await late.call('POST', `/my/contracts/${late.contract.id}/accept`);
    expect([refused.status, refused.body.error.code]).toEqual([400, 4503]);

    const { sandbox, call, place, contract } = await world();
    await call('POST', `/my/contracts/${contract.id}/accept`);
    await call('POST', `/my/ships/${SHIP}/purchase`, { symbol: 'COPPER_ORE', units: 10 });
    await place('X1-CT-B');
    sandbox.server.clock.advance(7 * 24 * HOUR + 1_000);
    const deliver = { shipSymbol: SHIP, tradeSymbol: 'COPPER_ORE', units: 10 };
    expect((await call('POST', `/my/contracts/${contract.id}/deliver`, deliver)).body.error.code).toBe(4503);
    expect((await call('POST', `/my/contracts/${contract.id}/fulfill`)).body.error.code).toBe(4503);
    // An expired contract no longer blocks a new one.
    await place('X1-CT-A');
    expect((await call('POST', `/my/ships/${SHIP}/negotiate/contract`)).status).toBe(201);
  });
});
