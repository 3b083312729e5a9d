import type { CreditBaseline, LedgerEntry } from '../domain/market/ledger.js';

/**
 * The books: every credit movement the bot caused, one row each from the server's own transaction
 * record, written in the same unit of work as the state it changed. Kept across resets (it is
 * history, not a cache).
 */
export interface Ledger {
  record(playerSymbol: string, entry: LedgerEntry): void;
  /** Entries from a moment on (all when absent), oldest first. */
  entries(playerSymbol: string, since?: number): LedgerEntry[];
  /** The agent's credits when the bot first saw it (registration, import, a new registration after a reset). */
  recordBaseline(playerSymbol: string, baseline: CreditBaseline): void;
  /** Baselines from a moment on (all when absent), oldest first. */
  baselines(playerSymbol: string, since?: number): CreditBaseline[];
}
