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
