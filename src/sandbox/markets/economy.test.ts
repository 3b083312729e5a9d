import { afterEach, describe, expect, it } from 'vitest';
import { SpecValidator } from '../../test-support/spec-validator.js';
import { startSandbox, type RunningSandbox } from '../index.js';
import type { Layout } from '../world/layout.js';

const spec = new SpecValidator();
const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const MARKET_PATH = '/systems/{systemSymbol}/waypoints/{waypointSymbol}/market';
const YARD_PATH = '/systems/{systemSymbol}/waypoints/{waypointSymbol}/shipyard';
const MINUTE = 60_000;

/** Ships start at A; B is a factory (IRON from IRON_ORE), an exchange and a shipyard of every type. */
const LAYOUT: Layout = {
  systems: [
    {
      symbol: 'X1-EC',
      waypoints: [
        { symbol: 'X1-EC-A', x: 0, y: 0 },
        {
          symbol: 'X1-EC-B',
          x: 10,
          y: 0,
          exports: ['IRON'],
          imports: ['IRON_ORE'],
          exchange: ['ALUMINUM'],
          fuel: 72,
          shipyard: [
            'SHIP_PROBE',
            'SHIP_MINING_DRONE',
            'SHIP_SIPHON_DRONE',
            'SHIP_SURVEYOR',
            'SHIP_LIGHT_SHUTTLE',
            'SHIP_LIGHT_HAULER',
            'SHIP_COMMAND_FRIGATE',
          ],
        },
        { symbol: 'X1-EC-J', x: 50, y: 0, gate: ['X1-ED-J'], exchange: ['ANTIMATTER'] },
      ],
    },
    { symbol: 'X1-ED', x: 500, y: 0, waypoints: [{ symbol: 'X1-ED-J', x: 0, y: 0, gate: ['X1-EC-J'] }] },
  ],
};

interface Good {
  symbol: string;
  type: string;
  supply: string;
  activity?: string;
  tradeVolume: number;
  purchasePrice: number;
  sellPrice: number;
}

async function world(options: { seed?: number; timeScale?: number } = {}) {
  const sandbox = await startSandbox({
    port: 0,
    rateLimit: false,
    seed: options.seed ?? 1,
    timeScale: options.timeScale,
  });
  running.push(sandbox);
  const admin = (path: string, body: unknown) =>
    fetch(`${sandbox.adminUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await admin('layout', LAYOUT);
  sandbox.server.clock.freeze();
  const register = await fetch(`${sandbox.baseUrl}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer acct' },
    body: JSON.stringify({ symbol: 'ECO-1', faction: 'COSMIC' }),
  });
  const token = ((await register.json()) as { data: { token: string } }).data.token;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  /** Reads a market or shipyard at B and checks it against the spec. */
  const read = async (kind: 'market' | 'shipyard') => {
    const reply = await call('GET', `/systems/X1-EC/waypoints/X1-EC-B/${kind}`);
    expect(reply.status).toBe(200);
    expect(spec.check('get', kind === 'market' ? MARKET_PATH : YARD_PATH, 200, reply.body)).toBeUndefined();
    return reply.body.data;
  };
  const good = async (symbol: string): Promise<Good> =>
    (await read('market')).tradeGoods.find((g: Good) => g.symbol === symbol);
  const trade = async (type: 'purchase' | 'sell', symbol: string, units: number) => {
    const reply = await call('POST', `/my/ships/ECO-1-1/${type}`, { symbol, units });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(spec.check('post', `/my/ships/{shipSymbol}/${type}`, 201, reply.body)).toBeUndefined();
    return reply.body.data.transaction as { pricePerUnit: number; totalPrice: number; units: number };
  };
  const dockAtB = () => admin('ships/ECO-1-1', { waypoint: 'X1-EC-B', status: 'DOCKED' });
  const state = sandbox.server.game.world;
  /** Test setup (besides room and credits enough for long trading runs): `units` of a good in the hold. */
  const stock = (symbol: string, units: number) => {
    const ship = state.ships['ECO-1-1']!.ship;
    ship.cargo.inventory.push({ symbol: symbol as never, name: symbol, description: symbol, units });
    ship.cargo.units += units;
  };
  state.agents['ECO-1']!.credits = 100_000_000;
  state.ships['ECO-1-1']!.ship.cargo.capacity = 10_000;
  const advance = (ms: number) => sandbox.server.clock.advance(ms);
  return { sandbox, call, read, good, trade, dockAtB, stock, advance };
}

describe('market goods', () => {
  it('show supply, activity (none for exchange goods) and trade volume, with the observed spreads', async () => {
    const { good, dockAtB } = await world();
    await dockAtB();
    const iron = await good('IRON');
    const ore = await good('IRON_ORE');
    const aluminum = await good('ALUMINUM');
    expect(iron).toMatchObject({ type: 'EXPORT', supply: 'MODERATE', activity: 'GROWING', tradeVolume: 20 });
    expect(ore).toMatchObject({ type: 'IMPORT', supply: 'MODERATE', activity: 'GROWING' });
    expect(aluminum.activity).toBeUndefined();
    for (const g of [iron, ore]) {
      expect(g.purchasePrice).toBeGreaterThan(g.sellPrice);
      expect(g.sellPrice / g.purchasePrice).toBeGreaterThanOrEqual(0.48);
      expect(g.sellPrice / g.purchasePrice).toBeLessThanOrEqual(0.5);
    }
    // An importer bids 1.3–1.9× what an exporter asks for the same good (ECONOMY.md §1).
    expect(ore.sellPrice / 45).toBeGreaterThanOrEqual(1.3);
    expect(ore.sellPrice / 45).toBeLessThanOrEqual(1.9);
    expect(aluminum).toMatchObject({ purchasePrice: 170, sellPrice: 166 });
  });

  it('generated markets trade by class: FUEL exchanges 180 at a time, raw goods 60, manufactured 20', async () => {
    const sandbox = await startSandbox({ port: 0, rateLimit: false, seed: 5 });
    running.push(sandbox);
    const goods = Object.entries(sandbox.server.game.world.waypoints).flatMap(([, w]) =>
      Object.entries(w.market ?? {}),
    );
    expect(goods.length).toBeGreaterThan(10);
    for (const [symbol, g] of goods) {
      if (symbol === 'FUEL') expect(g.tradeVolume).toBe(180);
      if (symbol.endsWith('_ORE')) expect(g.tradeVolume).toBe(60);
      if (['MACHINERY', 'ELECTRONICS', 'EQUIPMENT', 'MEDICINE', 'FABRICS'].includes(symbol))
        expect(g.tradeVolume).toBe(20);
    }
  });
});

describe('saved states', () => {
  it('loads a state saved before the supply model, at the same price', async () => {
    const { sandbox, good, dockAtB } = await world();
    const url = `${sandbox.adminUrl}/state`;
    const state = (await (await fetch(url)).json()) as {
      waypoints: Record<string, { market: Record<string, Record<string, unknown>> }>;
    };
    const aluminum = state.waypoints['X1-EC-B']!.market.ALUMINUM!;
    for (const key of ['supply', 'baseSupply', 'baseTradeVolume', 'volume']) delete aluminum[key];
    aluminum.pressure = 0.05;
    const headers = { 'content-type': 'application/json' };
    const loaded = await fetch(url, { method: 'POST', headers, body: JSON.stringify(state) });
    expect(loaded.status, await loaded.text()).toBe(200);
    await dockAtB();
    expect(await good('ALUMINUM')).toMatchObject({ purchasePrice: Math.round(170 * 1.05), tradeVolume: 20 });
  });
});

describe('prices move with trades and recover with game time', () => {
  it('a full lot bought raises the ask 5%, one sold lowers the bid 1.5%; half back after 520 min', async () => {
    const { good, trade, dockAtB, advance } = await world();
    await dockAtB();
    const before = await good('ALUMINUM');
    const bought = await trade('purchase', 'ALUMINUM', 20);
    expect(bought.pricePerUnit).toBe(before.purchasePrice);
    expect(bought.totalPrice).toBe(20 * before.purchasePrice);
    expect((await good('ALUMINUM')).purchasePrice).toBe(Math.round(170 * 1.05));
    expect((await good('ALUMINUM')).supply).toBe('MODERATE');
    advance(520 * MINUTE);
    expect((await good('ALUMINUM')).purchasePrice).toBe(Math.round(170 * 1.05 ** 0.5));
    advance(5 * 24 * 60 * MINUTE);
    expect((await good('ALUMINUM')).purchasePrice).toBe(170);
    await trade('sell', 'ALUMINUM', 10);
    await trade('sell', 'ALUMINUM', 10);
    expect((await good('ALUMINUM')).purchasePrice).toBe(Math.round(170 * 0.985));
  });

  it('recovers N times faster at a time scale of N', async () => {
    const { good, trade, dockAtB, advance } = await world({ timeScale: 60 });
    await dockAtB();
    await trade('purchase', 'ALUMINUM', 20);
    advance((520 * MINUTE) / 60);
    expect((await good('ALUMINUM')).purchasePrice).toBe(Math.round(170 * 1.05 ** 0.5));
  });

  it('a clock set back and forward again applies each minute of game time once', async () => {
    const { good, trade, dockAtB, advance } = await world();
    await dockAtB();
    await trade('purchase', 'ALUMINUM', 20);
    advance(-300 * MINUTE);
    await good('ALUMINUM');
    advance(300 * MINUTE + 520 * MINUTE);
    expect((await good('ALUMINUM')).purchasePrice).toBe(Math.round(170 * 1.05 ** 0.5));
  });

  it('a refuel is a FUEL purchase: it moves the market and is listed among its trades', async () => {
    const { sandbox, call, read, dockAtB } = await world();
    await dockAtB();
    const fuel = () => sandbox.server.game.world.waypoints['X1-EC-B']!.market!.FUEL!;
    await fetch(`${sandbox.adminUrl}/ships/ECO-1-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fuel: 0 }),
    });
    expect((await call('POST', '/my/ships/ECO-1-1/refuel', {})).status).toBe(200);
    expect(fuel().supply).toBeCloseTo(2 - (Math.log(1.05) / 0.25) * (4 / 100), 10);
    const listed = (await read('market')).transactions;
    expect(listed.map((t: { tradeSymbol: string; units: number }) => [t.tradeSymbol, t.units])).toEqual([['FUEL', 4]]);
  });

  it("a jump buys its antimatter at the gate's market, at its price, and moves it", async () => {
    const { sandbox, call } = await world();
    await fetch(`${sandbox.adminUrl}/ships/ECO-1-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ waypoint: 'X1-EC-J', status: 'IN_ORBIT' }),
    });
    const jumped = await call('POST', '/my/ships/ECO-1-1/jump', { waypointSymbol: 'X1-ED-J' });
    expect(jumped.status, JSON.stringify(jumped.body)).toBe(200);
    expect(jumped.body.data.transaction.pricePerUnit).toBe(11_000);
    const gate = sandbox.server.game.world.waypoints['X1-EC-J']!;
    expect(gate.market!.ANTIMATTER!.supply).toBeLessThan(2);
    expect(gate.transactions!.map((t) => [t.tradeSymbol, t.units])).toEqual([['ANTIMATTER', 1]]);
  });

  it('sustained buying makes a good scarce and dear; the limit per transaction is its trade volume', async () => {
    const { good, trade, dockAtB, call } = await world();
    await dockAtB();
    for (let lot = 0; lot < 12; lot++) await trade('purchase', 'ALUMINUM', 20);
    const drained = await good('ALUMINUM');
    expect(drained.supply).toBe('SCARCE');
    expect(drained.purchasePrice).toBeGreaterThan(170 * 1.6);
    const tooMany = await call('POST', '/my/ships/ECO-1-1/purchase', { symbol: 'ALUMINUM', units: 21 });
    expect([tooMany.body.error.code, tooMany.body.error.data.tradeVolume]).toEqual([4604, 20]);
    expect(tooMany.body.error.message).toBe('Trade good ALUMINUM has a limit of 20 units per transaction.');
  });

  it('is deterministic, and reading a market never changes it', async () => {
    const run = async (reads: boolean) => {
      const { good, trade, dockAtB, advance, read } = await world({ seed: 9 });
      await dockAtB();
      for (let i = 0; i < 8; i++) {
        await trade('purchase', 'IRON_ORE', 20);
        advance(7 * MINUTE + 13_000);
        if (reads) await good('IRON');
      }
      advance(95 * MINUTE);
      return (await read('market')).tradeGoods;
    };
    expect(await run(true)).toEqual(await run(false));
  });
});

describe('production along the supply chain', () => {
  it('starving the imports makes the export scarce and RESTRICTED; feeding them brings it back STRONG', async () => {
    const { good, trade, dockAtB, advance, stock } = await world();
    await dockAtB();
    const start = await good('IRON');
    for (let lot = 0; lot < 10; lot++) await trade('purchase', 'IRON_ORE', 20);
    expect((await good('IRON')).activity).toBe('RESTRICTED');
    advance(2 * 60 * MINUTE);
    const starved = await good('IRON');
    expect(starved.activity).toBe('RESTRICTED');
    expect(starved.supply).toBe('SCARCE');
    expect(starved.purchasePrice).toBeGreaterThan(start.purchasePrice * 1.4);

    stock('IRON_ORE', 2_000);
    for (let round = 0; round < 4; round++) {
      for (let lot = 0; lot < 20; lot++) await trade('sell', 'IRON_ORE', 20);
      advance(20 * MINUTE);
    }
    const fed = await good('IRON');
    expect(fed.activity).toBe('STRONG');
    expect(['HIGH', 'ABUNDANT']).toContain(fed.supply);
    expect(fed.purchasePrice).toBeLessThan(start.purchasePrice);
  });

  it('buying the export alone uses up its imports and drains it', async () => {
    const { good, trade, dockAtB, advance } = await world();
    await dockAtB();
    for (let round = 0; round < 6; round++) {
      for (let lot = 0; lot < 4; lot++) await trade('purchase', 'IRON', 20);
      advance(30 * MINUTE);
    }
    expect((await good('IRON_ORE')).supply).not.toBe('MODERATE');
    expect(['WEAK', 'RESTRICTED']).toContain((await good('IRON')).activity);
  });

  it("sustained trade with a fed factory grows its export's trade volume; an import's never grows", async () => {
    const { good, trade, dockAtB, stock, advance } = await world();
    await dockAtB();
    stock('IRON_ORE', 2_000);
    for (let lot = 0; lot < 40; lot++) await trade('sell', 'IRON_ORE', 20);
    const iron = await good('IRON');
    expect(iron.tradeVolume).toBeGreaterThanOrEqual(60);
    expect(iron.tradeVolume).toBeLessThanOrEqual(70);
    expect((await good('IRON_ORE')).tradeVolume).toBe(20);
    await trade('purchase', 'IRON', iron.tradeVolume);
    advance(3 * 24 * 60 * MINUTE + MINUTE);
    expect((await good('IRON')).tradeVolume).toBe(20);
  });
});

describe('what only a ship present sees', () => {
  it('market transactions, shipyard ships and prices', async () => {
    const { read, trade, dockAtB } = await world();
    const away = await read('market');
    expect(away.tradeGoods).toBeUndefined();
    expect(away.transactions).toBeUndefined();
    const yardAway = await read('shipyard');
    expect(yardAway.ships).toBeUndefined();
    expect(yardAway.transactions).toBeUndefined();
    expect(yardAway.shipTypes.length).toBe(7);
    await dockAtB();
    await trade('purchase', 'IRON', 5);
    await trade('sell', 'IRON', 2);
    const here = await read('market');
    expect(here.transactions.map((t: { type: string; units: number }) => [t.type, t.units])).toEqual([
      ['PURCHASE', 5],
      ['SELL', 2],
    ]);
    expect(here.transactions[0]).toMatchObject({
      shipSymbol: 'ECO-1-1',
      tradeSymbol: 'IRON',
      waypointSymbol: 'X1-EC-B',
    });
    const yard = await read('shipyard');
    expect(yard.ships.find((s: { type: string }) => s.type === 'SHIP_PROBE').purchasePrice).toBe(20_000);
  });

  it('each purchase raises the yard price ~2.5%, and it relaxes over time', async () => {
    const { read, call, dockAtB, advance } = await world();
    await dockAtB();
    const probePrice = async () =>
      (await read('shipyard')).ships.find((s: { type: string }) => s.type === 'SHIP_PROBE').purchasePrice;
    const paid: number[] = [];
    for (let i = 0; i < 2; i++) {
      const bought = await call('POST', '/my/ships', { shipType: 'SHIP_PROBE', waypointSymbol: 'X1-EC-B' });
      expect(spec.check('post', '/my/ships', 201, bought.body)).toBeUndefined();
      paid.push(bought.body.data.transaction.price);
    }
    expect([...paid, await probePrice()]).toEqual([20_000, 20_500, 21_013]);
    const yard = await read('shipyard');
    expect(yard.transactions.map((t: { price: number }) => t.price)).toEqual([20_000, 20_500]);
    expect(yard.ships.find((s: { type: string }) => s.type === 'SHIP_PROBE').supply).toBe('LIMITED');
    advance(-300 * MINUTE);
    expect(await probePrice()).toBe(21_013);
    advance(300 * MINUTE + 520 * MINUTE);
    expect(await probePrice()).toBe(20_500);
  });
});

describe('ship types', () => {
  const FIGURES: Array<[string, number, number, number, string[]]> = [
    ['SHIP_PROBE', 0, 0, 9, []],
    ['SHIP_SURVEYOR', 0, 80, 9, ['MOUNT_SURVEYOR_I']],
    ['SHIP_MINING_DRONE', 15, 80, 9, ['MOUNT_MINING_LASER_I']],
    ['SHIP_SIPHON_DRONE', 15, 80, 9, ['MOUNT_GAS_SIPHON_I']],
    ['SHIP_LIGHT_SHUTTLE', 40, 300, 15, []],
    ['SHIP_LIGHT_HAULER', 80, 600, 15, []],
    [
      'SHIP_COMMAND_FRIGATE',
      40,
      400,
      36,
      ['MOUNT_SENSOR_ARRAY_II', 'MOUNT_GAS_SIPHON_II', 'MOUNT_MINING_LASER_II', 'MOUNT_SURVEYOR_II'],
    ],
  ];

  it('a bought ship of each type shows in the fleet with its cargo, fuel, speed and mounts', async () => {
    const { call, dockAtB, read } = await world();
    await dockAtB();
    const listed = (await read('shipyard')).ships as Array<{ type: string; mounts: Array<{ symbol: string }> }>;
    for (const [type, cargo, fuel, speed, mounts] of FIGURES) {
      expect(listed.find((s) => s.type === type)!.mounts.map((m) => m.symbol)).toEqual(mounts);
      const bought = await call('POST', '/my/ships', { shipType: type, waypointSymbol: 'X1-EC-B' });
      expect(bought.status, JSON.stringify(bought.body)).toBe(201);
      const ship = (await call('GET', `/my/ships/${bought.body.data.ship.symbol}`)).body.data;
      expect(spec.check('get', '/my/ships/{shipSymbol}', 200, { data: ship })).toBeUndefined();
      expect([ship.cargo.capacity, ship.fuel.capacity, ship.fuel.current, ship.engine.speed]).toEqual([
        cargo,
        fuel,
        fuel,
        speed,
      ]);
      expect(ship.mounts.map((m: { symbol: string }) => m.symbol)).toEqual(mounts);
      const holds = ship.modules.reduce(
        (sum: number, m: { symbol: string; capacity?: number }) =>
          sum + (m.symbol.startsWith('MODULE_CARGO_HOLD') ? (m.capacity ?? 0) : 0),
        0,
      );
      expect(holds).toBe(cargo);
    }
    const fleet = (await call('GET', '/my/ships?limit=20')).body.data as Array<{ registration: { role: string } }>;
    expect(fleet).toHaveLength(2 + FIGURES.length);
  });
});
