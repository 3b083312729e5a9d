import type { Command } from 'commander';
import { durationSeconds } from './numbers.js';
import { renderFleetStatus, watchFrame } from './fleet-view.js';
import { withApp } from './session.js';

export function registerFleetCommands(program: Command): Command {
  const fleet = program.command('fleet').description("the whole fleet: every ship's role and job, and the coordinator");

  fleet
    .command('status')
    .description("each ship's role, job, location, cargo and credits/hour over the last hour; totals")
    .option('--watch', 'redraw every few seconds until Ctrl-C')
    .option('--every <duration>', 'with --watch: how often to redraw (5s, 1m…)', '5s')
    .action(async (options: { watch?: boolean; every: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { FleetStatus } = await import('../application/fleet/fleet-status.js');
        const read = () => app.mediator.send(new FleetStatus({ player: app.config.player }));
        if (!options.watch) {
          out.result(await read(), renderFleetStatus);
          return;
        }
        const everyMs = Math.max(1, durationSeconds(options.every, '--every')) * 1000;
        const tty = Boolean(process.stdout.isTTY) && !out.json;
        let stopped = false;
        const stop = () => {
          stopped = true;
        };
        process.once('SIGINT', stop);
        try {
          while (!stopped) {
            const view = await read();
            if (out.json) process.stdout.write(`${JSON.stringify(view)}\n`);
            else process.stdout.write(watchFrame(renderFleetStatus(view), new Date(), tty));
            await sleepUnless(everyMs, () => stopped);
          }
        } finally {
          process.removeListener('SIGINT', stop);
        }
      });
    });
  return fleet;
}

/** Sleeps in short steps so Ctrl-C ends the watch at once. */
async function sleepUnless(ms: number, stopped: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!stopped() && Date.now() < end)
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, end - Date.now())));
}
