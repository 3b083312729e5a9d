import type { Command } from 'commander';
import type { LedgerView } from '../application/markets/get-ledger.js';
import { ValidationError } from '../domain/errors.js';
import { table } from './output.js';
import { withApp } from './session.js';

export function registerLedgerCommands(program: Command): void {
  program
    .command('ledger')
    .description('every credit the bot moved (purchases, sales, fuel), totals, and what the credits say beyond them')
    .option('--since <duration>', 'only the last 30m, 12h, 7d…')
    .option('--by <grouping>', 'totals by ship, kind or good', 'kind')
    .action(async (options: { since?: string; by: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetLedger } = await import('../application/markets/get-ledger.js');
        const request = new GetLedger({
          player: app.config.player,
          by: options.by,
          ...(options.since === undefined ? {} : { sinceSeconds: durationSeconds(options.since) }),
        });
        out.result(await app.mediator.send(request), describeLedger);
      });
    });
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

function durationSeconds(text: string): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match || Number(match[1]) < 1)
    throw new ValidationError(`--since must be a positive duration such as 30m, 12h or 7d, got "${text}"`);
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}

const credits = (n: number) => n.toLocaleString('en-US');

function describeLedger(view: LedgerView): string {
  if (view.entries.length === 0) return `no credit movements recorded; ${credits(view.credits)} credits now`;
  const rows = table(
    ['AT', 'SHIP', 'KIND', 'GOOD', 'UNITS', 'CREDITS'],
    view.entries.map((e) => [e.at, e.ship, e.kind, e.good, String(e.units), credits(e.credits)]),
  );
  const groups = Object.entries(view.totals.groups)
    .map(([key, total]) => `${key} ${credits(total)}`)
    .join(', ');
  return [
    rows,
    `total: ${credits(view.totals.credits)} (by ${view.totals.by}: ${groups})`,
    view.unexplained === 0
      ? `the books balance with the agent's ${credits(view.credits)} credits`
      : `unexplained: ${credits(view.unexplained)} credits the ledger does not account for (${credits(view.credits)} credits now)`,
  ].join('\n');
}
