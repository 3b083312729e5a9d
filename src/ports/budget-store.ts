/** The rate limit's two pools: the whole budget, wherever it is kept. */
export interface PoolState {
  staticUsed: number;
  staticResetAt: number;
  burstUsed: number;
  burstResetAt: number;
  pausedUntil: number;
}

export const EMPTY_POOLS: PoolState = {
  staticUsed: 0,
  staticResetAt: 0,
  burstUsed: 0,
  burstResetAt: 0,
  pausedUntil: 0,
};

/**
 * Where the pools live. In memory, one process owns the budget; in the SQLite file every bot
 * process on the machine shares, they share it. `update` must apply `change` atomically.
 */
export interface BudgetStore {
  update<T>(change: (state: PoolState) => T): T;
}

/**
 * How much of the rate budget the client used while requests waited for it: over the time at least
 * one request was queued (`waitingMs`), the requests sent and the requests the server's limits would
 * have allowed in that time (what the client left unused by waking late counts as allowed, not sent).
 */
export interface BudgetUse {
  waitingMs: number;
  sentWhileWaiting: number;
  allowedWhileWaiting: number;
}
