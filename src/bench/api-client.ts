/**
 * API client under the real rate limit: 20 simulated ships send requests through one client for
 * T seconds against the sandbox (2/s + 30 burst per 60 s). Reports requests completed divided by
 * the most the server allows in T (2/s x T + 30 per started 60 s window), the 429s the server had
 * to send, and how long requests waited in the client, per priority class. Then revenue against
 * scouting: 10 "trader" and 10 "probe" ships with the same urgencies, once with the client blind to
 * the work class (as before work classes) and once reading it from the mediator context.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxiosSpaceTradersClient } from '../adapters/spacetraders-api/axios-spacetraders-client.js';
import { RateLimiter, type Priority } from '../adapters/spacetraders-api/rate-limiter.js';
import { openDatabase } from '../adapters/sqlite/connection.js';
import { SqliteBudgetStore } from '../adapters/sqlite/sqlite-budget-store.js';
import { currentWorkClass } from '../mediator/context.js';
import { Mediator } from '../mediator/mediator.js';
import { Command } from '../mediator/request.js';
import type { BudgetUse } from '../ports/budget-store.js';
import type { WorkClass } from '../ports/work-class.js';
import { startSandbox } from '../sandbox/index.js';
import { fixed, percentile } from './stats.js';

export async function run(): Promise<string[]> {
  const seconds = Number(process.env.BENCH_API_SECONDS ?? 30);
  const sandbox = await startSandbox({ port: 0, rateLimit: true });
  try {
    const limiter = new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000 });
    const api = new AxiosSpaceTradersClient({ baseUrl: sandbox.baseUrl, timeoutMs: 10_000, limiter });
    // Registering goes through the client too: the server counts it against the same budget.
    const data = await api.register('bench-account', 'RATE-1', 'COSMIC');
    limiter.waits.interactive.length = 0;
    const classes: Priority[] = ['interactive', 'navigation', 'background'];
    const deadline = Date.now() + seconds * 1000;
    let completed = 1; // the registration
    const ships = Array.from({ length: 20 }, (_, i) => async () => {
      const priority = classes[i % 3]!;
      while (Date.now() < deadline) {
        await api.getShip(data.token, data.ships[i % data.ships.length]!.symbol, priority);
        if (Date.now() <= deadline + 250) completed += 1;
      }
    });
    const started = Date.now();
    await Promise.all(ships.map((ship) => ship()));
    const elapsed = (Date.now() - started) / 1000;
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number };
    const maximum = 2 * seconds + 30 * Math.ceil(seconds / 60);
    const twoProcesses = await twoProcessRun(seconds);
    const blind = await revenueAgainstScouting(seconds, false);
    const classed = await revenueAgainstScouting(seconds, true);
    return [
      `API client under the real rate limit (20 ships, one client, ${seconds} s; BENCH_API_SECONDS to change)`,
      `  completed ${completed} requests in ${fixed(elapsed, 1)} s; server maximum ${maximum}: ${fixed((100 * completed) / maximum, 1)} % (target >= 97 %)`,
      `  429 answers from the server: ${stats.rateLimited} (target 0)`,
      `  budget used while requests waited in the client: ${waitingLine(limiter.budgetUse())}`,
      ...classes.map(
        (c) =>
          `  wait ${c.padEnd(11)} p50 ${fixed(percentile(limiter.waits[c], 50) / 1000, 2)} s, p95 ${fixed(percentile(limiter.waits[c], 95) / 1000, 2)} s`,
      ),
      `  two processes (10 ships each) sharing the SQLite budget: completed ${twoProcesses.completed} of ${maximum}: ${fixed((100 * twoProcesses.completed) / maximum, 1)} %, 429s: ${twoProcesses.rateLimited}`,
      `  revenue vs scouting at the steady 2/s (burst spent), 10 ships each, same urgencies, ${seconds} s each run:`,
      `    client blind to the work class: ${contentionLine(blind)}`,
      `    revenue before scouting:        ${contentionLine(classed)}`,
    ];
  } finally {
    await sandbox.close();
  }
}

function waitingLine(use: BudgetUse): string {
  if (use.allowedWhileWaiting === 0) return 'no request waited';
  const share = (100 * use.sentWhileWaiting) / use.allowedWhileWaiting;
  return `${use.sentWhileWaiting} sent of ${use.allowedWhileWaiting} allowed in ${fixed(use.waitingMs / 1000, 1)} s: ${fixed(share, 1)} % (target >= 90 %)`;
}

interface Contention {
  waits: Record<WorkClass, number[]>;
  completed: Record<WorkClass, number>;
  rateLimited: number;
}

function contentionLine(run: Contention): string {
  const side = (work: WorkClass) => {
    const waits = run.waits[work];
    const seconds = (p: number) => fixed(percentile(waits, p) / 1000, 1);
    return `${work} ${run.completed[work]} requests, wait p50 ${seconds(50)} s, p95 ${seconds(95)} s, max ${seconds(100)} s`;
  };
  const share = (100 * run.completed.revenue) / (run.completed.revenue + run.completed.scouting);
  return `${side('revenue')}; ${side('scouting')}; revenue's share ${fixed(share, 0)} %, 429s: ${run.rateLimited}`;
}

/** A trader's or a probe's requests: the same calls, only the command's declared work class differs. */
class TraderLoop extends Command<void> {
  static override readonly workClass = 'revenue' as const;
  constructor(readonly props: { ship: string }) {
    super();
  }
}

class ProbeLoop extends Command<void> {
  static override readonly workClass = 'scouting' as const;
  constructor(readonly props: { ship: string }) {
    super();
  }
}

/**
 * 10 traders and 10 probes, each asking again the moment it is answered, through one client under
 * the real limit once the burst pool is spent. `classes` false: the client ignores the work class
 * (every request ranks by its urgency alone, as before). The wait is each request's time in the
 * client (the sandbox answers in ~1 ms), for every request asked in the window.
 */
async function revenueAgainstScouting(seconds: number, classes: boolean): Promise<Contention> {
  const sandbox = await startSandbox({ port: 0, rateLimit: true });
  try {
    const limiter = new RateLimiter({ perSecond: 2, burst: 30, burstWindowMs: 60_000 });
    const api = new AxiosSpaceTradersClient({
      baseUrl: sandbox.baseUrl,
      timeoutMs: 10_000,
      limiter,
      workClass: classes ? currentWorkClass : undefined,
    });
    const { token, ships } = await api.register('bench-account', classes ? 'RATE-4' : 'RATE-3', 'COSMIC');
    const run: Contention = {
      waits: { revenue: [], scouting: [] },
      completed: { revenue: 0, scouting: 0 },
      rateLimited: 0,
    };
    // Spend the burst pool first: what is measured is the steady 2/s, where the classes compete.
    await Promise.all(Array.from({ length: 32 }, () => api.getMyAgent(token)));
    const deadline = Date.now() + seconds * 1000;
    const loop = (work: WorkClass) => async (request: TraderLoop | ProbeLoop) => {
      for (let call = 0; Date.now() < deadline; call++) {
        const asked = Date.now();
        await api.getShip(token, request.props.ship, call % 2 === 0 ? 'navigation' : 'background');
        // Every request asked in the window counts for the waits, even one answered after it.
        run.waits[work].push(Date.now() - asked);
        if (Date.now() <= deadline) run.completed[work] += 1;
      }
    };
    const mediator = new Mediator().register(TraderLoop, { handle: loop('revenue') }).register(ProbeLoop, {
      handle: loop('scouting'),
    });
    const ship = (i: number) => ships[i % ships.length]!.symbol;
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => mediator.send(new TraderLoop({ ship: ship(i) }))),
      ...Array.from({ length: 10 }, (_, i) => mediator.send(new ProbeLoop({ ship: ship(i) }))),
    ]);
    run.rateLimited = (
      (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number }
    ).rateLimited;
    return run;
  } finally {
    await sandbox.close();
  }
}

const SELF = fileURLToPath(import.meta.url);

/** Two processes, each a client of its own with 10 ships, drawing on one budget kept in SQLite. */
async function twoProcessRun(seconds: number): Promise<{ completed: number; rateLimited: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-bench-'));
  const sandbox = await startSandbox({ port: 0, rateLimit: true });
  try {
    const db = join(dir, 'budget.db');
    const limiter = new RateLimiter(
      { perSecond: 2, burst: 30, burstWindowMs: 60_000 },
      new SqliteBudgetStore(openDatabase(db), new URL(sandbox.baseUrl).host),
    );
    const { token, ships } = await new AxiosSpaceTradersClient({
      baseUrl: sandbox.baseUrl,
      timeoutMs: 10_000,
      limiter,
    }).register('bench-account', 'RATE-2', 'COSMIC');
    const env = {
      ...process.env,
      BENCH_WORKER: '1',
      BENCH_DB: db,
      BENCH_URL: sandbox.baseUrl,
      BENCH_TOKEN: token,
      BENCH_SHIP: ships[0]!.symbol,
      BENCH_SECONDS: String(seconds),
    };
    const counts = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<number>((resolve, reject) => {
            // The same loader flags as this process (tsx: the benches run from source).
            const child = spawn(process.execPath, [...process.execArgv, SELF], {
              env,
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (chunk) => (out += String(chunk)));
            child.on('exit', (code) =>
              code === 0 ? resolve(Number(out.trim())) : reject(new Error(`bench worker exited with ${code}`)),
            );
          }),
      ),
    );
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as { rateLimited: number };
    return { completed: 1 + counts[0]! + counts[1]!, rateLimited: stats.rateLimited };
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Worker side of the two-process run: prints how many requests it completed before the deadline. */
async function worker(): Promise<void> {
  const env = process.env;
  const limiter = new RateLimiter(
    { perSecond: 2, burst: 30, burstWindowMs: 60_000 },
    new SqliteBudgetStore(openDatabase(env.BENCH_DB!), new URL(env.BENCH_URL!).host),
  );
  const api = new AxiosSpaceTradersClient({ baseUrl: env.BENCH_URL!, timeoutMs: 10_000, limiter });
  const deadline = Date.now() + Number(env.BENCH_SECONDS) * 1000;
  let completed = 0;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (Date.now() < deadline) {
        await api.getShip(env.BENCH_TOKEN!, env.BENCH_SHIP!, 'background');
        if (Date.now() <= deadline + 250) completed += 1;
      }
    }),
  );
  process.stdout.write(`${completed}\n`);
  process.exit(0);
}

if (process.env.BENCH_WORKER === '1') await worker();
