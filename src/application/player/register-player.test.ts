import { describe, expect, it } from 'vitest';
import { createApp } from '../../composition-root.js';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { GetRecentEvents } from '../events/get-recent-events.js';
import { ListPlayers } from './list-players.js';
import { RegisterPlayer } from './register-player.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

const agent = (symbol: string): AgentDto => anAgent({ symbol });

/** A game server stand-in: the use case and its unit of work are what is under test here. */
function fakeApi(overrides: Partial<SpaceTradersApi> = {}): SpaceTradersApi {
  return {
    getStatus: async () => ({
      status: 'ok',
      version: 'v2',
      resetDate: '2026-11-15',
      serverResets: { next: '', frequency: 'weekly' },
    }),
    register: async (_account, symbol) =>
      ({ token: `token-for-${symbol}`, agent: agent(symbol) }) as unknown as RegisterResult,
    getMyAgent: async () => agent('OLD-7'),
    ...overrides,
  } as SpaceTradersApi;
}

function app(api: SpaceTradersApi) {
  const database = openDatabase(':memory:');
  const config = resolveConfig(loadDefaults(), {}, { db: ':memory:' });
  return { app: createApp(config, { api, logger: silentLogger, database }), database };
}

describe('RegisterPlayer', () => {
  it('stores the new agent, makes it the default and records PlayerRegistered', async () => {
    const { app: bot } = app(fakeApi());
    const view = await bot.mediator.send(
      new RegisterPlayer({ agentSymbol: 'nova-1', faction: 'cosmic', accountToken: 'acct' }),
    );
    expect(view).toMatchObject({ agentSymbol: 'NOVA-1', faction: 'COSMIC', isDefault: true, credits: 175_000 });
    expect(view).not.toHaveProperty('token');
    const events = await bot.mediator.send(new GetRecentEvents({ limit: 5 }));
    expect(events.map((e) => e.type)).toEqual(['PlayerRegistered']);
  });

  it("records the agent's credits as the ledger's baseline, on registration and on import", async () => {
    const { app: bot, database } = app(fakeApi());
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'acct' }));
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'OLD-7', agentToken: 'tok' }));
    expect(database.prepare('SELECT player_symbol, credits FROM credit_baselines ORDER BY id').all()).toEqual([
      { player_symbol: 'NOVA-1', credits: 175_000 },
      { player_symbol: 'OLD-7', credits: 175_000 },
    ]);
  });

  it('writes nothing when the server refuses', async () => {
    const { app: bot, database } = app(fakeApi({ register: async () => Promise.reject(new Error('503 from server')) }));
    await expect(
      bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'acct' })),
    ).rejects.toThrow('503');
    expect(await bot.mediator.send(new ListPlayers())).toEqual([]);
    expect(database.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(database.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 });
    expect(database.prepare('SELECT count(*) AS n FROM credit_baselines').get()).toEqual({ n: 0 });
  });

  it('refuses an imported token that belongs to another agent', async () => {
    const { app: bot } = app(fakeApi());
    await expect(bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-9', agentToken: 'tok' }))).rejects.toThrow(
      'that token belongs to agent OLD-7, not NOVA-9',
    );
  });

  it('validates before calling the server', async () => {
    let calls = 0;
    const { app: bot } = app(
      fakeApi({
        register: async () => {
          calls += 1;
          throw new Error('unreachable');
        },
      }),
    );
    await expect(
      bot.mediator.send(new RegisterPlayer({ agentSymbol: 'X', faction: 'COSMIC', accountToken: 'a' })),
    ).rejects.toThrow('invalid agent symbol');
    await expect(
      bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'NOPE', accountToken: 'a' })),
    ).rejects.toThrow('unknown faction');
    await expect(bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC' }))).rejects.toThrow(
      'needs the account token',
    );
    expect(calls).toBe(0);
  });

  it('re-registers a known agent after a reset, keeping its metadata', async () => {
    let n = 0;
    const { app: bot } = app(
      fakeApi({
        register: async (_a, symbol) => ({ token: `t${++n}`, agent: agent(symbol) }) as unknown as RegisterResult,
      }),
    );
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
    await expect(
      bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' })),
    ).rejects.toThrow('already registered');
    await bot.mediator.send(
      new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a', reregister: true }),
    );
    const events = await bot.mediator.send(new GetRecentEvents({ limit: 5 }));
    expect(events.map((e) => e.type)).toEqual(['PlayerReregistered', 'PlayerRegistered']);
  });
});
