import type { Command } from 'commander';
import { describeConfig } from '../config/config.js';
import { configFor, withApp, withoutApp } from './session.js';

export function registerConfigCommands(program: Command): void {
  program
    .command('status')
    .description("the server's status and next reset; notices a reset that happened since the last look")
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { CheckServerStatus } = await import('../application/server/check-server-status.js');
        const status = await app.mediator.send(new CheckServerStatus());
        out.result(status, (s) =>
          [
            `${s.status} (${s.version})`,
            `reset date: ${s.resetDate}; next reset ${s.nextReset} (${s.resetFrequency})`,
            ...(s.resetDetected
              ? [
                  `the server was reset: tokens of ${s.stalePlayers.join(', ') || 'no players'} are stale; register again with --reregister`,
                ]
              : []),
          ].join('\n'),
        );
      });
    });

  const config = program.command('config').description('inspect the configuration');
  config
    .command('show')
    .description('show the resolved configuration (defaults < environment < flags); secrets hidden')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const shown = describeConfig(configFor(command));
        out.result(shown, (value) =>
          Object.entries(value)
            .map(([key, v]) => `${key.padEnd(17)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
            .join('\n'),
        );
      });
    });
}
