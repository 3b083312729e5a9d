import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Ship } from '../../domain/fleet/ship.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { JettisonCargo } from './jettison-cargo.js';
import { silentLogger } from '../../test-support/agent-mother.js';

/** A hold of 10 IRON; the answer to the first jettison is lost 'before' or 'after' the server applied it. */
async function world(lose: 'before' | 'after') {
  const state = { iron: 10, sent: 0 };
  const agent = { symbol: 'NOVA-1', credits: 1, headquarters: 'X1-A-1', startingFaction: 'COSMIC' } as AgentDto;
  const cargo = () => ({
    capacity: 40,
    units: state.iron,
    inventory: state.iron ? [{ symbol: 'IRON', name: 'Iron', description: '', units: state.iron }] : [],
  });
  const api = {
    register: async () => ({ token: 'tok', agent }) as unknown as RegisterResult,
    getShip: async () => new Ship(shipState({ cargo: cargo() })),
    jettison: async (_t: string, _s: string, _g: string, units: number) => {
      state.sent += 1;
      if (lose === 'before' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      state.iron -= units;
      if (lose === 'after' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      return cargo();
    },
  } as unknown as SpaceTradersApi;
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
    api,
    logger: silentLogger,
    database: openDatabase(':memory:'),
  });
  await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  return { bot, state };
}

describe('JettisonCargo', () => {
  it('settles a jettison whose answer was lost after it was applied by reading the hold: never sent again', async () => {
    const { bot, state } = await world('after');
    const report = await bot.mediator.send(new JettisonCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 4 }));
    expect(state).toEqual({ iron: 6, sent: 1 });
    expect(report.cargo.units).toBe(6);
  });

  it('sends once more a jettison the hold shows was not applied', async () => {
    const { bot, state } = await world('before');
    const report = await bot.mediator.send(new JettisonCargo({ shipSymbol: 'NOVA-1-1', good: 'IRON', units: 4 }));
    expect(state).toEqual({ iron: 6, sent: 2 });
    expect(report.cargo).toEqual({ capacity: 40, units: 6, inventory: [{ symbol: 'IRON', units: 6 }] });
  });
});
