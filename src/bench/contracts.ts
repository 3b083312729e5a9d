/**
 * `npm run bench -- contracts`: credits per game hour of `contract run` against a naive baseline
 * (accept whatever is offered, buy at the nearest market trading the good, deliver, fulfil), each on
 * its own copy of the same seeded sandbox world, one contract per world. Also the requests each spent
 * per 1,000 credits earned.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcceptContract } from '../application/contracts/accept-contract.js';
import { ContractPlanning } from '../application/contracts/contract-planning.js';
import { DeliverContract } from '../application/contracts/deliver-contract.js';
import { FulfillContract } from '../application/contracts/fulfill-contract.js';
import { RunContracts } from '../application/contracts/run-contracts.js';
import { NavigateShip } from '../application/navigation/navigate-ship.js';
import { RegisterPlayer } from '../application/player/register-player.js';
import { BuyCargo } from '../application/ships/buy-cargo.js';
import { type App, createApp } from '../composition-root.js';
import { loadDefaults, resolveConfig } from '../config/config.js';
import { deliveryFor, unitsStillRequired } from '../domain/contracts/contract.js';
import { TOKENS } from '../ports/tokens.js';
import type { SpaceTradersApi } from '../ports/spacetraders-api.js';
import { Players } from '../application/player/players.js';
import { startSandbox } from '../sandbox/index.js';
import { fixed } from './stats.js';

const SEEDS = [11, 12, 13, 14, 15, 16];
/**
 * The sandbox's clock shows real time and makes every duration TIME_SCALE times shorter, so game time is
 * the real time elapsed × TIME_SCALE (the bot's own time and its requests count too). The sandbox's rate
 * limit is on and scales with the clock (TIME_SCALE × 2 requests/s, as advertised in its headers, which
 * the client adopts): a request then costs in game time what it costs on the live server. With the limit
 * off, the client kept the live 2/s in real time, so each request past the burst cost TIME_SCALE/2 game
 * seconds (over 4 game minutes): the bench measured request counts, not the workflow.
 */
const TIME_SCALE = 100;
const AGENT = 'BENCH-1';
const SHIP = `${AGENT}-1`;

type Strategy = (app: App) => Promise<void>;

interface Outcome {
  credits: number;
  hours: number;
  requests: number;
  error?: string;
}

const runContract: Strategy = async (app) => {
  const report = await app.mediator.send(new RunContracts({ shipSymbol: SHIP, count: 1, player: AGENT }));
  if (report.fulfilled.length === 0) throw new Error(report.stoppedBecause ?? 'nothing fulfilled');
};

/** Accept, then per trip: the nearest market trading the good, buy what fits, fly to the destination, deliver. */
const naive: Strategy = async (app) => {
  const api = app.container.get<SpaceTradersApi>(TOKENS.SpaceTradersApi);
  const players = app.container.get(Players);
  const planning = app.container.get(ContractPlanning);
  const player = players.resolve(AGENT);
  let [contract] = await api.listContracts(player.token);
  if (!contract) throw new Error('no contract');
  if (!contract.accepted) await app.mediator.send(new AcceptContract({ contractId: contract.id, player: AGENT }));
  for (let trip = 0; trip < 50; trip++) {
    contract = await api.getContract(player.token, contract.id);
    const delivery = deliveryFor(contract);
    const still = unitsStillRequired(delivery);
    if (still === 0) break;
    const ship = await api.getShip(player.token, SHIP);
    const system = delivery.destination.split('-').slice(0, 2).join('-');
    const markets = await planning.tradingMarkets(player, delivery.good, system);
    if (markets.length === 0) throw new Error(`no market trades ${delivery.good}`);
    const market = await planning.nearest(player, ship.location(), markets);
    await app.mediator.send(new NavigateShip({ shipSymbol: SHIP, destination: market, player: AGENT }));
    const units = Math.min(still, ship.cargo.capacity - ship.cargo.units);
    await app.mediator.send(new BuyCargo({ shipSymbol: SHIP, good: delivery.good, units, player: AGENT }));
    await app.mediator.send(new NavigateShip({ shipSymbol: SHIP, destination: delivery.destination, player: AGENT }));
    await app.mediator.send(new DeliverContract({ contractId: contract.id, shipSymbol: SHIP, player: AGENT }));
  }
  await app.mediator.send(new FulfillContract({ contractId: contract.id, player: AGENT }));
};

async function measure(seed: number, strategy: Strategy): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-bench-contracts-'));
  const sandbox = await startSandbox({ port: 0, rateLimit: true, timeScale: TIME_SCALE, seed });
  const admin = async (path: string) => (await fetch(`${sandbox.adminUrl}/${path}`, { method: 'GET' })).json();
  const gameNow = async () =>
    Date.parse(
      (
        (await (
          await fetch(`${sandbox.adminUrl}/clock`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).json()) as { now: string }
      ).now,
    );
  const config = resolveConfig(
    loadDefaults(),
    { HOME: dir },
    { apiUrl: sandbox.baseUrl, db: join(dir, 'bench.db'), logLevel: 'silent', accountToken: 'bench-account' },
  );
  const app = createApp(config);
  try {
    await app.mediator.send(
      new RegisterPlayer({ agentSymbol: AGENT, faction: 'COSMIC', accountToken: 'bench-account' }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the admin state is JSON of many shapes
    const credits = async () => ((await admin('state')) as any).agents[AGENT].credits as number;
    const requests = async () => ((await admin('stats')) as { requests: number }).requests;
    const [creditsBefore, requestsBefore, startedAt] = [await credits(), await requests(), await gameNow()];
    let error: string | undefined;
    await strategy(app).catch((e: unknown) => (error = e instanceof Error ? e.message : String(e)));
    return {
      credits: (await credits()) - creditsBefore,
      hours: (((await gameNow()) - startedAt) * TIME_SCALE) / 3_600_000,
      requests: (await requests()) - requestsBefore,
      ...(error ? { error } : {}),
    };
  } finally {
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function describe(name: string, o: Outcome): string {
  if (o.error) return `${name} failed: ${o.error.slice(0, 160)}`;
  const perHour = o.credits / Math.max(o.hours, 1 / 3600);
  const per1000 = o.credits > 0 ? fixed((o.requests * 1000) / o.credits, 1) : 'n/a';
  return `${name} ${Math.round(o.credits).toLocaleString('en-US')} credits in ${fixed(o.hours * 60, 1)} game min = ${Math.round(perHour).toLocaleString('en-US')}/h, ${o.requests} requests (${per1000} per 1,000 credits)`;
}

export async function run(): Promise<string[]> {
  const lines = [
    `one contract per world, frigate only, sandbox at ${TIME_SCALE}x; contract run (buys or mines) vs naive (nearest seller, cannot mine)`,
  ];
  for (const seed of SEEDS) {
    const ours = await measure(seed, runContract);
    const base = await measure(seed, naive);
    const ratio =
      !ours.error && !base.error && base.credits > 0
        ? ` — ours ÷ naive credits/h ${fixed(ours.credits / Math.max(ours.hours, 1 / 3600) / (base.credits / Math.max(base.hours, 1 / 3600)), 2)}`
        : '';
    lines.push(`  seed ${seed}: ${describe('run', ours)}; ${describe('naive', base)}${ratio}`);
  }
  return lines;
}
