import type { MarketTrade } from './market.js';

/** What moved the credits: a market purchase, a sale, or fuel bought (refuels are market purchases too). */
export type LedgerKind = 'PURCHASE' | 'SALE' | 'FUEL';

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
}

/** The ledger row for a market trade; a purchase of FUEL by a refuel is kind FUEL. */
export function ledgerEntryFor(trade: MarketTrade, options: { refuel?: boolean } = {}): LedgerEntry {
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
  };
}
