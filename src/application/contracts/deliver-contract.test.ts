import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import type { Contract } from '../../domain/contracts/contract.js';
import { Ship } from '../../domain/fleet/ship.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { DeliverContract } from './deliver-contract.js';
import { aContract } from '../../test-support/contract-mother.js';
import { silentLogger } from '../../test-support/agent-mother.js';

/** 10 IRON in a docked hold at the destination of a contract that wants 10; the first answer is lost 'before' or 'after'. */
async function world(lose: 'before' | 'after') {
  const state = { held: 10, delivered: 0, sent: 0 };
  const cargo = () => ({
    capacity: 40,
    units: state.held,
    inventory: state.held ? [{ symbol: 'IRON', units: state.held }] : [],
  });
  const contract = (): Contract => aContract({}, { fulfilled: state.delivered });
  const api = {
    register: async () => ({ token: 'tok', agent: { symbol: 'NOVA-1', credits: 1 } as AgentDto }) as RegisterResult,
    getShip: async () => new Ship(shipState({ cargo: cargo() }, { status: 'DOCKED', departureTime: 0, arrival: 0 })),
    getContract: async () => contract(),
    deliverContract: async (_t: string, _c: string, _s: string, _g: string, units: number) => {
      state.sent += 1;
      if (lose === 'before' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      state.held -= units;
      state.delivered += units;
      if (lose === 'after' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      return { contract: contract(), cargo: cargo() };
    },
  } as unknown as SpaceTradersApi;
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
    api,
    logger: silentLogger,
    database: openDatabase(':memory:'),
  });
  await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  const deliver = () => bot.mediator.send(new DeliverContract({ contractId: 'c-1', shipSymbol: 'NOVA-1-1' }));
  return { state, deliver };
}

describe('DeliverContract: a delivery whose answer was lost', () => {
  it('is settled by the contract read back when it was applied: never sent again', async () => {
    const { state, deliver } = await world('after');
    expect(await deliver()).toMatchObject({ units: 10, stillRequired: 0 });
    expect(state).toEqual({ held: 0, delivered: 10, sent: 1 });
  });

  it('is sent once more when the contract shows none of it delivered', async () => {
    const { state, deliver } = await world('before');
    expect(await deliver()).toMatchObject({ units: 10, stillRequired: 0 });
    expect(state).toEqual({ held: 0, delivered: 10, sent: 2 });
  });
});
