import type { Command } from 'commander';
import type { GoodFinding } from '../application/markets/find-good.js';
import type { MarketListEntry } from '../application/markets/list-markets.js';
import type { MarketHistory } from '../application/markets/market-history.js';
import type { MarketView } from '../application/markets/market-view.js';
import { describeAge } from '../domain/market/market.js';
import { durationSeconds } from './numbers.js';
import { table, writeUserFile } from './output.js';
import { duration } from './route.js';
import { withApp } from './session.js';

export function registerMarketCommands(program: Command): void {
  const market = program.command('market').description('what markets trade and at what prices');

  market
    .command('show')
    .description("a market's goods and prices: live with a ship of yours there, else the last stored observation")
    .argument('<waypoint>', 'waypoint symbol, e.g. X1-AB12-C3')
    .action(async (waypoint: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ShowMarket } = await import('../application/markets/show-market.js');
        const view = await app.mediator.send(new ShowMarket({ waypoint, player: app.config.player }));
        out.result(view, describeMarket);
      });
    });

  market
    .command('list')
    .description('every marketplace of a system and how old its freshest stored observation is')
    .argument('<system>', 'system symbol, e.g. X1-AB12')
    .action(async (system: string, _options: unknown, command: Command) => {
      await withApp(command, async (app, out) => {
        const { ListMarkets } = await import('../application/markets/list-markets.js');
        const list = await app.mediator.send(new ListMarkets({ system, player: app.config.player }));
        out.result(list, describeMarkets);
      });
    });

  market
    .command('find')
    .description('where to buy a good cheapest and sell it dearest, from stored observations')
    .argument('<good>', 'trade good, e.g. IRON')
    .option('--system <system>', 'only markets of this system')
    .option('--near <ship>', 'with distance and CRUISE time from this ship')
    .action(async (good: string, options: { system?: string; near?: string }, command: Command) => {
      await withApp(command, async (app, out) => {
        const { FindGood } = await import('../application/markets/find-good.js');
        const finding = await app.mediator.send(new FindGood({ good, ...options, player: app.config.player }));
        out.result(finding, describeFinding);
      });
    });

  market
    .command('history')
    .description("a good's stored prices over time, per market (--svg draws them)")
    .argument('<good>', 'trade good, e.g. IRON')
    .option('--at <waypoint>', 'only this market')
    .option('--system <system>', 'only markets of this system')
    .option('--since <duration>', 'only the last 30m, 12h, 7d…')
    .option('--svg <file>', 'also chart buy (solid) and sell (dashed) prices per market')
    .action(
      async (
        good: string,
        options: { at?: string; system?: string; since?: string; svg?: string },
        command: Command,
      ) => {
        await withApp(command, async (app, out) => {
          const { GetMarketHistory } = await import('../application/markets/market-history.js');
          const history = await app.mediator.send(
            new GetMarketHistory({
              good,
              at: options.at,
              system: options.system,
              ...(options.since === undefined ? {} : { sinceSeconds: durationSeconds(options.since) }),
              player: app.config.player,
            }),
          );
          if (options.svg) {
            const { marketHistorySvg } = await import('./charts.js');
            writeUserFile('--svg', options.svg, marketHistorySvg(history));
          }
          out.result(history, (h) => `${describeHistory(h)}${options.svg ? `\nwrote ${options.svg}` : ''}`);
        });
      },
    );
}

function describeHistory(h: MarketHistory): string {
  if (h.markets.length === 0) return `no stored observation of ${h.good}; a ship must visit a market that trades it`;
  return h.markets
    .map((m) =>
      [
        `${h.good} at ${m.waypoint} (${m.points.length} read${m.points.length === 1 ? '' : 's'}):`,
        table(
          ['AT', 'BUY', 'SELL', 'SUPPLY', 'ACTIVITY', 'VOLUME'],
          m.points.map((p) => [
            p.at.slice(0, 19).replace('T', ' '),
            String(p.purchasePrice),
            String(p.sellPrice),
            p.supply,
            p.activity ?? '',
            String(p.tradeVolume),
          ]),
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

function describeFinding(f: GoodFinding): string {
  if (f.buy.length === 0) return `no stored observation of ${f.good}; a ship must visit a market that trades it`;
  const rows = (side: Array<GoodFinding['buy'][number] | GoodFinding['sell'][number]>, price: (i: number) => number) =>
    side.map((m, i) => [
      m.waypoint,
      String(price(i)),
      m.supply,
      String(m.tradeVolume),
      `${describeAge(m.ageSeconds)} ago`,
      m.distance === undefined ? '' : String(m.distance),
      m.seconds === undefined ? '' : duration(m.seconds),
    ]);
  const heading = ['MARKET', 'PRICE', 'SUPPLY', 'VOLUME', 'OBSERVED', 'DISTANCE', 'TIME'];
  return [
    `buy ${f.good} (cheapest first):`,
    table(
      heading,
      rows(f.buy, (i) => f.buy[i]!.purchasePrice),
    ),
    `sell ${f.good} (dearest first):`,
    table(
      heading,
      rows(f.sell, (i) => f.sell[i]!.sellPrice),
    ),
  ].join('\n');
}

function describeMarket(m: MarketView): string {
  const lists = [
    `imports:  ${m.imports.join(', ') || '-'}`,
    `exports:  ${m.exports.join(', ') || '-'}`,
    `exchange: ${m.exchange.join(', ') || '-'}`,
  ];
  if (m.observedAt === null)
    return [`${m.waypoint}: no prices known; a ship must visit the market to see them`, ...lists].join('\n');
  const heading = m.live
    ? `${m.waypoint}: live prices (a ship of yours is there)`
    : `${m.waypoint}: stored observation, ${describeAge(m.ageSeconds ?? 0)} old (no ship of yours is there)`;
  const goods = table(
    ['GOOD', 'TYPE', 'SUPPLY', 'ACTIVITY', 'VOLUME', 'BUY', 'SELL'],
    m.tradeGoods.map((g) => [
      g.symbol,
      g.type,
      g.supply,
      g.activity ?? '',
      String(g.tradeVolume),
      String(g.purchasePrice),
      String(g.sellPrice),
    ]),
  );
  return [heading, goods, ...lists].join('\n');
}

function describeMarkets(list: MarketListEntry[]): string {
  if (list.length === 0) return 'no marketplaces in this system';
  return table(
    ['MARKET', 'OBSERVED', 'GOODS'],
    list.map((m) => [
      m.waypoint,
      m.ageSeconds === null ? 'never' : `${describeAge(m.ageSeconds)} ago`,
      m.goods.join(','),
    ]),
  );
}
