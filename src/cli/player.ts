import type { Command } from 'commander';
import type { PlayerView } from '../application/player/player-view.js';
import { ValidationError } from '../domain/errors.js';
import { parseMetadata } from '../domain/player/metadata.js';
import { processSecrets } from '../domain/player/secrets.js';
import { table } from './output.js';
import { configFor, withApp } from './session.js';

interface RegisterOptions {
  agent: string;
  faction?: string;
  token?: string;
  accountToken?: string;
  reregister?: boolean;
}

export function registerPlayerCommands(program: Command): void {
  const player = program.command('player').description('register, import and choose the agents this bot plays');

  player
    .command('register')
    .description('register a new agent (needs the account token) or import one with its agent token')
    .requiredOption('--agent <symbol>', 'agent symbol, 3-14 characters')
    .option('--faction <faction>', 'starting faction of a new agent, e.g. COSMIC')
    .option('--token <agentToken>', 'import an existing agent with its token (- reads it from stdin)')
    .option(
      '--account-token <token>',
      'account token for a new agent (- reads it from stdin); default $SPACETRADERS_ACCOUNT_TOKEN',
    )
    .option('--reregister', 'register again an agent already known here (after a server reset)')
    .action(async (options: RegisterOptions, command: Command) => {
      await withApp(command, async (app, out) => {
        const { RegisterPlayer } = await import('../application/player/register-player.js');
        const agentToken = options.token === '-' ? await readStdin('agent token') : options.token;
        const accountToken =
          options.accountToken === '-'
            ? await readStdin('account token')
            : configFor(command, { accountToken: options.accountToken }).accountToken;
        // Known secrets from here on: a server that echoes one back never gets it printed.
        processSecrets.add(agentToken, accountToken);
        const view = await app.mediator.send(
          new RegisterPlayer({
            agentSymbol: options.agent,
            faction: options.faction,
            agentToken,
            accountToken: agentToken ? undefined : accountToken,
            reregister: options.reregister,
          }),
        );
        out.result(
          view,
          (v) =>
            `${agentToken ? 'imported' : 'registered'} ${v.agentSymbol} (${v.faction ?? 'no faction'}) at ${v.headquarters ?? '?'} with ${formatCredits(v.credits)} credits${v.isDefault ? ' — default player' : ''}`,
        );
      });
    });

  player
    .command('list')
    .description('list the agents this bot knows')
    .action(async (_options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListPlayers } = await import('../application/player/list-players.js');
        const players = await app.mediator.send(new ListPlayers());
        out.result(players, (list) =>
          list.length === 0
            ? 'no players yet: spacetraders player register --agent SYMBOL --faction COSMIC'
            : table(
                ['', 'AGENT', 'FACTION', 'HEADQUARTERS', 'CREDITS', 'TOKEN'],
                list.map((p) => [
                  p.isDefault ? '*' : '',
                  p.agentSymbol,
                  p.faction ?? '',
                  p.headquarters ?? '',
                  formatCredits(p.credits),
                  p.tokenStale ? 'stale' : 'ok',
                ]),
              ),
        );
      });
    });

  player
    .command('info')
    .description('show one agent (default: the default player)')
    .argument('[agent]', 'agent symbol')
    .action(async (agent: string | undefined, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetPlayer } = await import('../application/player/get-player.js');
        const view = await app.mediator.send(new GetPlayer({ agentSymbol: agent ?? app.config.player }));
        out.result(view, describePlayer);
      });
    });

  player
    .command('use')
    .description('make an agent the default for later commands')
    .argument('<agent>', 'agent symbol')
    .action(async (agent: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { SetDefaultPlayer } = await import('../application/player/set-default-player.js');
        const view = await app.mediator.send(new SetDefaultPlayer({ agentSymbol: agent }));
        out.result(view, (v) => `default player is now ${v.agentSymbol}`);
      });
    });

  player
    .command('update')
    .description('merge JSON metadata into an agent (a key set to null is removed)')
    .argument('<agent>', 'agent symbol')
    .requiredOption('--metadata <json>', 'a JSON object, e.g. \'{"role":"trader"}\'')
    .action(async (agent: string, options: { metadata: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { UpdatePlayerMetadata } = await import('../application/player/update-player-metadata.js');
        const view = await app.mediator.send(
          new UpdatePlayerMetadata({ agentSymbol: agent, metadata: parseMetadata(options.metadata, '--metadata') }),
        );
        out.result(view, (v) => `updated ${v.agentSymbol}: metadata ${JSON.stringify(v.metadata)}`);
      });
    });
}

function describePlayer(p: PlayerView): string {
  return [
    `agent:         ${p.agentSymbol}${p.isDefault ? ' (default)' : ''}`,
    `faction:       ${p.faction ?? '-'}`,
    `headquarters:  ${p.headquarters ?? '-'}`,
    `credits:       ${formatCredits(p.credits)}`,
    `token:         ${p.tokenStale ? 'stale (server reset): run player register --reregister' : 'ok'}`,
    `registered by: ${p.accountRegistered ? 'this bot (account token)' : 'import'}`,
    `metadata:      ${JSON.stringify(p.metadata)}`,
    `created:       ${p.createdAt}`,
    `last active:   ${p.lastActiveAt}`,
  ].join('\n');
}

function formatCredits(credits: number | null): string {
  return credits === null ? '?' : credits.toLocaleString('en-US');
}

async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(`${what}: `);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const value = Buffer.concat(chunks).toString('utf8').trim();
  if (!value) throw new ValidationError(`no ${what} on standard input`);
  return value;
}
