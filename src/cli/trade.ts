import type { Command } from 'commander';
import type { TradePlan } from '../application/trading/trade-planning.js';
import type { TradeRunReport } from '../application/trading/trade-run.js';
import type { TradeRow } from '../domain/trading/trade-planner.js';
import { ValidationError } from '../domain/errors.js';
import { wholeNumber } from './numbers.js';
import { table } from './output.js';
import { duration } from './route.js';
import { withApp } from './session.js';
import { submitInBackground } from './background.js';

/** `trade plan` and `trade run`. */
export function registerTradeCommands(program: Command): void {
  const trade = program.command('trade').description('trade between markets: plan from stored prices, run a trader');

  trade
    .command('plan')
    .description(
      'the best trades from stored market data, by expected credits per hour (price impact, fuel, travel, data age)',
    )
    .option('--ship <ship>', 'plan for this ship (default: your first ship with a hold)')
    .option('--limit <n>', 'rows to list', '10')
    .option('--system <system>', "plan in this system (default: the ship's)")
    .action(async (options: { ship?: string; limit: string; system?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { PlanTrades } = await import('../application/trading/plan-trades.js');
        const plan = await app.mediator.send(
          new PlanTrades({
            limit: wholeNumber(options.limit, '--limit'),
            player: app.config.player,
            ...(options.ship ? { ship: options.ship } : {}),
            ...(options.system ? { system: options.system } : {}),
          }),
        );
        out.result(plan.rows, () => describePlan(plan));
      });
    });

  trade
    .command('run')
    .description('trade with a ship: plan, reserve the route, fly, buy in lots, fly, sell in lots, repeat')
    .requiredOption('--ship <ship>', 'the trading ship')
    .option('--min-profit-per-hour <credits>', 'only routes expected to earn at least this', '0')
    .option('--trips <n>', 'stop after this many trips (0: until stopped)', '0')
    .option('--background', 'run in the daemon and return a container id at once')
    .action(
      async (
        options: { ship: string; minProfitPerHour: string; trips: string; background?: boolean },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          const { TradeRun } = await import('../application/trading/trade-run.js');
          const minProfitPerHour = Number(options.minProfitPerHour);
          if (!Number.isFinite(minProfitPerHour) || minProfitPerHour < 0)
            throw new ValidationError(
              `--min-profit-per-hour must be a number of at least 0, got "${options.minProfitPerHour}"`,
            );
          let player = app.config.player;
          if (options.background) {
            const { Players } = await import('../application/player/players.js');
            player = app.container.get(Players).resolve(player).agentSymbol;
          }
          const request = new TradeRun({
            shipSymbol: options.ship,
            minProfitPerHour,
            trips: wholeNumber(options.trips, '--trips'),
            ...(player ? { player } : {}),
          });
          if (options.background) {
            await submitInBackground(app, out, request, player, 'trader running');
            return;
          }
          out.result(await app.mediator.send(request), describeRun);
        });
      },
    );
}

function route(row: TradeRow): string {
  return row.legs.map((leg) => `${leg.good} ${leg.buyAt}>${leg.sellAt}`).join(' then ');
}

function describePlan(plan: TradePlan): string {
  const head = `${plan.ship} in ${plan.system}: ${plan.markets} market(s) with stored prices, ${plan.routesPlanned} route(s) planned in ${plan.millis} ms${plan.reserved.length ? `, ${plan.reserved.length} reserved by other traders` : ''}`;
  if (plan.rows.length === 0)
    return `${head}\nno profitable trade in the stored prices; visit more markets (spacetraders market show) or scout them`;
  return `${head}\n${table(
    ['#', 'ROUTE', 'UNITS', 'PROFIT', 'TIME', 'PER HOUR', 'DATA AGE'],
    plan.rows.map((row, i) => [
      String(i + 1),
      route(row),
      String(row.units),
      row.expectedProfit.toLocaleString('en-US'),
      duration(row.seconds),
      row.creditsPerHour.toLocaleString('en-US'),
      duration(row.dataAgeSeconds),
    ]),
  )}`;
}

function describeRun(report: TradeRunReport): string {
  const lines = report.trips.map((trip, i) => {
    const legs = trip.legs
      .map(
        (leg) =>
          `${leg.good}: bought ${leg.bought}${leg.buyAt ? ` at ${leg.buyAt}` : ''} for ${leg.spent}, sold ${leg.sold} at ${leg.sellAt} for ${leg.earned}${leg.aborted ? ` (${leg.aborted})` : ''}`,
      )
      .join('; ');
    return `trip ${i + 1}: ${legs || 'nothing to do'} → ${trip.profit >= 0 ? '+' : ''}${trip.profit}`;
  });
  if (report.stoppedBecause === 'NO_ROUTE') lines.push('stopped: no free trade route is worth running');
  lines.push(
    `${report.ship}: ${report.profit >= 0 ? '+' : ''}${report.profit.toLocaleString('en-US')} credits over ${report.trips.length} trip(s)`,
  );
  return lines.join('\n');
}
