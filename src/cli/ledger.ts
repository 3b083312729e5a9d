import type { Command } from 'commander';
import type { LedgerView } from '../application/markets/get-ledger.js';
import { durationSeconds } from './numbers.js';
import { table, writeUserFile } from './output.js';
import { withApp } from './session.js';

export function registerLedgerCommands(program: Command): void {
  program
    .command('ledger')
    .description('every credit the bot moved (purchases, sales, fuel), totals, and what the credits say beyond them')
    .option('--since <duration>', 'only the last 30m, 12h, 7d…')
    .option('--by <grouping>', 'totals by ship, kind or good', 'kind')
    .option('--svg <file>', "also chart the agent's credits over time")
    .action(async (options: { since?: string; by: string; svg?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { GetLedger } = await import('../application/markets/get-ledger.js');
        const request = new GetLedger({
          player: app.config.player,
          by: options.by,
          ...(options.since === undefined ? {} : { sinceSeconds: durationSeconds(options.since) }),
        });
        const view = await app.mediator.send(request);
        if (options.svg) {
          const { creditsSvg } = await import('./charts.js');
          writeUserFile('--svg', options.svg, creditsSvg(view, app.config.player));
        }
        out.result(view, (v) => `${describeLedger(v)}${options.svg ? `\nwrote ${options.svg}` : ''}`);
      });
    });
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
