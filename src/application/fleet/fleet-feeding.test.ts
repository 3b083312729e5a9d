import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { createApp } from '../../composition-root.js';
import { loadDefaults, resolveConfig } from '../../config/config.js';
import { Container } from '../../domain/containers/container.js';
import type { Contract } from '../../domain/contracts/contract.js';
import { Ship } from '../../domain/fleet/ship.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { PlayerRepository } from '../../ports/player-repository.js';
import type { StoredCommand } from '../../ports/daemon-control.js';
import type { AgentDto, RegisterResult, SpaceTradersApi, WaypointDto } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { shipState } from '../../test-support/ship-mother.js';
import { RegisterPlayer } from '../player/register-player.js';
import { FleetRun } from './fleet-run.js';
import { aContract } from '../../test-support/contract-mother.js';
import { FleetFeeding } from './fleet-feeding.js';
import { anAgent, silentLogger } from '../../test-support/agent-mother.js';

const asteroid = {
  symbol: 'X1-A-D4',
  systemSymbol: 'X1-A',
  type: 'ASTEROID',
  x: 10,
  y: 0,
  orbitals: [],
  traits: [{ symbol: 'COMMON_METAL_DEPOSITS', name: 'Common metal deposits', description: '' }],
  isUnderConstruction: false,
} as unknown as WaypointDto;

/** An asteroid a drone (speed 9) needs hours to reach. */
const farAsteroid = { ...asteroid, symbol: 'X1-A-D9', x: 3_000 } as unknown as WaypointDto;

/** An agent whose command ship mines IRON_ORE at X1-A-D4 for its accepted contract, beside a drone that mines for sale. */
async function fleetMiningAContract(contract: Partial<Contract> = {}) {
  const agent = (): AgentDto => anAgent({ credits: 10_000 });
  const at = { waypointSymbol: 'X1-A-D4', origin: 'X1-A-D4', destination: 'X1-A-D4', departureTime: 0, arrival: 0 };
  const frigate = new Ship(
    shipState(
      {
        symbol: 'NOVA-1-1',
        mounts: ['MOUNT_MINING_LASER_II', 'MOUNT_SURVEYOR_I'],
        cargo: { capacity: 40, units: 12, inventory: [{ symbol: 'IRON_ORE', units: 12 }] },
      },
      at,
    ),
  );
  const drone = new Ship(
    shipState({ symbol: 'NOVA-1-2', role: 'EXCAVATOR', mounts: ['MOUNT_MINING_LASER_I'], engineSpeed: 9 }, at),
  );
  const accepted: Contract = aContract(
    { id: 'contract-1', payment: { onAccepted: 1_000, onFulfilled: 20_000 }, ...contract },
    { good: 'IRON_ORE', required: 60 },
  );
  const api = {
    register: async () => ({ token: 'tok', agent: agent() }) as unknown as RegisterResult,
    getMyAgent: async () => agent(),
    listShips: async () => [frigate, drone],
    listContracts: async () => [accepted],
    listWaypoints: async () => [asteroid, farAsteroid],
  } as unknown as SpaceTradersApi;
  const bot = createApp(resolveConfig(loadDefaults(), {}, { db: ':memory:' }), {
    api,
    logger: silentLogger,
    database: openDatabase(':memory:'),
  });
  const submitted: StoredCommand[] = [];
  const stopped: string[] = [];
  bot.container.rebind(TOKENS.JobLauncher).toConstantValue({
    submit: async (job: StoredCommand) => {
      submitted.push(job);
      return { id: `job-${submitted.length}` };
    },
    stop: async (id: string) => {
      stopped.push(id);
      return { id };
    },
  });
  await bot.mediator.send(new RegisterPlayer({ agentSymbol: 'NOVA-1', faction: 'COSMIC', accountToken: 'a' }));
  const store = bot.container.get<ContainerStore>(TOKENS.ContainerStore);
  for (const [id, commandType, ship] of [
    ['contracts-1', 'RunContracts', 'NOVA-1-1'],
    ['mining-2', 'MineRun', 'NOVA-1-2'],
  ] as const) {
    const job = Container.create({ id, player: 'NOVA-1', commandType, payload: {}, claims: [`ship:${ship}`], now: 0 });
    job.start(0);
    store.save(job);
    store.claim(id, [`ship:${ship}`], 0);
  }
  return { bot, submitted, stopped, drone };
}

describe('FleetRun while the command ship mines a contract', () => {
  it("stops a mining drone's own job and has it feed the contract at the command ship's asteroid, saying why", async () => {
    const { bot, submitted, stopped } = await fleetMiningAContract();

    const report = await bot.mediator.send(new FleetRun({ cycles: 1, player: 'NOVA-1' }));

    expect(stopped).toEqual(['mining-2']);
    expect(submitted).toEqual([
      {
        type: 'FeedContract',
        payload: expect.objectContaining({
          shipSymbol: 'NOVA-1-2',
          contractId: 'contract-1',
          to: 'NOVA-1-1',
          at: 'X1-A-D4',
        }),
        player: 'NOVA-1',
      },
    ]);
    const decision = report.decisions.find((d) => d.ship === 'NOVA-1-2');
    expect(decision).toMatchObject({ role: 'mining', command: 'FeedContract', container: 'job-1' });
    expect(decision?.reason).toMatch(
      /^stops its MineRun and mines IRON_ORE at X1-A-D4 and hands it to NOVA-1-1 for contract contract-1 \(48 more needed\)/,
    );
  });

  it('leaves the drone to its own work once the command ship holds all the contract still needs', async () => {
    const { bot, submitted, stopped } = await fleetMiningAContract({
      deliver: [{ good: 'IRON_ORE', destination: 'X1-A-1', required: 60, fulfilled: 48 }],
    });

    await bot.mediator.send(new FleetRun({ cycles: 1, player: 'NOVA-1' }));

    expect(stopped).toEqual([]);
    expect(submitted.map((job) => job.type)).not.toContain('FeedContract');
  });

  it('counts as feeders of a mined offer only the mining ships that reach its asteroid in time', async () => {
    const { bot, drone } = await fleetMiningAContract();
    const feeding = bot.container.get(FleetFeeding);
    const player = bot.container.get<PlayerRepository>(TOKENS.PlayerRepository).find('NOVA-1')!;

    // The drone is at X1-A-D4: there at once, whatever the frigate alone would take.
    expect(await feeding.feedersInTime(player, [drone], { asteroid: 'X1-A-D4', soloSeconds: 600 })).toBe(1);
    // X1-A-D9 is 3,000 units away: far more than half the hour the frigate alone would mine there.
    expect(await feeding.feedersInTime(player, [drone], { asteroid: 'X1-A-D9', soloSeconds: 3_600 })).toBe(0);
  });
});
