/**
 * `npm run bench -- economy`: a fresh agent on seeded sandbox worlds, the same game hours each, with the
 * rate limit scaled to the time scale (N × 2/s, N × 30 burst, advertised in `x-ratelimit-*` and adopted by
 * the client): net worth per game hour of `fleet run` side by side with two plain baselines
 * (economy-baselines.ts): contracts with the command ship, and mining with it, selling at the nearest
 * market that buys. Net worth = credits + the purchase price of every ship bought (the starting ships
 * count 0 for every strategy). Also ships at the end, requests ÷ the advertised budget, 429s and
 * requests per 1,000 credits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContainerRunner } from '../application/containers/container-runner.js';
import { FleetRun } from '../application/fleet/fleet-run.js';
import { RegisterPlayer } from '../application/player/register-player.js';
import { type App, createApp } from '../composition-root.js';
import type { BudgetUse } from '../ports/budget-store.js';
import type { ContainerStore } from '../ports/container-store.js';
import type { SpaceTradersApi } from '../ports/spacetraders-api.js';
import { TOKENS } from '../ports/tokens.js';
import { loadDefaults, resolveConfig } from '../config/config.js';
import { startSandbox } from '../sandbox/index.js';
import { AGENT, contractsOnly, mineAndSell, type Strategy } from './economy-baselines.js';
import { deadlineClock, TimeUp } from './deadline-clock.js';
import { fixed } from './stats.js';

const SEEDS = [7, 21, 42];
/** Game time runs TIME_SCALE× faster than real time; the sandbox scales its rate limit with it. */
const TIME_SCALE = 200;
const GAME_HOURS = 4;
/** The coordinator's cycle in real seconds (its minimum): 200 game seconds at 200×, near the live default of 180. */
const FLEET_INTERVAL_SECONDS = 1;
/** The live server's rate per second, which the sandbox multiplies by the time scale. */
const LIVE_RATE_PER_SECOND = 2;

interface Outcome {
  credits: number;
  shipsBought: number;
  shipValue: number;
  ships: number;
  requests: number;
  rateLimited: number;
  realSeconds: number;
  /** The client's budget use while requests waited in its limiter. */
  waiting?: BudgetUse;
  error?: string;
}

/** `fleet run` as the daemon runs it: a container whose child jobs run as containers of the same runner. */
const fleet: Strategy = async ({ app }) => {
  const runner = app.container.get(ContainerRunner);
  const { type, payload } = app.messages.serialize(
    new FleetRun({ intervalSeconds: FLEET_INTERVAL_SECONDS, player: AGENT }),
  );
  runner.submit({ type, payload, player: AGENT });
};

async function measure(seed: number, strategy: Strategy): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-bench-economy-'));
  const sandbox = await startSandbox({ port: 0, rateLimit: true, timeScale: TIME_SCALE, seed });
  // biome-ignore lint/suspicious/noExplicitAny: the admin API answers JSON of several shapes
  const admin = async (path: string): Promise<any> => (await fetch(`${sandbox.adminUrl}/${path}`)).json();
  const deadline = { at: Number.POSITIVE_INFINITY };
  // A sleep past the game time ends the baselines' loops (the coordinator is shut down at the deadline).
  const clock = deadlineClock(deadline);
  const config = resolveConfig(
    loadDefaults(),
    { HOME: dir },
    { apiUrl: sandbox.baseUrl, db: join(dir, 'bench.db'), logLevel: 'silent', accountToken: 'bench-account' },
  );
  const app = createApp(config, { clock });
  const bought = { ships: 0, value: 0 };
  app.events.on('ShipPurchased', ({ payload }) => {
    bought.ships += 1;
    bought.value += payload.price;
  });
  if (process.env.ECONOMY_VERBOSE)
    app.events.on('FleetDecision', ({ payload }) => {
      const minute = Math.round(((Date.now() - started) * TIME_SCALE) / 60_000);
      console.log(
        `[${minute} game min] ${payload.ship ?? 'fleet'} ${payload.role ?? ''} ${payload.command ?? ''}: ${payload.reason}`,
      );
    });
  if (process.env.ECONOMY_VERBOSE)
    app.events.on('RoutePlanned', ({ payload }) => {
      if (payload.ship !== `${AGENT}-1`) return;
      const minute = Math.round(((Date.now() - started) * TIME_SCALE) / 60_000);
      console.log(
        `[${minute} game min] ${payload.ship} flies to ${payload.destination} (${Math.round(payload.plannedSeconds / 60)} min)`,
      );
    });
  if (process.env.ECONOMY_VERBOSE === '2')
    for (const type of ['ResourcesExtracted', 'CargoTransferred', 'ShipSurveyed', 'RoutePlanned'] as const)
      app.events.on(type, ({ payload }) => {
        const minute = ((Date.now() - started) * TIME_SCALE) / 60_000;
        console.log(`[${minute.toFixed(1)} game min] ${type} ${JSON.stringify(payload)}`);
      });
  const started = Date.now();
  try {
    await app.mediator.send(
      new RegisterPlayer({ agentSymbol: AGENT, faction: 'COSMIC', accountToken: 'bench-account' }),
    );
    const credits = async () => (await admin('state')).agents[AGENT].credits as number;
    const before = { credits: await credits(), stats: await admin('stats'), at: Date.now() };
    deadline.at = before.at + (GAME_HOURS * 3_600_000) / TIME_SCALE;
    let error: string | undefined;
    const running = strategy({ app, deadline }).catch((e: unknown) => {
      if (!(e instanceof TimeUp)) error = e instanceof Error ? e.message : String(e);
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline.at - Date.now())));
    const after = { credits: await credits(), stats: await admin('stats'), at: Date.now() };
    const ships = (await admin('state')).agents[AGENT].shipCount as number;
    const waiting = await app.container.get<SpaceTradersApi>(TOKENS.SpaceTradersApi).budgetUse?.();
    await app.container.get(ContainerRunner).shutdown();
    if (process.env.ECONOMY_VERBOSE) dumpContainers(app);
    await running;
    return {
      credits: after.credits - before.credits,
      shipsBought: bought.ships,
      shipValue: bought.value,
      ships,
      requests: after.stats.requests - before.stats.requests,
      rateLimited: after.stats.rateLimited - before.stats.rateLimited,
      realSeconds: (after.at - before.at) / 1000,
      waiting,
      ...(error ? { error } : {}),
    };
  } finally {
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** While tuning: every container the run started, with its logs. */
function dumpContainers(app: App): void {
  const store = app.container.get<ContainerStore>(TOKENS.ContainerStore);
  for (const container of store.list()) {
    const state = container.snapshot();
    if (state.commandType === 'ScoutMarkets') continue;
    console.log(`-- ${state.id} ${state.commandType} ${container.status} ${JSON.stringify(state.payload)}`);
    for (const line of store.logs(state.id, { limit: 400 })) console.log(`   ${line.level} ${line.message}`);
  }
}

/** Net worth gained per game hour: credits gained plus ships bought at their price. */
const perHour = (o: Outcome) => (o.credits + o.shipValue) / GAME_HOURS;

function describe(name: string, o: Outcome): string {
  const gained = o.credits + o.shipValue;
  const budget = LIVE_RATE_PER_SECOND * TIME_SCALE * o.realSeconds;
  const per1000 = gained > 0 ? fixed((o.requests * 1000) / gained, 1) : 'n/a';
  const failed = o.error ? ` [stopped early: ${o.error.slice(0, 120)}]` : '';
  const w = o.waiting;
  const waiting = w?.allowedWhileWaiting
    ? `${fixed((100 * w.sentWhileWaiting) / w.allowedWhileWaiting, 1)} % while requests waited (${fixed(w.waitingMs / 1000, 1)} s)`
    : 'no request waited';
  return `${name} ${Math.round(perHour(o)).toLocaleString('en-US')}/h (${o.ships} ships, ${o.shipsBought} bought for ${o.shipValue.toLocaleString('en-US')}), requests ${o.requests} = ${fixed((100 * o.requests) / budget, 1)} % of budget, ${waiting}, ${o.rateLimited} × 429, ${per1000} per 1,000 credits${failed}`;
}

export async function run(): Promise<string[]> {
  const lines = [
    `  fresh agent, ${GAME_HOURS} game hours per run at ${TIME_SCALE}x (rate limit scaled: ${LIVE_RATE_PER_SECOND * TIME_SCALE}/s); net worth gained per game hour = (credits + ships bought at price) / hours`,
  ];
  const wanted = process.env.ECONOMY_SEEDS?.split(',').map(Number) ?? SEEDS;
  for (const seed of wanted) {
    // ECONOMY_ONLY=fleet (or contracts, mining) while tuning: the others are not run.
    const only = process.env.ECONOMY_ONLY;
    const skip = async (): Promise<Outcome> => ({
      credits: 0,
      shipsBought: 0,
      shipValue: 0,
      ships: 0,
      requests: 0,
      rateLimited: 0,
      realSeconds: 1,
    });
    const fleetRun = !only || only === 'fleet' ? await measure(seed, fleet) : await skip();
    const contracts = !only || only === 'contracts' ? await measure(seed, contractsOnly) : await skip();
    const mining = !only || only === 'mining' ? await measure(seed, mineAndSell) : await skip();
    const better = Math.max(perHour(contracts), perHour(mining));
    const ratio = better > 0 ? fixed(perHour(fleetRun) / better, 2) : 'n/a';
    lines.push(`  seed ${seed}: fleet ÷ better baseline ${ratio}`);
    lines.push(`    ${describe('fleet run', fleetRun)}`);
    lines.push(`    ${describe('contracts', contracts)}`);
    lines.push(`    ${describe('mine+sell', mining)}`);
  }
  return lines;
}
