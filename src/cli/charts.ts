import type { LedgerView } from '../application/markets/get-ledger.js';
import type { MarketHistory } from '../application/markets/market-history.js';
import { type ChartSeries, lineChartSvg, PALETTE } from './svg-chart.js';

/** A good's prices over time: per market one colour, its buy price solid and its sell price dashed. */
export function marketHistorySvg(history: MarketHistory): string {
  const series: ChartSeries[] = history.markets.flatMap((market, i) => {
    const colour = PALETTE[i % PALETTE.length]!;
    const points = (price: (p: MarketHistory['markets'][number]['points'][number]) => number) =>
      market.points.map((p) => ({ x: Date.parse(p.at), y: price(p) }));
    return [
      { label: `${market.waypoint} buy`, colour, points: points((p) => p.purchasePrice) },
      { label: `${market.waypoint} sell`, colour, dashed: true, points: points((p) => p.sellPrice) },
    ];
  });
  const where = history.markets.length === 1 ? history.markets[0]!.waypoint : `${history.markets.length} markets`;
  return lineChartSvg({ title: `${history.good} prices at ${where}`, yLabel: 'credits per unit', series });
}

/** The agent's credits over time, as steps: each balance holds until the next movement. */
export function creditsSvg(view: LedgerView, player?: string): string {
  const points = view.balances.map((b) => ({ x: Date.parse(b.at), y: b.credits }));
  return lineChartSvg({
    title: `${player ? `${player}: ` : ''}credits over time`,
    yLabel: 'credits',
    series: [{ label: 'credits', colour: PALETTE[0]!, step: true, points }],
  });
}
