import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daemonPaths } from '../adapters/unix-socket/daemon-paths.js';
import { AppError } from '../domain/errors.js';
import { DaemonAlreadyRunningError } from '../ports/daemon-lock.js';
import { daemonClient } from './daemon-client.js';
import { configFor, withoutApp } from './session.js';

export function registerDaemonCommands(program: Command): void {
  const daemon = program
    .command('daemon')
    .description('the background process that runs long operations as containers (one per database)');

  daemon
    .command('start')
    .description('start the daemon in the background (or --foreground)')
    .option('--foreground', 'run in this terminal until Ctrl-C')
    .action(async (options: { foreground?: boolean }, command: Command) => {
      await withoutApp(command, async (out) => {
        const config = configFor(command);
        const client = daemonClient(config.dbPath);
        const running = await client
          .withTimeout(2_000)
          .status()
          .catch(() => undefined);
        if (running) throw new DaemonAlreadyRunningError(running.pid, config.dbPath);
        if (options.foreground) {
          // The daemon is the second entry point; the database's lock decides, whatever the race.
          const { runDaemon } = await import('../daemon/main.js');
          await runDaemon(config, () =>
            out.line(`daemon running in the foreground for ${config.dbPath} (Ctrl-C stops it)`),
          );
          return;
        }
        const paths = daemonPaths(config.dbPath);
        mkdirSync(dirname(paths.log), { recursive: true });
        const log = openSync(paths.log, 'a', 0o600);
        const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'spacetraders.js');
        const child = spawn(
          process.execPath,
          [cli, 'daemon', 'start', '--foreground', '--db', config.dbPath, '--api-url', config.apiUrl],
          { detached: true, stdio: ['ignore', log, log], env: process.env },
        );
        let exitCode: number | null | undefined;
        child.once('exit', (code) => (exitCode = code));
        child.unref();
        closeSync(log);
        for (let tries = 0; tries < 100; tries++) {
          const pong = await client
            .withTimeout(1_000)
            .status()
            .catch(() => undefined);
          if (pong && pong.pid === child.pid) {
            out.result(
              { pid: pong.pid, socket: paths.socket, log: paths.log },
              (r) => `daemon started (pid ${r.pid}); log: ${r.log}`,
            );
            return;
          }
          // Another start won the race for this database: ours gives up (or has) on its lock.
          if (pong) throw new DaemonAlreadyRunningError(pong.pid, config.dbPath);
          if (exitCode !== undefined && tries >= 20)
            throw new AppError(`the daemon exited at start (code ${exitCode}); see ${paths.log}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new AppError(`the daemon did not come up within 10 s; see ${paths.log}`);
      });
    });

  daemon
    .command('status')
    .description('is the daemon of this database running, and how many containers does it run')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const pong = await daemonClient(configFor(command).dbPath).status();
        out.result(pong, (p) => `daemon running (pid ${p.pid}), ${p.running} container(s) running`);
      });
    });

  daemon
    .command('stop')
    .description('stop the daemon gracefully: running containers are INTERRUPTED and resume on the next start')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const config = configFor(command);
        const client = daemonClient(config.dbPath);
        const { pid } = await client.status();
        await client.shutdown();
        // Gone means its pid file is removed (it has let go of the socket, the lock and the
        // database), or the process has died.
        const pidFile = daemonPaths(config.dbPath).pid;
        for (let tries = 0; tries < 150; tries++) {
          if (!existsSync(pidFile) || !alive(pid)) {
            out.result({ stopped: true, pid }, () => 'daemon stopped');
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new AppError(`the daemon (pid ${pid}) is still running after 15 s`);
      });
    });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
