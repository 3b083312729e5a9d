import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../domain/errors.js';
import { daemonPaths } from '../adapters/daemon/daemon-paths.js';
import { DaemonNotRunningError } from '../adapters/daemon/socket-daemon-client.js';
import { daemonClient } from './daemon-client.js';
import { configFor, withoutApp } from './session.js';

export function registerDaemonCommands(program: Command): void {
  const daemon = program
    .command('daemon')
    .description('the background process that runs long operations as containers');

  daemon
    .command('start')
    .description('start the daemon in the background (or --foreground)')
    .option('--foreground', 'run in this terminal until Ctrl-C')
    .action(async (options: { foreground?: boolean }, command: Command) => {
      await withoutApp(command, async (out) => {
        const config = configFor(command);
        const client = daemonClient(config.dbPath);
        const running = await client.call<{ pid: number }>('ping').catch(() => undefined);
        if (running) {
          out.result({ pid: running.pid, alreadyRunning: true }, (r) => `the daemon is already running (pid ${r.pid})`);
          return;
        }
        if (options.foreground) {
          const { runDaemon } = await import('../adapters/daemon/daemon-process.js');
          out.line(`daemon running in the foreground for ${config.dbPath} (Ctrl-C stops it)`);
          await runDaemon(config);
          return;
        }
        const paths = daemonPaths(config.dbPath);
        mkdirSync(dirname(paths.log), { recursive: true });
        const log = openSync(paths.log, 'a', 0o600);
        const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'spacetraders.js');
        const child = spawn(
          process.execPath,
          [cli, 'daemon', 'start', '--foreground', '--db', config.dbPath, '--api-url', config.apiUrl],
          {
            detached: true,
            stdio: ['ignore', log, log],
            env: process.env,
          },
        );
        child.unref();
        closeSync(log);
        for (let tries = 0; tries < 100; tries++) {
          const pong = await client.call<{ pid: number }>('ping', {}, 1_000).catch(() => undefined);
          if (pong) {
            out.result(
              { pid: pong.pid, socket: paths.socket, log: paths.log },
              (r) => `daemon started (pid ${r.pid}); log: ${r.log}`,
            );
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new AppError(`the daemon did not come up within 10 s; see ${paths.log}`);
      });
    });

  daemon
    .command('status')
    .description('is the daemon running, and how many containers does it run')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const pong = await daemonClient(configFor(command).dbPath).call<{ pid: number; running: number }>('ping');
        out.result(pong, (p) => `daemon running (pid ${p.pid}), ${p.running} container(s) running`);
      });
    });

  daemon
    .command('stop')
    .description('stop the daemon gracefully: running containers are INTERRUPTED and resume on the next start')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const client = daemonClient(configFor(command).dbPath);
        await client.call('shutdown');
        for (let tries = 0; tries < 150; tries++) {
          const alive = await client.call('ping', {}, 500).then(
            () => true,
            (error: unknown) => !(error instanceof DaemonNotRunningError),
          );
          if (!alive) {
            out.result({ stopped: true }, () => 'daemon stopped');
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        throw new AppError('the daemon is still running after 15 s');
      });
    });
}
