import type { Command } from 'commander';
import { withApp } from './session.js';

export function registerEventsCommands(program: Command): void {
  program
    .command('events')
    .description('show the most recent events the bot recorded')
    .option('--limit <n>', 'how many', '20')
    .action(async (options: { limit: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetRecentEvents } = await import('../application/events/get-recent-events.js');
        const events = await app.mediator.send(new GetRecentEvents({ limit: Number(options.limit) }));
        out.result(events, (list) =>
          list.length === 0
            ? 'no events yet'
            : list.map((e) => `${e.occurredAt}  ${e.type.padEnd(22)} ${JSON.stringify(e.payload)}`).join('\n'),
        );
      });
    });
}
