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

/** The ledger row for a market trade; a purchase of FUEL by a refuel is kind FUEL. */
export function ledgerEntryFor(
  trade: MarketTrade,
  options: { refuel?: boolean; balanceAfter?: number } = {},
): LedgerEntry {
  const kind: LedgerKind = options.refuel ? 'FUEL' : trade.type === 'PURCHASE' ? 'PURCHASE' : 'SALE';
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
 * Credits the ledger does not explain: between two rows whose balances are known, any change beyond
 * the later row's credits; and from the last known balance to the agent's credits now. Zero when every
 * movement was recorded.
 */
export function unexplainedCredits(entries: readonly LedgerEntry[], creditsNow: number | null): number {
  let unexplained = 0;
  let balance: number | null = null;
  for (const entry of entries) {
    if (balance !== null && entry.balanceAfter !== null) unexplained += entry.balanceAfter - balance - entry.credits;
    if (entry.balanceAfter !== null) balance = entry.balanceAfter;
    else if (balance !== null) balance += entry.credits;
  }
  if (balance !== null && creditsNow !== null) unexplained += creditsNow - balance;
  return unexplained;
}

export type LedgerGrouping = 'ship' | 'kind' | 'good';

/** Net credits per ship, kind or good. */
export function ledgerTotals(entries: readonly LedgerEntry[], by: LedgerGrouping): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const entry of entries) totals[entry[by]] = (totals[entry[by]] ?? 0) + entry.credits;
  return totals;
}
