import { appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createPinoLogger } from '../pino/pino-logger.js';
import { openDatabase } from '../sqlite/connection.js';
import { SqliteContainerStore } from '../sqlite/sqlite-container-store.js';
import type { Config } from '../../ports/config.js';
import { createApp } from '../../composition-root.js';
import { requestLogFields } from '../../mediator/context.js';
import { ValidationError } from '../../domain/errors.js';
import { containerClock, currentContainer } from './container-context.js';
import { ContainerManager } from './container-manager.js';
import { daemonPaths } from './daemon-paths.js';
import { SocketDaemonServer } from './socket-daemon-server.js';

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const QUIET_FIELDS = new Set(['level', 'time', 'msg', 'containerId', 'requestName', 'requestId', 'correlationId']);

/**
 * The daemon in the foreground: serves the socket, runs containers, and on SIGTERM/SIGINT or a
 * `shutdown` request stops gracefully (running containers become INTERRUPTED and resume next time).
 */
export async function runDaemon(config: Config): Promise<void> {
  const paths = daemonPaths(config.dbPath);
  const db = openDatabase(config.dbPath);
  const store = new SqliteContainerStore(db);
  // Log lines written inside a container (by the async context) go to that container's log too.
  const sink = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      appendFileSync(paths.log, text);
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        if (typeof line.containerId === 'string') {
          const extra = Object.entries(line).filter(([key]) => !QUIET_FIELDS.has(key));
          const detail = extra.length ? ` ${JSON.stringify(Object.fromEntries(extra))}` : '';
          store.appendLog(
            line.containerId,
            LEVELS[Number(line.level)] ?? 'info',
            `${line.msg ?? ''}${detail}`,
            Number(line.time ?? Date.now()),
          );
        }
      } catch {
        // not a JSON line: it is in the daemon log already
      }
      done();
    },
  });
  const logger = createPinoLogger({
    level: 'info',
    destination: sink,
    context: () => {
      const scope = currentContainer();
      return scope ? { ...requestLogFields(), containerId: scope.containerId } : requestLogFields();
    },
  });
  const app = createApp(config, { database: db, logger, clock: containerClock });
  app.events.subscribe('*', (event) => {
    if (currentContainer()) logger.info(event.payload as object, event.type);
  });
  const manager = new ContainerManager(app, store);
  let stopping: Promise<void> | undefined;
  const server = new SocketDaemonServer(paths.socket, {
    ping: () => ({ pid: process.pid, running: manager.runningCount }),
    submit: (params) => {
      if (typeof params.type !== 'string') throw new ValidationError('submit needs a command "type"');
      return manager.submit(
        params.type,
        params.payload ?? {},
        typeof params.player === 'string' ? params.player : null,
      );
    },
    stop: (params) => manager.stop(String(params.id)),
    shutdown: () => {
      setImmediate(() => void stop());
      return { stopping: true };
    },
  });
  const stop = () =>
    (stopping ??= (async () => {
      logger.info({}, 'daemon stopping');
      await manager.shutdown();
      await server.close();
      rmSync(paths.pid, { force: true });
      app.close();
      db.close();
    })());

  await server.listen();
  writeFileSync(paths.pid, String(process.pid), { mode: 0o600 });
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.redeliverPendingEvents();
  const resumed = await manager.recover();
  logger.info({ resumed, socket: paths.socket }, 'daemon started');
  await new Promise<void>((resolve) => {
    const wait = setInterval(() => {
      if (stopping)
        void stopping.then(() => {
          clearInterval(wait);
          resolve();
        });
    }, 200);
  });
}
