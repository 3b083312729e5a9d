import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import type { LedgerEntry } from '../../domain/market/ledger.js';
import type { Ledger } from '../../ports/ledger.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { RegisterPlayer } from '../player/register-player.js';
import { GetLedger } from './get-ledger.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

const agent = (credits: number): AgentDto => anAgent({ credits });

const shipBought = (at: number): LedgerEntry => ({
  at,
  ship: 'NOVA-1-3',
  kind: 'SHIP',
  good: 'SHIP_MINING_DRONE',
  units: 1,
  credits: -40_000,
  waypoint: 'X1-A-2',
  pricePerUnit: 40_000,
  balanceAfter: 135_000,
});

describe('GetLedger', () => {
  it('balances when a movement is booked while the credits are asked for (a starved budget makes that wait long)', async () => {
    let credits = 175_000;
    let ledger: Ledger | undefined;
    const api = {
      register: async () => ({ token: 'token', agent: agent(credits) }) as unknown as RegisterResult,
      // While this request waits for the budget, the daemon buys a ship and books it: the server's
      // credits and the ledger move together, before the answer comes back.
      getMyAgent: async () => {
        credits -= 40_000;
        ledger!.record('NOVA-1', shipBought(Date.now() + 1_000));
        return agent(credits);
      },
    } as unknown as SpaceTradersApi;
    const database = openDatabase(':memory:');
    const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
      api,
      logger: silentLogger,
      database,
    });
    ledger = bot.container.get<Ledger>(TOKENS.Ledger);
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'acct' }));
    const view = await bot.mediator.send(new GetLedger({}));
    expect(view.credits).toBe(135_000);
    expect(view.entries.map((e) => e.kind)).toEqual(['SHIP']);
    expect(view.unexplained).toBe(0);
  });
});
