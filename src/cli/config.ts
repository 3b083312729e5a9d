import type { Command } from 'commander';
import { describeConfig } from '../config/config.js';
import { configFor, withoutApp } from './session.js';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('inspect the configuration');
  config
    .command('show')
    .description('show the resolved configuration (defaults < environment < flags); secrets hidden')
    .action(async (_options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const shown = describeConfig(configFor(command));
        out.result(shown, (value) => Object.entries(value).map(([key, v]) => `${key.padEnd(17)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n'));
      });
    });
}
