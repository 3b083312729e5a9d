/** The demo's few lines per step: short renderings of what the use cases return. */
import type { ContractView } from '../application/contracts/contract-view.js';
import type { LedgerView } from '../application/markets/get-ledger.js';
import type { MarketView } from '../application/markets/market-view.js';
import type { ShipView } from '../application/ships/ship-view.js';
import { duration } from '../cli/route.js';
import type { ContractEvaluation } from '../domain/contracts/evaluation.js';

const credits = (n: number) => Math.round(n).toLocaleString('en-US');

/** How many of a market's goods the demo lists (the contract's good always among them). */
const MARKET_LINES = 5;

export function describeShip(ship: ShipView): string {
  const fuel = ship.fuel.capacity === 0 ? 'no fuel tank' : `fuel ${ship.fuel.current}/${ship.fuel.capacity}`;
  return `${ship.symbol}  ${ship.role}  at ${ship.location}  ${fuel}  hold ${ship.cargo.capacity}`;
}

export function describeContract(c: ContractView): string {
  const state = c.fulfilled ? 'fulfilled' : c.accepted ? 'accepted' : 'offered';
  const goods = c.deliver.map((d) => `${d.fulfilled}/${d.required} ${d.good} to ${d.destination}`).join(', ');
  const pay = `${credits(c.payment.onAccepted)} + ${credits(c.payment.onFulfilled)} credits`;
  return `${c.id.slice(0, 8)}… ${state}: ${goods}, paying ${pay}`;
}

/** The market's goods, the contract's good first, each with its ask (buy) and bid (sell). */
export function describeMarket(market: MarketView, good: string): string {
  const age = market.live
    ? 'live'
    : market.ageSeconds === null
      ? 'listing only'
      : `read ${duration(market.ageSeconds)} ago`;
  const goods = [...market.tradeGoods].sort((a, b) => Number(b.symbol === good) - Number(a.symbol === good));
  const lines = goods
    .slice(0, MARKET_LINES)
    .map(
      (g) =>
        `  ${g.symbol.padEnd(22)} ${g.type.padEnd(8)} ${g.supply.padEnd(10)} buy ${credits(g.purchasePrice).padStart(6)}  sell ${credits(g.sellPrice).padStart(6)}`,
    );
  const more = goods.length > MARKET_LINES ? [`  … and ${goods.length - MARKET_LINES} more goods`] : [];
  return [`  ${market.waypoint} (${age})`, ...lines, ...more].join('\n');
}

export function describeEvaluation(e: ContractEvaluation): string {
  return [
    `  ${e.source} at ${e.sourceWaypoint}: revenue ${credits(e.revenue)} - goods ${credits(e.goodsCost)} - fuel ${credits(e.fuelCost)} = profit ${credits(e.profit)}`,
    `  about ${duration(e.seconds)} of game time: ${credits(e.creditsPerHour)} credits/hour`,
  ].join('\n');
}

/** Totals by kind, the balance before and now, and whether the books balance. */
export function describeLedger(view: LedgerView, creditsBefore: number): string {
  const groups = Object.entries(view.totals.groups).map(([kind, total]) => `  ${kind.padEnd(10)} ${credits(total)}`);
  const ships = -view.entries.filter((e) => e.kind === 'SHIP').reduce((sum, e) => sum + e.credits, 0);
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${credits(n)}`;
  return [
    `${view.entries.length} entries, totals by kind:`,
    ...groups,
    `  ${'total'.padEnd(10)} ${credits(view.totals.credits)}`,
    `credits: ${credits(creditsBefore)} -> ${credits(view.credits)} (${signed(view.credits - creditsBefore)})`,
    `net worth (credits + ships bought, at their price): ${credits(view.credits + ships)} (${signed(view.credits + ships - creditsBefore)})`,
    `unexplained: ${credits(view.unexplained)}${view.unexplained === 0 ? ' (every credit accounted for)' : ''}`,
  ].join('\n');
}
