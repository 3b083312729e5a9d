/**
 * Mining: the same `mine run` on the same seeded sandbox worlds (the features' "mining" layout, seeds 1–3)
 * for the same game time, with surveys and without, side by side: units extracted and credits earned
 * (the agent's credits after − before, fuel included) per game hour, and sandbox requests per 1,000 credits.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MineRun } from '../application/mining/mine-run.js';
import { RegisterPlayer } from '../application/player/register-player.js';
import { createApp } from '../composition-root.js';
import { loadDefaults, resolveConfig } from '../config/config.js';
import { startSandbox } from '../sandbox/index.js';
import { deadlineClock, TimeUp } from './deadline-clock.js';
import { fixed } from './stats.js';

const SEEDS = [1, 2, 3];
const TIME_SCALE = 100;
const GAME_HOURS = 0.5;
const AGENT = 'MINER-1';
const SHIP = `${AGENT}-1`;

interface Outcome {
  units: number;
  credits: number;
  requests: number;
}

/** One run: a fresh sandbox world and database, the loop until the game time is spent. */
async function mine(seed: number, surveys: boolean): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-bench-mining-'));
  const sandbox = await startSandbox({ port: 0, rateLimit: true, timeScale: TIME_SCALE, seed });
  // biome-ignore lint/suspicious/noExplicitAny: the admin API answers JSON of several shapes
  const admin = async (method: string, path: string, body?: unknown): Promise<any> =>
    (
      await fetch(`${sandbox.adminUrl}/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json();
  const layout = readFileSync(join(process.cwd(), 'features', 'support', 'layouts', 'mining.json'), 'utf8');
  await admin('POST', 'layout', JSON.parse(layout));
  const deadline = { at: Number.POSITIVE_INFINITY };
  // Sleeps past the game time end the run: both variants get exactly the same game time.
  const clock = deadlineClock(deadline);
  const config = resolveConfig(
    loadDefaults(),
    { HOME: dir },
    { apiUrl: sandbox.baseUrl, db: join(dir, 'bench.db'), logLevel: 'silent', accountToken: 'bench-account' },
  );
  const app = createApp(config, { clock });
  try {
    await app.mediator.send(
      new RegisterPlayer({ agentSymbol: AGENT, faction: 'COSMIC', accountToken: 'bench-account' }),
    );
    await admin('POST', `ships/${SHIP}`, { waypoint: 'X1-MN-A', status: 'DOCKED', fuel: 400, fuelCapacity: 400 });
    let units = 0;
    app.events.on('ResourcesExtracted', ({ payload }) => {
      units += payload.units;
    });
    const before = (await admin('GET', 'state')).agents[AGENT].credits as number;
    const requestsBefore = (await admin('GET', 'stats')).requests as number;
    deadline.at = Date.now() + (GAME_HOURS * 3600_000) / TIME_SCALE;
    try {
      await app.mediator.send(new MineRun({ shipSymbol: SHIP, player: AGENT, survey: surveys }));
    } catch (error) {
      if (!(error instanceof TimeUp)) throw error;
    }
    const after = (await admin('GET', 'state')).agents[AGENT].credits as number;
    const requests = ((await admin('GET', 'stats')).requests as number) - requestsBefore;
    return { units, credits: after - before, requests };
  } finally {
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<string[]> {
  const lines = [
    `  ${GAME_HOURS} game hour(s) per run at ${TIME_SCALE}x, command frigate from X1-MN-A, mine run --sell best`,
  ];
  const total = { with: { units: 0, credits: 0, requests: 0 }, without: { units: 0, credits: 0, requests: 0 } };
  for (const seed of SEEDS) {
    const without = await mine(seed, false);
    const withSurveys = await mine(seed, true);
    for (const [key, o] of [
      ['without', without],
      ['with', withSurveys],
    ] as const) {
      total[key].units += o.units;
      total[key].credits += o.credits;
      total[key].requests += o.requests;
    }
    lines.push(`  seed ${seed}: without surveys ${describe(without)} | with surveys ${describe(withSurveys)}`);
  }
  const hours = GAME_HOURS * SEEDS.length;
  lines.push(
    `  mean: units/hour without ${fixed(total.without.units / hours, 0)}, with ${fixed(total.with.units / hours, 0)}; credits/hour without ${fixed(total.without.credits / hours, 0)}, with ${fixed(total.with.credits / hours, 0)} (with ÷ without ${fixed(total.with.credits / Math.max(1, total.without.credits), 2)})`,
  );
  return lines;
}

function describe(o: Outcome): string {
  const perThousand = o.credits > 0 ? fixed((o.requests * 1000) / o.credits, 1) : 'n/a';
  return `${fixed(o.units / GAME_HOURS, 0)} units/h, ${fixed(o.credits / GAME_HOURS, 0)} credits/h, ${perThousand} requests per 1,000 credits`;
}
