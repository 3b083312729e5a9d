import type { Command } from 'commander';
import { loadDefaults } from '../config/config.js';
import { withoutApp } from './session.js';
import { positiveNumber, wholeNumber } from './numbers.js';

interface StartOptions {
  port: string;
  host: string;
  seed: string;
  timeScale: string;
  rateLimit: boolean;
  rateLimitScaling: boolean;
  state?: string;
  accountToken?: string;
  systems?: string;
  largeSystem?: string;
}

export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command('sandbox').description('the offline SpaceTraders-compatible server');
  const defaults = loadDefaults().sandbox;
  sandbox
    .command('start')
    .description('serve the game offline until interrupted (Ctrl-C)')
    .option('--port <port>', 'TCP port (0 picks a free one)', String(defaults.port))
    .option('--host <host>', 'address to listen on', defaults.host)
    .option('--seed <n>', 'universe seed', String(defaults.seed))
    .option('--time-scale <n>', 'make travel and cooldowns N times shorter', '1')
    .option('--no-rate-limit', 'turn the 2/s + 30 burst rate limit off')
    .option('--no-rate-limit-scaling', 'keep 2/s + 30 burst at any time scale (default: N × both)')
    .option('--state <file>', 'load the world from a JSON file saved by the admin API')
    .option('--systems <n>', 'number of systems to generate (e.g. 500 for benchmarks)')
    .option('--large-system <n>', 'add N waypoints to the first system (e.g. 1000)')
    .option('--account-token <token>', 'accept only this account token for POST /register')
    .action(async (options: StartOptions, command: Command) => {
      await withoutApp(command, async (out) => {
        const { startSandbox } = await import('../sandbox/index.js');
        const running = await startSandbox({
          port: wholeNumber(options.port, '--port'),
          host: options.host,
          seed: wholeNumber(options.seed, '--seed'),
          timeScale: positiveNumber(options.timeScale, '--time-scale'),
          rateLimit: options.rateLimit,
          scaleRateLimit: options.rateLimitScaling,
          statePath: options.state,
          systems: options.systems === undefined ? undefined : wholeNumber(options.systems, '--systems'),
          extraWaypoints:
            options.largeSystem === undefined ? undefined : wholeNumber(options.largeSystem, '--large-system'),
          accountToken: options.accountToken,
        });
        out.result({ baseUrl: running.baseUrl, adminUrl: running.adminUrl, port: running.port }, (r) =>
          [
            `sandbox listening at ${r.baseUrl}`,
            `admin API at ${r.adminUrl}`,
            `use it with: export SPACETRADERS_API_URL=${r.baseUrl}${options.rateLimit ? '' : ' SPACETRADERS_RATE_LIMIT=off'}`,
          ].join('\n'),
        );
        await new Promise<void>((resolve) => {
          const stop = () => void running.close().then(resolve);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      });
    });
}
