import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { StoredCommand } from '../../ports/daemon-control.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { AgentDto, RegisterResult, SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { FleetRun } from './fleet-run.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

describe('FleetRun', () => {
  it('a purchase the game refuses (the ship at the shipyard has just left) is a decision, not the end of the coordinator', async () => {
    const agent = (): AgentDto => anAgent({ credits: 100_000, shipCount: 1 });
    let reads = 0;
    const docked = new Ship(shipState({}, { status: 'DOCKED', departureTime: 0, arrival: 0 }));
    const leaving = new Ship(
      shipState({}, { status: 'IN_TRANSIT', destination: 'X1-A-2', arrival: Date.now() + 3_600_000 }),
    );
    let sent = 0;
    const api = {
      register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
      getMyAgent: async () => agent(),
      // The coordinator sees the ship at the shipyard; by the purchase it has left.
      listShips: async () => [++reads === 1 ? docked : leaving],
      listContracts: async () => [],
      listWaypoints: async () => [],
      buyShip: async () => {
        sent += 1;
        throw new Error('never sent: no ship of ours is there');
      },
    } as unknown as SpaceTradersApi;
    const database = openDatabase(':memory:');
    const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
      api,
      logger: silentLogger,
      database,
    });
    const jobs: StoredCommand[] = [];
    bot.container.rebind(TOKENS.JobLauncher).toConstantValue({
      submit: async (job: StoredCommand) => {
        jobs.push(job);
        return { id: `job-${jobs.length}` };
      },
      stop: async () => {
        throw new Error('no job is stopped here');
      },
    });
    await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
    bot.container.get<ShipyardRepository>(TOKENS.ShipyardRepository).record('NOVA-1', 'X1-A', {
      waypoint: 'X1-A-1',
      shipTypes: ['SHIP_PROBE'],
      ships: [
        {
          type: 'SHIP_PROBE',
          name: 'Probe',
          purchasePrice: 20_000,
          supply: 'HIGH',
          engineSpeed: 9,
          cargoCapacity: 0,
          fuelCapacity: 0,
          mounts: [],
        },
      ],
      observedAt: Date.now(),
    });

    const report = await bot.mediator.send(new FleetRun({ cycles: 1, player: 'NOVA-1' }));

    expect(sent).toBe(0);
    expect(report.decisions.map((d) => d.reason)).toContainEqual(
      expect.stringMatching(/^no purchase: the cheapest known shipyard selling SHIP_PROBE is X1-A-1 .*must be there/),
    );
    // The cycle went on: the command ship got its work.
    expect(jobs.map((job) => job.type)).toEqual(['RunContracts']);
  });
});
