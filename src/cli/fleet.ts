import type { Command } from 'commander';
import type { StoredCommand } from '../ports/daemon-control.js';
import { TOKENS } from '../ports/tokens.js';
import { durationSeconds, wholeNumber } from './numbers.js';
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
  fleet
    .command('run')
    .description(
      'the coordinator: every ship gets work (scout, contracts, mining, trading) and ships are bought as credits allow',
    )
    .option('--reserve <credits>', 'never spend below this many credits on ships', '0')
    .option('--every <duration>', 'time between cycles (90s, 3m…)', '3m')
    .option('--cycles <n>', 'cycles to run (default 1; in the daemon: until stopped)')
    .option('--background', 'run in the daemon, cycle after cycle until `container stop`, and return its id')
    .action(
      async (options: { reserve: string; every: string; cycles?: string; background?: boolean }, command: Command) => {
        await withApp(command, async (app, out) => {
          const { FleetRun } = await import('../application/fleet/fleet-run.js');
          const { Players } = await import('../application/player/players.js');
          // Jobs run in the daemon either way: fix the player now, whatever the default player becomes.
          const player = app.container.get(Players).resolve(app.config.player).agentSymbol;
          const cycles = options.cycles === undefined ? undefined : wholeNumber(options.cycles, '--cycles');
          const request = new FleetRun({
            reserve: wholeNumber(options.reserve, '--reserve'),
            intervalSeconds: durationSeconds(options.every, '--every'),
            cycles: options.background ? cycles : (cycles ?? 1),
            player,
          });
          request.validate();
          const { daemonClient, submitToDaemon } = await import('./daemon-client.js');
          if (options.background) {
            const id = await submitToDaemon(app.config.dbPath, app.messages, request, player);
            out.result(
              { containerId: id },
              (r) =>
                `the fleet coordinator runs in the daemon as container ${r.containerId} (see: spacetraders container logs ${r.containerId} --follow)`,
            );
            return;
          }
          // In the foreground the coordinator decides here; the jobs it starts run in the daemon.
          const daemon = daemonClient(app.config.dbPath);
          app.container.rebind(TOKENS.JobLauncher).toConstantValue({
            submit: (job: StoredCommand) => daemon.submit(job),
            stop: (id: string) => daemon.stop(id),
          });
          const report = await app.mediator.send(request);
          out.result(report, (r) =>
            [
              ...r.decisions.map(
                (d) =>
                  `${d.ship ?? 'fleet'}${d.role ? ` → ${d.role}` : ''}: ${d.command ? `${d.command}${d.container ? ` (container ${d.container})` : ''}` : 'no job'}; ${d.reason}`,
              ),
              `${r.cycles} cycle(s)`,
            ].join('\n'),
          );
        });
      },
    );
  return fleet;
}

/** Sleeps in short steps so Ctrl-C ends the watch at once. */
async function sleepUnless(ms: number, stopped: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!stopped() && Date.now() < end)
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, end - Date.now())));
}
