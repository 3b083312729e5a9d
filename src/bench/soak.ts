/**
 * `npm run soak`: the daemon's reliability run. 20 ships (one per agent) fly a three-leg route with
 * refuel stops in the sandbox (200x time scale) while 10 % of answers are 503s and 5 % of
 * connections drop (half before, half after the server applied the request); the daemon is killed
 * with SIGKILL at 5 random moments and started again. Reports ships arrived, legs flown twice,
 * stranded ships and containers lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemonPaths } from '../adapters/unix-socket/daemon-paths.js';
import { DaemonSocketClient } from '../adapters/unix-socket/daemon-socket-client.js';
import { NavigateShip } from '../application/navigation/navigate-ship.js';
import { RegisterPlayer } from '../application/player/register-player.js';
import { createApp } from '../composition-root.js';
import { loadDefaults, resolveConfig } from '../config/config.js';
import { startSandbox } from '../sandbox/index.js';

const SHIPS = 20;
const KILLS = 5;
const LEGS = 3;

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'spacetraders-soak-'));
  const sandbox = await startSandbox({ port: 0, rateLimit: false, timeScale: 200 });
  const admin = (path: string, body: unknown) =>
    fetch(`${sandbox.adminUrl}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await admin(
    'layout',
    JSON.parse(readFileSync(join(process.cwd(), 'features', 'support', 'layouts', 'navigation.json'), 'utf8')),
  );
  const config = resolveConfig(
    loadDefaults(),
    { HOME: dir },
    { apiUrl: sandbox.baseUrl, db: join(dir, 'soak.db'), logLevel: 'silent', accountToken: 'soak-account' },
  );
  const app = createApp(config);
  const ships: string[] = [];
  for (let i = 1; i <= SHIPS; i++) {
    const agent = `SOAK-${i}`;
    await app.mediator.send(
      new RegisterPlayer({ agentSymbol: agent, faction: 'COSMIC', accountToken: config.accountToken }),
    );
    ships.push(`${agent}-1`);
    await admin(`ships/${agent}-1`, {
      waypoint: 'X1-T1-A',
      status: 'IN_ORBIT',
      fuel: 50,
      fuelCapacity: 400,
      speed: 36,
    });
  }

  const cli = join(process.cwd(), 'bin', 'spacetraders.js');
  let daemon: ChildProcess | undefined;
  const client = new DaemonSocketClient(daemonPaths(config.dbPath).socket);
  const startDaemon = async () => {
    daemon = spawn(
      process.execPath,
      [cli, 'daemon', 'start', '--foreground', '--db', config.dbPath, '--api-url', config.apiUrl],
      { stdio: 'ignore' },
    );
    for (
      let i = 0;
      i < 100 &&
      !(await client
        .withTimeout(500)
        .status()
        .then(
          () => true,
          () => false,
        ));
      i++
    )
      await sleep(100);
  };
  const containers: string[] = [];
  const started = Date.now();
  try {
    await startDaemon();
    for (const [i, ship] of ships.entries()) {
      const request = new NavigateShip({ shipSymbol: ship, destination: 'X1-T1-D', player: `SOAK-${i + 1}` });
      const { type, payload } = app.messages.serialize(request);
      containers.push((await client.submit({ type, payload, player: `SOAK-${i + 1}` })).id);
    }
    // Faults start once the fleet is under way.
    await admin('faults', { path: '.*', count: 1_000_000, status: 503, rate: 0.1 });
    await admin('faults', { path: '.*', count: 1_000_000, drop: 'after', rate: 0.025 });
    await admin('faults', { path: '.*', count: 1_000_000, drop: 'before', rate: 0.025 });
    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(1_000 + Math.random() * 3_000);
      daemon?.kill('SIGKILL');
      await new Promise((resolve) => daemon?.once('exit', resolve));
      await startDaemon();
    }
    await fetch(`${sandbox.adminUrl}/faults`, { method: 'DELETE' });
    const { ListContainers } = await import('../application/containers/list-containers.js');
    const deadline = Date.now() + 180_000;
    let states = await app.mediator.send(new ListContainers());
    while (Date.now() < deadline && states.some((c) => !['COMPLETED', 'FAILED', 'STOPPED'].includes(c.status))) {
      await sleep(500);
      states = await app.mediator.send(new ListContainers());
    }
    const world = (await (await fetch(`${sandbox.adminUrl}/state`)).json()) as {
      ships: Record<
        string,
        {
          ship: {
            nav: { waypointSymbol: string; status: string; route: { arrival: string } };
            fuel: { current: number };
          };
        }
      >;
    };
    const stats = (await (await fetch(`${sandbox.adminUrl}/stats`)).json()) as {
      actions: { navigate?: Record<string, number> };
    };
    const arrived = ships.filter(
      (s) =>
        world.ships[s]!.ship.nav.waypointSymbol === 'X1-T1-D' &&
        Date.parse(world.ships[s]!.ship.nav.route.arrival) <= Date.now(),
    ).length;
    const twice = ships.reduce((sum, s) => sum + Math.max(0, (stats.actions.navigate?.[s] ?? 0) - LEGS), 0);
    const stranded = ships.filter(
      (s) => world.ships[s]!.ship.fuel.current === 0 && world.ships[s]!.ship.nav.waypointSymbol !== 'X1-T1-D',
    ).length;
    const lost = containers.filter((id) => !states.some((c) => c.id === id && c.status === 'COMPLETED')).length;
    return [
      `daemon reliability run (${SHIPS} ships, ${LEGS}-leg routes with refuel stops, 10 % 503s, 5 % dropped connections, ${KILLS} SIGKILLs; ${((Date.now() - started) / 1000).toFixed(0)} s)`,
      `  ships arrived:      ${arrived} / ${SHIPS}  (target ${SHIPS})`,
      `  legs flown twice:   ${twice}  (target 0)`,
      `  stranded ships:     ${stranded}  (target 0)`,
      `  containers lost:    ${lost}  (target 0; not COMPLETED: ${
        states
          .filter((c) => c.status !== 'COMPLETED')
          .map((c) => `${c.id} ${c.status} ${c.exitReason ?? ''}`)
          .join('; ') || 'none'
      })`,
    ];
  } finally {
    daemon?.kill('SIGKILL');
    app.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
