import type { Command } from 'commander';
import { ValidationError } from '../domain/errors.js';
import { daemonClient } from './daemon-client.js';
import { table } from './output.js';
import { configFor, withApp, withoutApp } from './session.js';

export function registerContainerCommands(program: Command): void {
  const container = program.command('container').description('long operations running in the daemon');

  container
    .command('run')
    .description('run any registered command in the daemon, e.g. NavigateShip or Wait')
    .argument('<command>', 'command type name')
    .option('--payload <json>', 'the command as JSON', '{}')
    .action(async (type: string, options: { payload: string }, command: Command) => {
      await withoutApp(command, async (out) => {
        const config = configFor(command);
        let payload: unknown;
        try {
          payload = JSON.parse(options.payload);
        } catch {
          throw new ValidationError(`--payload is not valid JSON: ${options.payload}`);
        }
        if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
          throw new ValidationError(`--payload must be a JSON object, e.g. {"seconds":5}: ${options.payload}`);
        // The daemon checks the command itself, exactly as its own CLI verb would, before storing it.
        const created = await daemonClient(config.dbPath).submit({ type, payload, player: config.player ?? null });
        out.result(created, (c) => `container ${c.id} running ${c.commandType}`);
      });
    });

  container
    .command('list')
    .description('every container and its status')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListContainers } = await import('../application/containers/list-containers.js');
        const list = await app.mediator.send(new ListContainers());
        out.result(list, (all) =>
          all.length === 0
            ? 'no containers yet'
            : table(
                ['ID', 'COMMAND', 'STATUS', 'ATTEMPTS', 'CLAIMS', 'REASON'],
                all.map((c) => [
                  c.id,
                  c.commandType,
                  c.status,
                  String(c.attempts),
                  c.claims.join(','),
                  c.exitReason ?? '',
                ]),
              ),
        );
      });
    });

  container
    .command('inspect')
    .description('one container in full')
    .argument('<id>', 'container id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { InspectContainer } = await import('../application/containers/inspect-container.js');
        const state = await app.mediator.send(new InspectContainer({ id }));
        out.result(state, (c) => JSON.stringify(c, null, 2));
      });
    });

  container
    .command('logs')
    .description("a container's log")
    .argument('<id>', 'container id')
    .option('--follow', 'keep printing new lines until the container finishes')
    .option('--level <level>', 'only this level and above: debug, info, warn, error')
    .action(async (id: string, options: { follow?: boolean; level?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetContainerLogs } = await import('../application/containers/get-container-logs.js');
        const { InspectContainer } = await import('../application/containers/inspect-container.js');
        let afterId = 0;
        for (;;) {
          const lines = await app.mediator.send(new GetContainerLogs({ id, afterId, level: options.level }));
          for (const line of lines)
            out.line(`${new Date(line.at).toISOString()} ${line.level.padEnd(5)} ${line.message}`);
          if (out.json) out.result(lines, () => '');
          afterId = lines.at(-1)?.id ?? afterId;
          if (!options.follow) return;
          const state = await app.mediator.send(new InspectContainer({ id }));
          if (['COMPLETED', 'FAILED', 'STOPPED'].includes(state.status) && lines.length === 0) return;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      });
    });

  container
    .command('stop')
    .description('stop a container for good (its claims are released)')
    .argument('<id>', 'container id')
    .action(async (id: string, _options: unknown, command: Command) => {
      await withoutApp(command, async (out) => {
        const state = await daemonClient(configFor(command).dbPath).stop(id);
        out.result(state, (c) => `container ${c.id} ${c.status.toLowerCase()}`);
      });
    });
}
