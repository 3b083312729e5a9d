/**
 * `npm run soak -- economy`: the economy's reliability run. A fresh agent on a seeded sandbox world
 * (time scale 200×, rate limit on and scaled) runs `fleet run --background` in a daemon started from
 * the built CLI, while 10 % of answers are 5xx and 5 % of connections drop (half before, half after
 * the server applied the request), and the daemon is killed with SIGKILL three times at random moments
 * and started again. After a fixed number of game hours the faults stop, the fleet settles, and three
 * things are checked against the server's own counters (`/_sandbox/stats`):
 *   1. the ledger reconciles with the agent's credits to the credit (`ledger --json` unexplained = 0,
 *      and its credits are the server's);
 *   2. nothing the server applied is booked twice or missing: per kind (PURCHASE, SALE, FUEL,
 *      ANTIMATTER, SHIP, CONTRACT) the server's count of applied transactions and their credits equal
 *      the ledger's rows and credits; no contract delivery was refused for exceeding what was required
 *      (a delivery sent again after it was applied); every ship the server sold has one SHIP row;
 *   3. every ship ends assigned: `fleet status --json` lists every ship with a role and, with the
 *      coordinator still running, a job.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemonPaths } from '../adapters/unix-socket/daemon-paths.js';
import { DaemonSocketClient } from '../adapters/unix-socket/daemon-socket-client.js';
import { startSandbox } from '../sandbox/index.js';

const SEED = Number(process.env.SOAK_SEED ?? 7);
const TIME_SCALE = 200;
/** Game hours the coordinator runs under faults. */
const GAME_HOURS = Number(process.env.SOAK_GAME_HOURS ?? 12);
const KILLS = 3;
/** Real seconds the fleet gets to settle once the faults stop, before the checks. */
const SETTLE_SECONDS = 30;
const AGENT = 'SOAK-ECON';
/** The coordinator's cycle: a ship whose job ended gets the next one within this. */
const CYCLE_SECONDS = 5;
const KINDS = ['PURCHASE', 'SALE', 'FUEL', 'ANTIMATTER', 'SHIP', 'CONTRACT'] as const;

interface LedgerJson {
  entries: Array<{ ship: string; kind: string; good: string; units: number; credits: number }>;
  unexplained: number;
  credits: number;
}
interface FleetJson {
  ships: Array<{ symbol: string; role: string; location: string; job: { container: string; command: string } | null }>;
}
interface Stats {
  requests: number;
  rateLimited: number;
  actions: Record<string, Record<string, number> | undefined>;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-soak-economy-'));
  const db = join(dir, 'soak.db');
  const sandbox = await startSandbox({ port: 0, seed: SEED, timeScale: TIME_SCALE, accountToken: 'soak-account' });
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    SPACETRADERS_DB: db,
    SPACETRADERS_API_URL: sandbox.baseUrl,
    SPACETRADERS_ACCOUNT_TOKEN: 'soak-account',
    LOG_LEVEL: 'warn',
  };
  const cli = join(process.cwd(), 'bin', 'spacetraders.js');
  // Asynchronous: the sandbox answers from this process.
  const spacetraders = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  const mustRun = async (...args: string[]) => {
    const result = await spacetraders(...args);
    if (result.code !== 0) throw new Error(`spacetraders ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
    return result.stdout;
  };
  const adminUrl = sandbox.adminUrl;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${adminUrl}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  let daemon: ChildProcess | undefined;
  const client = new DaemonSocketClient(daemonPaths(db).socket);
  const up = () =>
    client
      .withTimeout(500)
      .status()
      .then(
        () => true,
        () => false,
      );
  const startDaemon = async () => {
    daemon = spawn(process.execPath, [cli, 'daemon', 'start', '--foreground'], { env, stdio: 'ignore' });
    for (let i = 0; i < 100 && !(await up()); i++) await sleep(100);
  };
  const killDaemon = async () => {
    const exited = new Promise((resolve) => daemon?.once('exit', resolve));
    daemon?.kill('SIGKILL');
    await exited;
  };

  const started = Date.now();
  const runMs = (GAME_HOURS * 3_600_000) / TIME_SCALE;
  try {
    await mustRun('player', 'register', '--agent', AGENT, '--faction', 'COSMIC');
    await startDaemon();
    await mustRun('fleet', 'run', '--background', '--every', `${CYCLE_SECONDS}s`);
    await admin('POST', 'faults', { path: '.*', count: 1_000_000, status: 503, rate: 0.05 });
    await admin('POST', 'faults', { path: '.*', count: 1_000_000, status: 500, rate: 0.05 });
    await admin('POST', 'faults', { path: '.*', count: 1_000_000, drop: 'after', rate: 0.025 });
    await admin('POST', 'faults', { path: '.*', count: 1_000_000, drop: 'before', rate: 0.025 });
    const kills = Array.from({ length: KILLS }, () => runMs * (0.1 + 0.75 * Math.random())).sort((a, b) => a - b);
    const faultsFrom = Date.now();
    for (const at of kills) {
      await sleep(Math.max(0, faultsFrom + at - Date.now()));
      await killDaemon();
      await startDaemon();
    }
    await sleep(Math.max(0, faultsFrom + runMs - Date.now()));
    await admin('DELETE', 'faults');
    await sleep(SETTLE_SECONDS * 1000);

    // 3: every ship assigned while the coordinator runs: a role, and a job — or, for a ship whose
    // last job completed less than a cycle ago (the command ship takes one contract per job), the
    // next one at the coordinator's next cycle.
    const readAt = Date.now();
    const fleet = JSON.parse(await mustRun('fleet', 'status', '--json')) as FleetJson;
    const containers = JSON.parse(await mustRun('container', 'list', '--json')) as Array<{
      id: string;
      commandType: string;
      status: string;
      claims: string[];
      finishedAt: number | null;
      exitReason?: string | null;
    }>;
    await mustRun('daemon', 'stop').catch(() => killDaemon());
    const lastJob = (ship: string) =>
      containers
        .filter((c) => c.claims.includes(`ship:${ship}`) && c.finishedAt !== null)
        .sort((a, b) => b.finishedAt! - a.finishedAt!)[0];
    const betweenJobs = (ship: string) => {
      const last = lastJob(ship);
      return last?.status === 'COMPLETED' && readAt - last.finishedAt! <= (CYCLE_SECONDS + 2) * 1000;
    };
    const roled = fleet.ships.filter((s) => /^(scout|contracts|mining|trading)$/.test(s.role));
    const between = roled.filter((s) => s.job === null && betweenJobs(s.symbol));
    // The negotiator (a probe of the contracts role) waits at headquarters without a job, by design.
    const { headquarters } = JSON.parse(await mustRun('player', 'info', '--json')) as { headquarters: string };
    const stationed = roled.filter(
      (s) => s.job === null && s.role === 'contracts' && s.symbol !== `${AGENT}-1` && s.location === headquarters,
    );
    const unassigned = fleet.ships.filter(
      (s) => !roled.includes(s) || (s.job === null && !between.includes(s) && !stationed.includes(s)),
    );

    // 1 and 2: the books against the server.
    const ledger = JSON.parse(await mustRun('ledger', '--json')) as LedgerJson;
    const stats = (await (await admin('GET', 'stats')).json()) as Stats;
    const world = (await (await admin('GET', 'state')).json()) as { agents: Record<string, { credits: number }> };
    const serverCredits = world.agents[AGENT]!.credits;
    const counted = (action: string, key: string) => stats.actions[action]?.[key] ?? 0;
    const perKind = KINDS.map((kind) => {
      const rows = ledger.entries.filter((e) => e.kind === kind);
      return {
        kind,
        server: counted('transactions', `${AGENT}:${kind}`),
        rows: rows.length,
        serverCredits: counted('credits', `${AGENT}:${kind}`),
        ledgerCredits: rows.reduce((sum, e) => sum + e.credits, 0),
      };
    });
    const otherKinds = Object.keys(stats.actions.transactions ?? {}).filter(
      (key) => key.startsWith(`${AGENT}:`) && !(KINDS as readonly string[]).includes(key.slice(AGENT.length + 1)),
    );
    const mismatched = perKind.filter((k) => k.server !== k.rows || k.serverCredits !== k.ledgerCredits);
    const sum = (action: string) => Object.values(stats.actions[action] ?? {}).reduce((a, b) => a + b, 0);
    const failed = containers.filter((c) => c.status === 'FAILED');
    const describeKinds = perKind
      .filter((k) => k.server + k.rows > 0)
      .map((k) => `${k.kind} ${k.server}/${k.rows} (${fmt(k.serverCredits)}/${fmt(k.ledgerCredits)})`)
      .join(', ');
    return [
      `economy reliability run (seed ${SEED}, ${TIME_SCALE}x, rate limit scaled; fleet run for ${GAME_HOURS} game hours under 10 % 5xx and 5 % dropped connections, ${KILLS} SIGKILLs of the daemon; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      `  ledger vs credits:   unexplained ${fmt(ledger.unexplained)}; ledger says ${fmt(ledger.credits)}, server has ${fmt(serverCredits)}  (target 0, equal)`,
      `  booked once:         ${mismatched.length} kind(s) where server ≠ ledger  (target 0; server/ledger rows (credits): ${describeKinds || 'none'}${otherKinds.length > 0 ? `; not booked at all: ${otherKinds.join(', ')}` : ''})`,
      `  deliveries:          ${sum('deliver')} applied (${sum('deliveredUnits')} units), ${sum('deliveryRefused')} refused as exceeding the contract  (target 0 refused); ${sum('fulfill')} contract(s) fulfilled`,
      `  ships assigned:      ${fleet.ships.length - unassigned.length} / ${fleet.ships.length}  (target all; ${between.length} between two jobs, the last ended < one ${CYCLE_SECONDS} s cycle ago; ${stationed.length} negotiator(s) stationed at headquarters; ${
        unassigned
          .map(
            (s) => `${s.symbol} ${s.role} ${s.job?.command ?? `no job, last: ${lastJob(s.symbol)?.status ?? 'none'}`}`,
          )
          .join('; ') || 'none unassigned'
      })`,
      `  server:              ${stats.requests} requests, ${stats.rateLimited} × 429; ${sum('buyShip')} ship(s) bought`,
      `  containers FAILED:   ${failed.length} of ${containers.length}${describeFailures(failed)}`,
    ];
  } finally {
    daemon?.kill('SIGKILL');
    await sandbox.close();
    // SOAK_KEEP=1 keeps the database for a look at the containers' logs (SPACETRADERS_DB=… spacetraders container logs ID).
    if (process.env.SOAK_KEEP) console.log(`kept ${db}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Failed containers counted by command and reason, with symbols and figures left out. */
function describeFailures(failed: Array<{ commandType: string; exitReason?: string | null }>): string {
  const counts = new Map<string, number>();
  for (const c of failed) {
    const reason = (c.exitReason ?? '')
      .replace(/`[^`]*`/g, '…')
      .replace(/\b[A-Z0-9]+(-[A-Z0-9]+)+\b/g, 'S')
      .replace(/\d+/g, 'N');
    const key = `${c.commandType}: ${reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `; ${n} × ${key}`).join('');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
