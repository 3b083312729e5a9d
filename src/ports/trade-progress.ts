/**
 * How far a stored trade (a BuyCargo or SellCargo, by its tradeId) has got: units moved so far, and the
 * lot sent whose answer has not been recorded yet (null when none). A trade resumed after a crash or a
 * restart moves only the rest, and refuses to guess about a lot that was in flight.
 */
export interface TradeProgress {
  unitsDone: number;
  inFlight: number | null;
}

export interface TradeProgressStore {
  find(tradeId: string): TradeProgress | undefined;
  save(playerSymbol: string, tradeId: string, progress: TradeProgress, at: number): void;
}
