import type { MarketTrade } from './market.js';

/**
 * What moved the credits: a market purchase, a sale, fuel bought (refuels are market purchases too), a
 * ship bought, a contract payment (on accept and on fulfil), or the antimatter a gate jump costs.
 */
export type LedgerKind = 'PURCHASE' | 'SALE' | 'FUEL' | 'SHIP' | 'CONTRACT' | 'ANTIMATTER';

/**
 * One credit movement, from the server's own transaction record: credits are signed (a purchase is
 * negative, a sale positive), so the sum over a period is the change it explains in the agent's credits.
 */
export interface LedgerEntry {
  /** Epoch ms, the server's timestamp. */
  at: number;
  ship: string;
  kind: LedgerKind;
  good: string;
  units: number;
  credits: number;
  waypoint: string;
  pricePerUnit: number;
  /**
   * The agent's credits right after, as the server answered (null when unknown): consecutive rows
   * whose balances differ by more than the later row's credits reveal a movement the bot did not see.
   */
  balanceAfter: number | null;
}

/** The ledger row for a market trade; a purchase of FUEL by a refuel is kind FUEL, a jump's antimatter ANTIMATTER. */
export function ledgerEntryFor(
  trade: MarketTrade,
  options: { refuel?: boolean; jump?: boolean; balanceAfter?: number } = {},
): LedgerEntry {
  const kind: LedgerKind = options.refuel
    ? 'FUEL'
    : options.jump
      ? 'ANTIMATTER'
      : trade.type === 'PURCHASE'
        ? 'PURCHASE'
        : 'SALE';
  return {
    at: trade.at,
    ship: trade.ship,
    kind,
    good: trade.good,
    units: trade.units,
    credits: trade.type === 'PURCHASE' ? -trade.totalPrice : trade.totalPrice,
    waypoint: trade.waypoint,
    pricePerUnit: trade.pricePerUnit,
    balanceAfter: options.balanceAfter ?? null,
  };
}

/**
 * The agent's credits as the server reported them when the bot first saw the agent (registered,
 * imported or registered again after a reset): a known balance that no movement explains, from which
 * the books reconcile.
 */
export interface CreditBaseline {
  /** Epoch ms. */
  at: number;
  credits: number;
}

/** Entries and baselines in time order; a baseline comes before an entry of the same moment. */
function timeline(entries: readonly LedgerEntry[], baselines: readonly CreditBaseline[]) {
  const items: Array<{ at: number; entry?: LedgerEntry; baseline?: CreditBaseline }> = [
    ...baselines.map((baseline) => ({ at: baseline.at, baseline })),
    ...entries.map((entry) => ({ at: entry.at, entry })),
  ];
  // A stable sort keeps the baselines first among equals and the entries in their recorded order.
  return items.sort((a, b) => a.at - b.at);
}

/**
 * Credits the ledger does not explain: from a baseline or a row whose balance is known, any change of
 * the next known balance beyond the rows between; and from the last known balance to the agent's
 * credits now. A baseline restarts the count (a reset's new agent is no movement). Zero when every
 * movement was recorded.
 */
export function unexplainedCredits(
  entries: readonly LedgerEntry[],
  creditsNow: number | null,
  baselines: readonly CreditBaseline[] = [],
): number {
  let unexplained = 0;
  let balance: number | null = null;
  for (const { entry, baseline } of timeline(entries, baselines)) {
    if (baseline) {
      balance = baseline.credits;
      continue;
    }
    if (!entry) continue;
    if (balance !== null && entry.balanceAfter !== null) unexplained += entry.balanceAfter - balance - entry.credits;
    if (entry.balanceAfter !== null) balance = entry.balanceAfter;
    else if (balance !== null) balance += entry.credits;
  }
  if (balance !== null && creditsNow !== null) unexplained += creditsNow - balance;
  return unexplained;
}

/** The agent's credits at one moment. */
export interface CreditPoint {
  at: number;
  credits: number;
}

/**
 * The agent's credits over time, one point per baseline and per row, and the credits now: a row's
 * balance where the server gave it, else a running sum from the last known balance (before any known
 * one, back from the first known balance, or from the credits now when none is known).
 */
export function creditHistory(
  entries: readonly LedgerEntry[],
  baselines: readonly CreditBaseline[],
  now: CreditPoint,
): CreditPoint[] {
  const items = timeline(entries, baselines);
  // Where the running sum starts: the credits before the first item, worked back from the first known balance.
  let before = 0;
  let anchor: number | null = null;
  for (const { entry, baseline } of items) {
    const known = baseline ? baseline.credits : entry!.balanceAfter;
    if (known !== null) {
      anchor = known - before - (baseline ? 0 : entry!.credits);
      break;
    }
    before += entry!.credits;
  }
  let balance = anchor ?? now.credits - entries.reduce((sum, e) => sum + e.credits, 0);
  const points: CreditPoint[] = [];
  for (const { at, entry, baseline } of items) {
    if (baseline) balance = baseline.credits;
    else if (entry) balance = entry.balanceAfter ?? balance + entry.credits;
    points.push({ at, credits: balance });
  }
  if (points.length === 0 || now.at >= points.at(-1)!.at) points.push(now);
  return points;
}

export type LedgerGrouping = 'ship' | 'kind' | 'good';

/** Net credits per ship, kind or good. */
export function ledgerTotals(entries: readonly LedgerEntry[], by: LedgerGrouping): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const entry of entries) totals[entry[by]] = (totals[entry[by]] ?? 0) + entry.credits;
  return totals;
}
