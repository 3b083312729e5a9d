import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { DomainRuleError } from '../../domain/errors.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { ShipyardSnapshot } from '../../domain/shipyard/shipyard.js';
import { apiErrorFrom, OutcomeUnknownError } from '../../ports/api-errors.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { BuyShip } from './buy-ship.js';
import { ListShipyard } from './list-shipyard.js';
import { SettleShipPurchases } from './settle-ship-purchases.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

/** A shipyard stand-in at X1-A-1 selling probes (the player's ship is there); the use case is under test. */
function world(
  options: {
    credits?: number;
    /** The answer to the purchase is lost: 'before' the server applied it, or 'after'. */
    loseAnswer?: 'before' | 'after';
    /** Reading the fleet back fails too. */
    failReadBack?: boolean;
    /**
     * The first purchase ends the process before its answer is recorded: 'crash' after the server
     * applied it, 'refused' with the game's refusal (nothing bought).
     */
    firstPurchase?: 'crash' | 'refused';
    /** The shipyard lists no sales (its record is gone). */
    noSales?: boolean;
  } = {},
) {
  const state = { credits: options.credits ?? 100_000, price: 20_000, sent: 0, bought: [] as Ship[] };
  const agent = (): AgentDto => anAgent({ credits: state.credits, shipCount: 1 });
  const offer = {
    type: 'SHIP_PROBE',
    name: 'Probe',
    purchasePrice: state.price,
    supply: 'HIGH',
    engineSpeed: 9,
    cargoCapacity: 0,
    fuelCapacity: 0,
    mounts: [],
  };
  const yard = (): ShipyardSnapshot => ({ waypoint: 'X1-A-1', shipTypes: ['SHIP_PROBE'], ships: [offer] });
  const here = new Ship(shipState({}, { waypointSymbol: 'X1-A-1', systemSymbol: 'X1-A', status: 'DOCKED' }));
  const api = {
    register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
    getMyAgent: async () => agent(),
    listShips: async () => {
      if (options.failReadBack && state.sent > 0) throw new OutcomeUnknownError('no answer');
      return [here, ...state.bought];
    },
    readShipyard: async () => yard(),
    getShipyard: async () => ({
      symbol: 'X1-A-1',
      shipTypes: [{ type: 'SHIP_PROBE' }],
      modificationsFee: 0,
      transactions: (options.noSales ? [] : state.bought).map(() => ({
        waypointSymbol: 'X1-A-1',
        shipSymbol: 'SHIP_PROBE',
        shipType: 'SHIP_PROBE',
        price: state.price,
        agentSymbol: 'NOVA-1',
        timestamp: new Date(5).toISOString(),
      })),
    }),
    buyShip: async () => {
      state.sent += 1;
      if (options.loseAnswer === 'before') throw new OutcomeUnknownError('answer lost');
      if (options.firstPurchase === 'refused' && state.sent === 1)
        throw apiErrorFrom(400, { error: { code: 4216, message: 'the shipyard refused', data: {} } });
      state.credits -= state.price;
      const bought = new Ship(shipState({ symbol: 'NOVA-1-9' }, { waypointSymbol: 'X1-A-1', systemSymbol: 'X1-A' }));
      state.bought.push(bought);
      if (options.loseAnswer === 'after') throw new OutcomeUnknownError('answer lost');
      if (options.firstPurchase === 'crash' && state.sent === 1) throw new Error('the process was killed');
      return { agent: agent(), ship: bought, transaction: { price: state.price, at: 5 } };
    },
  } as unknown as SpaceTradersApi;
  const database = openDatabase(':memory:');
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), { api, logger: silentLogger, database });
  const ledger = () =>
    database.prepare('SELECT ship_symbol AS ship, kind, good, credits, balance_after AS balance FROM ledger').all();
  const register = async () => {
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
    await bot.mediator.send(new ListShipyard({ waypoint: 'X1-A-1' }));
  };
  return { bot, state, ledger, register };
}

describe('BuyShip', () => {
  it('buys at the known shipyard where a ship is and writes a SHIP ledger row with the balance after', async () => {
    const { bot, state, ledger, register } = world();
    await register();
    const view = await bot.mediator.send(new BuyShip({ shipType: 'ship_probe' }));
    expect(view).toMatchObject({ ship: { symbol: 'NOVA-1-9' }, price: 20_000, waypoint: 'X1-A-1' });
    expect(state.sent).toBe(1);
    expect(ledger()).toEqual([
      { ship: 'NOVA-1-9', kind: 'SHIP', good: 'SHIP_PROBE', credits: -20_000, balance: 80_000 },
    ]);
  });

  it('refuses before spending when the credits do not cover the price', async () => {
    const { bot, state, ledger, register } = world({ credits: 19_999 });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow(/not enough credits/);
    expect(state.sent).toBe(0);
    expect(ledger()).toEqual([]);
  });

  it('sends a purchase whose answer was lost only once and, when it cannot read back, reports the unknown outcome', async () => {
    const { bot, state, ledger, register } = world({ loseAnswer: 'after', failReadBack: true });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow(/may have been bought/);
    expect(state.sent).toBe(1);
    expect(ledger()).toEqual([]);
  });

  it('settles a purchase whose answer was lost from the fleet and the shipyard record: one SHIP row, sent once', async () => {
    const { bot, state, ledger, register } = world({ loseAnswer: 'after' });
    await register();
    const view = await bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    expect(view).toMatchObject({ ship: { symbol: 'NOVA-1-9' }, price: 20_000, waypoint: 'X1-A-1' });
    expect(state.sent).toBe(1);
    expect(ledger()).toEqual([{ ship: 'NOVA-1-9', kind: 'SHIP', good: 'SHIP_PROBE', credits: -20_000, balance: null }]);
  });

  it('a purchase whose answer was lost and that the fleet shows was not applied fails as retryable, nothing booked', async () => {
    const { bot, state, ledger, register } = world({ loseAnswer: 'before' });
    await register();
    const buying = bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    await expect(buying).rejects.toThrow(/shows no new ship: not bought/);
    await expect(buying).rejects.not.toBeInstanceOf(OutcomeUnknownError);
    expect(state.sent).toBe(1);
    expect(ledger()).toEqual([]);
  });

  it('a purchase the process died sending is settled by the next one from the fleet and the shipyard: bought once, one SHIP row', async () => {
    const { bot, state, ledger, register } = world({ firstPurchase: 'crash' });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow('the process was killed');
    expect(ledger()).toEqual([]);
    // The same purchase again (a job resumed after kill -9): the one bought is booked, nothing is sent.
    const view = await bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    expect(view).toMatchObject({ ship: { symbol: 'NOVA-1-9' }, price: 20_000, waypoint: 'X1-A-1' });
    expect(state.sent).toBe(1);
    expect(ledger()).toEqual([{ ship: 'NOVA-1-9', kind: 'SHIP', good: 'SHIP_PROBE', credits: -20_000, balance: null }]);
    // Settled once: the next purchase is a new one.
    await bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    expect(state.sent).toBe(2);
    expect(ledger()).toHaveLength(2);
  });

  it('a purchase the game refused leaves nothing to settle: the next one is sent', async () => {
    const { bot, state, ledger, register } = world({ firstPurchase: 'refused' });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow('the shipyard refused');
    const view = await bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    expect(view.ship.symbol).toBe('NOVA-1-9');
    expect(state.sent).toBe(2);
    expect(ledger()).toHaveLength(1);
  });

  it('a purchase the process died sending that reading back cannot settle is reported once, not retried, then forgotten', async () => {
    const { bot, state, ledger, register } = world({ firstPurchase: 'crash', noSales: true });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow('the process was killed');
    const again = bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    await expect(again).rejects.toThrow(/earlier purchase of a SHIP_PROBE at X1-A-1 was never recorded/);
    await expect(again).rejects.toBeInstanceOf(DomainRuleError);
    expect(state.sent).toBe(1);
    await bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }));
    expect(state.sent).toBe(2);
    expect(ledger()).toHaveLength(1);
  });

  it('SettleShipPurchases (the daemon, at start) books a purchase the process died sending, for a coordinator that buys nothing soon', async () => {
    const { bot, state, ledger, register } = world({ firstPurchase: 'crash' });
    await register();
    await expect(bot.mediator.send(new BuyShip({ shipType: 'SHIP_PROBE' }))).rejects.toThrow('the process was killed');
    expect(await bot.mediator.send(new SettleShipPurchases())).toEqual({
      booked: ['NOVA-1: SHIP_PROBE at X1-A-1 as NOVA-1-9'],
      failed: [],
    });
    expect(ledger()).toEqual([{ ship: 'NOVA-1-9', kind: 'SHIP', good: 'SHIP_PROBE', credits: -20_000, balance: null }]);
    expect(await bot.mediator.send(new SettleShipPurchases())).toEqual({ booked: [], failed: [] });
    expect(state.sent).toBe(1);
  });
});
