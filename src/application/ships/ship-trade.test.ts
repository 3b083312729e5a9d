import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { MarketSnapshot } from '../../domain/market/market.js';
import { MessageRegistry } from '../../mediator/message-registry.js';
import { OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { AgentDto, RegisterResult, SpaceTradersApi, TradeResult } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { BuyCargo } from './buy-cargo.js';
import { SellCargo } from './sell-cargo.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

/**
 * A market stand-in: IRON trades 20 units a lot, its price rises by `step` a unit after every lot
 * bought; it refuses a lot over the trade volume as the server does (4604). The use case is under test.
 */
function world(
  options: {
    credits?: number;
    step?: number;
    /** The answer to this call (1-based) is lost before the server applies it. */
    loseAnswerTo?: number;
    /** The server applies this call and its answer is lost. */
    loseAnswerAfter?: number;
    failReadAfterLot?: number;
    /** Reading the market's transactions back fails (the outcome of a lost lot stays unknown). */
    failMarketRead?: boolean;
  } = {},
) {
  const state = {
    credits: options.credits ?? 100_000,
    price: 100,
    iron: 0,
    calls: [] as number[],
    transactions: [] as Array<Record<string, unknown>>,
  };
  const agent = (): AgentDto => anAgent({ credits: state.credits, shipCount: 1 });
  const cargo = () => ({
    capacity: 100,
    units: state.iron,
    inventory: state.iron ? [{ symbol: 'IRON', units: state.iron }] : [],
  });
  const market = (): MarketSnapshot => ({
    waypoint: 'X1-A-1',
    imports: [],
    exports: ['IRON'],
    exchange: [],
    tradeGoods: [
      {
        symbol: 'IRON',
        type: 'EXPORT',
        supply: 'HIGH',
        activity: null,
        tradeVolume: 20,
        purchasePrice: state.price,
        sellPrice: state.price - 10,
      },
    ],
  });
  const trade = (type: 'PURCHASE' | 'SELL', units: number): TradeResult => {
    if (units > 20) throw new Error('4604: over the trade volume');
    state.calls.push(units);
    if (state.calls.length === options.loseAnswerTo) throw new OutcomeUnknownError('answer lost');
    const pricePerUnit = type === 'PURCHASE' ? state.price : state.price - 10;
    state.credits += type === 'PURCHASE' ? -pricePerUnit * units : pricePerUnit * units;
    state.iron += type === 'PURCHASE' ? units : -units;
    if (type === 'PURCHASE') state.price += options.step ?? 0;
    state.transactions.push({
      waypointSymbol: 'X1-A-1',
      shipSymbol: 'NOVA-1-1',
      tradeSymbol: 'IRON',
      type,
      units,
      pricePerUnit,
      totalPrice: pricePerUnit * units,
      timestamp: new Date(state.calls.length).toISOString(),
    });
    if (state.calls.length === options.loseAnswerAfter) throw new OutcomeUnknownError('answer lost');
    const transaction = {
      waypoint: 'X1-A-1',
      ship: 'NOVA-1-1',
      good: 'IRON',
      type,
      units,
      pricePerUnit,
      totalPrice: pricePerUnit * units,
      at: state.calls.length,
    };
    return { agent: agent(), cargo: cargo(), transaction };
  };
  const api = {
    register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
    getMyAgent: async () => agent(),
    getShip: async () => new Ship(shipState({ cargo: cargo() }, { status: 'DOCKED' })),
    readMarket: async () => {
      if (state.calls.length === options.failReadAfterLot) {
        options.failReadAfterLot = undefined;
        throw new ServerUnavailableError(503, 503, 'the server answered HTTP 503');
      }
      return market();
    },
    getMarket: async () => {
      if (options.failMarketRead) throw new ServerUnavailableError(503, 503, 'the server answered HTTP 503');
      return { symbol: 'X1-A-1', exports: [], imports: [], exchange: [], transactions: [...state.transactions] };
    },
    purchase: async (_t: string, _s: string, _g: string, units: number) => trade('PURCHASE', units),
    sell: async (_t: string, _s: string, _g: string, units: number) => trade('SELL', units),
  } as unknown as SpaceTradersApi;
  const database = openDatabase(':memory:');
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), { api, logger: silentLogger, database });
  const ledger = () =>
    database.prepare('SELECT kind, units, credits FROM ledger ORDER BY id').all() as Array<{
      kind: string;
      units: number;
      credits: number;
    }>;
  const register = () =>
    bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  return { bot, state, ledger, register, database };
}

describe('ShipTrade: buying and selling in lots', () => {
  it('splits a purchase into lots of at most the trade volume, one ledger row each', async () => {
    const { bot, state, ledger, register } = world();
    await register();
    const report = await bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'iron', units: 45 }));
    expect(state.calls).toEqual([20, 20, 5]);
    expect(report).toMatchObject({ units: 45, totalPrice: 4500, stoppedBecause: null });
    expect(ledger()).toEqual([
      { kind: 'PURCHASE', units: 20, credits: -2000 },
      { kind: 'PURCHASE', units: 20, credits: -2000 },
      { kind: 'PURCHASE', units: 5, credits: -500 },
    ]);
  });

  it('stops before a lot whose price, read again after the last lot, is above --max-price', async () => {
    const { bot, state, register } = world({ step: 15 });
    await register();
    const report = await bot.mediator.send(
      new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 60, limit: 115 }),
    );
    // 100, then 115 (at the limit), then 130: never sent.
    expect(state.calls).toEqual([20, 20]);
    expect(report.lots).toEqual([
      { units: 20, pricePerUnit: 100 },
      { units: 20, pricePerUnit: 115 },
    ]);
    expect(report.stoppedBecause).toBe('PRICE_LIMIT');
  });

  it('buys only what the credits pay for, and refuses before spending when not even one unit', async () => {
    const { bot, state, register } = world({ credits: 2_550 });
    await register();
    const report = await bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 40 }));
    expect(state.calls).toEqual([20, 5]);
    expect(report.stoppedBecause).toBe('NO_CREDITS');
    await expect(bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 1 }))).rejects.toThrow(
      'not enough credits',
    );
    expect(state.calls).toEqual([20, 5]);
  });

  it('a lot whose answer was lost and that the server applied is booked from the market record, never sent again', async () => {
    const { bot, state, ledger, register, database } = world({ loseAnswerAfter: 2 });
    await register();
    const report = await bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 50 }));
    expect(state.calls).toEqual([20, 20, 10]);
    expect(report).toMatchObject({ units: 50, totalPrice: 5000 });
    expect(ledger()).toEqual([
      { kind: 'PURCHASE', units: 20, credits: -2000 },
      { kind: 'PURCHASE', units: 20, credits: -2000 },
      { kind: 'PURCHASE', units: 10, credits: -1000 },
    ]);
    // Read back later, the credits may hold other movements: the row has no balance after.
    expect(database.prepare('SELECT balance_after AS b FROM ledger ORDER BY id').all()).toEqual([
      { b: 98_000 },
      { b: null },
      { b: 95_000 },
    ]);
  });

  it('a lot whose answer was lost before the server applied it (read back) is planned again', async () => {
    const { bot, state, ledger, register } = world({ loseAnswerTo: 2 });
    await register();
    const report = await bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 50 }));
    expect(state.calls).toEqual([20, 20, 20, 10]);
    expect(report.units).toBe(50);
    expect(state.iron).toBe(50);
    expect(ledger().map((row) => row.units)).toEqual([20, 20, 10]);
  });

  it('keeps the lots before a lost answer the read-back cannot settle, reports it and never sends that lot again', async () => {
    const { bot, state, ledger, register } = world({ loseAnswerAfter: 2, failMarketRead: true });
    await register();
    await expect(bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 50 }))).rejects.toThrow(
      'NOVA-1-1 bought 20 IRON in 1 lot(s); the answer to the next lot of 20 was lost',
    );
    expect(state.calls).toEqual([20, 20]);
    expect(ledger()).toEqual([{ kind: 'PURCHASE', units: 20, credits: -2000 }]);
  });

  it('sells everything held in lots, and refuses a good the market does not trade without a call', async () => {
    const { bot, state, ledger, register } = world();
    await register();
    await bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 30 }));
    const sold = await bot.mediator.send(new SellCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON' }));
    expect(sold).toMatchObject({ units: 30, totalPrice: 2700 });
    expect(state.calls).toEqual([20, 10, 20, 10]);
    await expect(
      bot.mediator.send(new SellCargo({ shipSymbol: 'NOVA-1-1', good: 'COPPER', units: 1 })),
    ).rejects.toThrow('the market at X1-A-1 does not trade COPPER');
    expect(state.calls).toHaveLength(4);
    expect(ledger().map((row) => row.kind)).toEqual(['PURCHASE', 'PURCHASE', 'SALE', 'SALE']);
  });

  it('refuses bad numbers before anything is sent', async () => {
    const { bot, state, register } = world();
    await register();
    await expect(bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 0 }))).rejects.toThrow(
      'units must be a whole number of at least 1',
    );
    await expect(
      bot.mediator.send(new SellCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 1, limit: -3 })),
    ).rejects.toThrow('--min-price must be a whole number');
    expect(state.calls).toEqual([]);
  });

  it('a restarted trade (same tradeId) moves only the units the first run did not', async () => {
    const { bot, state, ledger, register } = world({ failReadAfterLot: 1 });
    await register();
    const buy = () =>
      bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 45, tradeId: 't-1' }));
    await expect(buy()).rejects.toThrow('HTTP 503');
    expect(state.calls).toEqual([20]);
    const resumed = await buy();
    expect(state.calls).toEqual([20, 20, 5]);
    expect(resumed).toMatchObject({ units: 25, requested: 25 });
    expect(ledger()).toHaveLength(3);
    // Run again once complete: nothing left to buy, nothing sent.
    expect(await buy()).toMatchObject({ units: 0 });
    expect(state.calls).toHaveLength(3);
  });

  it('a restarted trade whose lot was in flight settles it by reading back: booked once, never sent again', async () => {
    const options = { loseAnswerAfter: 2, failMarketRead: true };
    const { bot, state, ledger, register } = world(options);
    await register();
    const buy = () =>
      bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 45, tradeId: 't-2' }));
    await expect(buy()).rejects.toThrow(OutcomeUnknownError);
    // Still unreadable: it fails (a retryable outage) and sends nothing.
    await expect(buy()).rejects.toThrow('HTTP 503');
    expect(state.calls).toEqual([20, 20]);
    options.failMarketRead = false;
    const resumed = await buy();
    expect(state.calls).toEqual([20, 20, 5]);
    expect(resumed).toMatchObject({ units: 5, requested: 5 });
    expect(state.iron).toBe(45);
    expect(ledger().map((row) => row.units)).toEqual([20, 20, 5]);
  });

  it('a restarted trade whose lot in flight was never applied sends it once, from the read-back', async () => {
    const options = { loseAnswerTo: 2, failMarketRead: true };
    const { bot, state, ledger, register } = world(options);
    await register();
    const buy = () =>
      bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 45, tradeId: 't-3' }));
    await expect(buy()).rejects.toThrow(OutcomeUnknownError);
    options.failMarketRead = false;
    expect(await buy()).toMatchObject({ units: 25, requested: 25 });
    expect(state.iron).toBe(45);
    expect(ledger().map((row) => row.units)).toEqual([20, 20, 5]);
  });

  it("the next trade of the ship settles a lot another trade left in flight (a contract run's step, restarted as a new trade)", async () => {
    const options = { loseAnswerAfter: 2, failMarketRead: true };
    const { bot, state, ledger, register } = world(options);
    await register();
    await expect(
      bot.mediator.send(new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 45, tradeId: 'step-1' })),
    ).rejects.toThrow(OutcomeUnknownError);
    options.failMarketRead = false;
    const sold = await bot.mediator.send(new SellCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', tradeId: 'step-2' }));
    expect(sold.units).toBe(40);
    expect(state.calls).toEqual([20, 20, 20, 20]);
    expect(ledger().map((row) => [row.kind, row.units])).toEqual([
      ['PURCHASE', 20],
      ['PURCHASE', 20],
      ['SALE', 20],
      ['SALE', 20],
    ]);
  });

  it('a stored trade keeps its tradeId, so the daemon resumes the same trade', () => {
    const registry = new MessageRegistry();
    registry.register(BuyCargo);
    const request = new BuyCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 45 });
    const { type, payload } = registry.serialize(request);
    expect(payload.tradeId).toBe(request.requestId);
    expect((registry.rebuild(type, payload) as BuyCargo).tradeId).toBe(request.tradeId);
  });
});
