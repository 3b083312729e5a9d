import { rmSync, writeFileSync } from 'node:fs';
import { createPinoLogger } from '../adapters/pino/pino-logger.js';
import { daemonPaths } from '../adapters/unix-socket/daemon-paths.js';
import { daemonSocketServer } from '../adapters/unix-socket/daemon-socket-server.js';
import { ContainerRunner } from '../application/containers/container-runner.js';
import { containerClock, currentContainer } from '../application/containers/container-scope.js';
import { SettleShipPurchases } from '../application/shipyards/settle-ship-purchases.js';
import { createApp } from '../composition-root.js';
import { processSecrets } from '../domain/player/secrets.js';
import { requestLogFields } from '../mediator/context.js';
import type { Config } from '../ports/config.js';
import type { ContainerStore } from '../ports/container-store.js';
import type { DaemonControl } from '../ports/daemon-control.js';
import { DaemonAlreadyRunningError, type DaemonLock } from '../ports/daemon-lock.js';
import { TOKENS } from '../ports/tokens.js';
import { daemonLoggerLevel, daemonLogSink } from './daemon-log.js';

/**
 * How long a stop may take, at most: every job is interrupted at once (its sleeps, retries and
 * requests end), gets JOBS_GRACE_MS to wind down, and the process is gone by SHUTDOWN_BOUND_MS
 * even if something still hangs (a request the server never answers).
 */
export const SHUTDOWN_BOUND_MS = 10_000;
const JOBS_GRACE_MS = 5_000;

/**
 * The daemon, the second entry point beside the CLI (`spacetraders daemon start` runs it): builds
 * the app from the composition root, takes the database's daemon lock (one daemon per database,
 * whatever the race), serves the unix socket, resumes unfinished containers, and on SIGTERM/SIGINT
 * or a `shutdown` request stops gracefully (running containers become INTERRUPTED and resume next time),
 * within SHUTDOWN_BOUND_MS.
 */
export async function runDaemon(config: Config, onReady: (socket: string) => void = () => {}): Promise<void> {
  const paths = daemonPaths(config.dbPath);
  let containers: ContainerStore | undefined;
  const logger = createPinoLogger({
    level: daemonLoggerLevel(config.logLevel),
    destination: daemonLogSink({
      file: paths.log,
      level: config.logLevel,
      container: (...line) => containers?.appendLog(...line),
    }),
    scrub: processSecrets.scrub,
    context: () => {
      const scope = currentContainer();
      return scope ? { ...requestLogFields(), containerId: scope.containerId } : requestLogFields();
    },
  });
  const app = createApp(config, { logger, clock: containerClock });
  const lock = app.container.get<DaemonLock>(TOKENS.DaemonLock);
  const taken = lock.acquire(process.pid);
  if (!taken.acquired) {
    app.close();
    throw new DaemonAlreadyRunningError(taken.owner, config.dbPath);
  }
  containers = app.container.get<ContainerStore>(TOKENS.ContainerStore);
  const runner = app.container.get(ContainerRunner);
  app.events.subscribe('*', (event) => {
    if (currentContainer()) logger.info(event.payload as object, event.type);
  });

  let stopping: Promise<void> | undefined;
  const control: DaemonControl = {
    status: async () => ({ pid: process.pid, running: runner.runningCount }),
    submit: async (command) => runner.submit(command),
    stop: async (id) => runner.stop(id),
    shutdown: async () => {
      setImmediate(() => void stop());
      return { stopping: true };
    },
  };
  const server = daemonSocketServer(paths.socket, control);
  // The pid file goes last: once it is gone, the daemon has let go of the socket, the lock and the database.
  const stop = () =>
    (stopping ??= (async () => {
      logger.info({}, 'daemon stopping');
      exitAfter(SHUTDOWN_BOUND_MS, () => {
        logger.warn({ boundMs: SHUTDOWN_BOUND_MS }, 'daemon still busy at the end of its stop: exiting');
        lock.release(process.pid);
        rmSync(paths.pid, { force: true });
      });
      if (!(await runner.shutdown(JOBS_GRACE_MS)))
        logger.warn({ graceMs: JOBS_GRACE_MS }, 'a job did not end within its grace: stopping without it');
      await server.close();
      lock.release(process.pid);
      app.close();
      rmSync(paths.pid, { force: true });
    })());

  try {
    await server.listen();
  } catch (error) {
    lock.release(process.pid);
    app.close();
    throw error;
  }
  writeFileSync(paths.pid, String(process.pid), { mode: 0o600 });
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.redeliverPendingEvents();
  // A ship purchase a crash left unrecorded is booked before any job resumes (and could buy again);
  // a warning, as it recovers from a crash.
  const settlement = await app.mediator
    .send(new SettleShipPurchases())
    .catch((error: unknown) => ({ booked: [], failed: [String(error)] }));
  if (settlement.booked.length > 0) logger.warn({ booked: settlement.booked }, 'ship purchases settled');
  if (settlement.failed.length > 0) logger.warn({ failed: settlement.failed }, 'ship purchases left unsettled');
  // Stopped meanwhile (the settlement waited out an outage): nothing is resumed, the jobs stay as they were.
  if (!stopping) {
    const resumed = await runner.recover();
    logger.info({ resumed, socket: paths.socket }, 'daemon started');
    onReady(paths.socket);
  }
  await new Promise<void>((resolve) => {
    const wait = setInterval(() => {
      if (stopping) {
        clearInterval(wait);
        void stopping.then(resolve);
      }
    }, 200);
  });
}

/**
 * The process ends after `ms` whatever still holds it (a hung request, a job that ignored its stop
 * signal); `last` runs first. The timer holds nothing itself: a clean stop exits before it fires.
 */
function exitAfter(ms: number, last: () => void): void {
  setTimeout(() => {
    try {
      last();
    } finally {
      process.exit(0);
    }
  }, ms).unref();
}
