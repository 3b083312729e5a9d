import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Ship } from '../../domain/fleet/ship.js';
import { OutcomeUnknownError } from '../../ports/api-errors.js';
import type { AgentDto, RegisterResult, SpaceTradersApi, WaypointDto } from '../../ports/spacetraders-api.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { Players } from '../player/players.js';
import { MiningOps } from './mining-ops.js';
import type { MiningSite } from './mining-site.js';
import { silentLogger } from '../../test-support/agent-mother.js';

/** A miner at an asteroid with an empty hold; the answer to the first extraction is lost 'before' or 'after' it was applied. */
async function world(lose: 'before' | 'after') {
  const state = { iron: 0, cooldownUntil: 0, sent: 0 };
  const cargo = () => ({
    capacity: 40,
    units: state.iron,
    inventory: state.iron ? [{ symbol: 'IRON_ORE', units: state.iron }] : [],
  });
  const ship = () =>
    new Ship(
      shipState(
        { mounts: ['MOUNT_MINING_LASER_I'], cargo: cargo(), cooldownUntil: state.cooldownUntil },
        { status: 'IN_ORBIT', departureTime: 0, arrival: 0 },
      ),
    );
  const api = {
    register: async () => ({ token: 'tok', agent: { symbol: 'NOVA-1', credits: 1 } as AgentDto }) as RegisterResult,
    getShip: async () => ship(),
    extract: async () => {
      state.sent += 1;
      if (lose === 'before' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      state.iron += 7;
      state.cooldownUntil = Date.now() + 60_000;
      if (lose === 'after' && state.sent === 1) throw new OutcomeUnknownError('answer lost');
      return {
        extraction: { ship: 'NOVA-1-1', good: 'IRON_ORE', units: 7 },
        cooldownUntil: state.cooldownUntil,
        cargo: cargo(),
      };
    },
  } as unknown as SpaceTradersApi;
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
    api,
    logger: silentLogger,
    database: openDatabase(':memory:'),
  });
  await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  const site = {
    system: 'X1-A',
    waypoints: new Map([['X1-A-1', { symbol: 'X1-A-1', type: 'ASTEROID' } as WaypointDto]]),
  } as unknown as MiningSite;
  const extract = () =>
    bot.container.get(MiningOps).extract(bot.container.get(Players).resolve('NOVA-1'), ship(), site);
  return { state, extract };
}

describe('MiningOps: an extraction whose answer was lost', () => {
  it('is settled from the ship read back when it was applied (a cooldown, more in the hold): never sent again', async () => {
    const { state, extract } = await world('after');
    const { extraction } = await extract();
    expect(extraction).toEqual({ ship: 'NOVA-1-1', good: 'IRON_ORE', units: 7 });
    expect(state).toMatchObject({ iron: 7, sent: 1 });
  });

  it('is sent once more when the ship shows it was not applied', async () => {
    const { state, extract } = await world('before');
    const { extraction } = await extract();
    expect(extraction.units).toBe(7);
    expect(state).toMatchObject({ iron: 7, sent: 2 });
  });
});
