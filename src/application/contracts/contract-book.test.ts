import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import type { Contract } from '../../domain/contracts/contract.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { RegisterPlayer } from '../player/register-player.js';
import { AcceptContract } from './accept-contract.js';
import { FulfillContract } from './fulfill-contract.js';
import { aContract } from '../../test-support/contract-mother.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

/** A contract stand-in: accepting pays 1,000, fulfilling 9,000; `dieDuringAccept` applies the accept and loses everything after. */
function world(options: { dieDuringAccept?: boolean } = {}) {
  const state = { credits: 100_000, accepted: false, fulfilled: false, accepts: 0 };
  const agent = (): AgentDto => anAgent({ credits: state.credits, shipCount: 1 });
  const contract = (): Contract =>
    aContract(
      { accepted: state.accepted, fulfilled: state.fulfilled, deadlineToAccept: Date.now() + 3_600_000 },
      { destination: 'X1-A-2', fulfilled: 10 },
    );
  const api = {
    register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
    getMyAgent: async () => agent(),
    getContract: async () => contract(),
    acceptContract: async () => {
      state.accepts += 1;
      state.accepted = true;
      state.credits += 1_000;
      // The process dies with the answer: nothing after the server's change happens.
      if (options.dieDuringAccept) throw new Error('killed');
      return { agent: agent(), contract: contract() };
    },
    fulfillContract: async () => {
      state.fulfilled = true;
      state.credits += 9_000;
      return { agent: agent(), contract: contract() };
    },
  } as unknown as SpaceTradersApi;
  const database = openDatabase(':memory:');
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), { api, logger: silentLogger, database });
  const ledger = () =>
    database.prepare('SELECT kind, credits, balance_after AS balance FROM ledger ORDER BY id').all() as Array<{
      kind: string;
      credits: number;
      balance: number | null;
    }>;
  const register = () =>
    bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  return { bot, state, ledger, register };
}

describe('ContractBook', () => {
  it('books each payment once with the balance after', async () => {
    const { bot, ledger, register } = world();
    await register();
    await bot.mediator.send(new AcceptContract({ contractId: 'c-1' }));
    await bot.mediator.send(new FulfillContract({ contractId: 'c-1' }));
    expect(ledger()).toEqual([
      { kind: 'CONTRACT', credits: 1_000, balance: 101_000 },
      { kind: 'CONTRACT', credits: 9_000, balance: 110_000 },
    ]);
  });

  it('an accept whose daemon died with it is booked by the next step, from the contract read back', async () => {
    const { bot, state, ledger, register } = world({ dieDuringAccept: true });
    await register();
    await expect(bot.mediator.send(new AcceptContract({ contractId: 'c-1' }))).rejects.toThrow('killed');
    expect(ledger()).toEqual([]);
    await bot.mediator.send(new FulfillContract({ contractId: 'c-1' }));
    expect(state.accepts).toBe(1);
    expect(ledger()).toEqual([
      { kind: 'CONTRACT', credits: 1_000, balance: null },
      { kind: 'CONTRACT', credits: 9_000, balance: 110_000 },
    ]);
  });
});
