import type { MarketGood, MarketObservation } from '../../domain/market/market.js';
import type { GoodObservation, MarketFreshness, MarketRepository } from '../../ports/market-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

interface GoodRow {
  observed_at: number;
  good: string;
  type: MarketGood['type'];
  supply: MarketGood['supply'];
  activity: MarketGood['activity'];
  trade_volume: number;
  purchase_price: number;
  sell_price: number;
}

type HistoryRow = GoodRow & { waypoint_symbol: string; system_symbol: string };

function toMarketGood(row: GoodRow): MarketGood {
  return {
    symbol: row.good,
    type: row.type,
    supply: row.supply,
    activity: row.activity,
    tradeVolume: row.trade_volume,
    purchasePrice: row.purchase_price,
    sellPrice: row.sell_price,
  };
}

function toGoodObservation(row: HistoryRow): GoodObservation {
  return {
    waypoint: row.waypoint_symbol,
    system: row.system_symbol,
    observedAt: row.observed_at,
    good: toMarketGood(row),
  };
}

const DAY_MS = 24 * 3600_000;

/** Market observations as a time series; rows older than the retention are pruned on every write. */
export class SqliteMarketRepository implements MarketRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
    private readonly retentionDays = 7,
  ) {}

  record(playerSymbol: string, systemSymbol: string, observation: MarketObservation): void {
    if (observation.tradeGoods.length === 0) return;
    const { waypoint, observedAt } = observation;
    stageWrite(this.db, this.staging, `market:${playerSymbol}:${waypoint}:${observedAt}`, observation, () => {
      const insert = this.db.prepare(
        `INSERT INTO market_observations (player_symbol, system_symbol, waypoint_symbol, observed_at, good, type,
           supply, activity, trade_volume, purchase_price, sell_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const g of observation.tradeGoods)
        insert.run(
          playerSymbol,
          systemSymbol,
          waypoint,
          observedAt,
          g.symbol,
          g.type,
          g.supply,
          g.activity,
          g.tradeVolume,
          g.purchasePrice,
          g.sellPrice,
        );
      this.db
        .prepare('DELETE FROM market_observations WHERE player_symbol = ? AND observed_at < ?')
        .run(playerSymbol, observedAt - this.retentionDays * DAY_MS);
    });
    // Reads in the same unit of work see the newest read before it is flushed.
    const latest = latestKey(playerSymbol, waypoint);
    const staged = stagedValue<MarketObservation>(this.staging, latest);
    if (!staged || staged.value.observedAt <= observedAt) this.staging()?.stage(latest, observation, () => {});
  }

  latest(playerSymbol: string, waypointSymbol: string): MarketObservation | undefined {
    const staged = stagedValue<MarketObservation>(this.staging, latestKey(playerSymbol, waypointSymbol));
    if (staged) return staged.value;
    const rows = this.db
      .prepare<[string, string, string, string], GoodRow>(
        `SELECT observed_at, good, type, supply, activity, trade_volume, purchase_price, sell_price
         FROM market_observations WHERE player_symbol = ? AND waypoint_symbol = ? AND observed_at =
           (SELECT MAX(observed_at) FROM market_observations WHERE player_symbol = ? AND waypoint_symbol = ?)
         ORDER BY good`,
      )
      .all(playerSymbol, waypointSymbol, playerSymbol, waypointSymbol);
    if (rows.length === 0) return undefined;
    const tradeGoods = rows.map(toMarketGood);
    const ofType = (type: MarketGood['type']) => tradeGoods.filter((g) => g.type === type).map((g) => g.symbol);
    return {
      waypoint: waypointSymbol,
      observedAt: rows[0]!.observed_at,
      tradeGoods,
      imports: ofType('IMPORT'),
      exports: ofType('EXPORT'),
      exchange: ofType('EXCHANGE'),
    };
  }

  freshest(playerSymbol: string, systemSymbol: string): MarketFreshness[] {
    return this.db
      .prepare<[string, string], { waypoint: string; observedAt: number }>(
        `SELECT waypoint_symbol AS waypoint, MAX(observed_at) AS observedAt FROM market_observations
         WHERE player_symbol = ? AND system_symbol = ? GROUP BY waypoint_symbol ORDER BY waypoint_symbol`,
      )
      .all(playerSymbol, systemSymbol);
  }

  latestOfGood(playerSymbol: string, good: string, systemSymbol?: string): GoodObservation[] {
    const rows = this.db

      .prepare<[{ player: string; good: string; system: string | null }], HistoryRow>(
        `SELECT o.* FROM market_observations o
         JOIN (SELECT waypoint_symbol, MAX(observed_at) AS at FROM market_observations
               WHERE player_symbol = @player AND good = @good GROUP BY waypoint_symbol) latest
           ON o.waypoint_symbol = latest.waypoint_symbol AND o.observed_at = latest.at
         WHERE o.player_symbol = @player AND o.good = @good AND (@system IS NULL OR o.system_symbol = @system)
         ORDER BY o.waypoint_symbol`,
      )
      .all({ player: playerSymbol, good, system: systemSymbol ?? null });
    return rows.map(toGoodObservation);
  }

  historyOfGood(
    playerSymbol: string,
    good: string,
    filter: { waypoint?: string; system?: string; since?: number } = {},
  ): GoodObservation[] {
    // Served by the index on (player_symbol, good, observed_at).
    return this.db
      .prepare<
        [{ player: string; good: string; since: number; waypoint: string | null; system: string | null }],
        HistoryRow
      >(
        `SELECT * FROM market_observations
         WHERE player_symbol = @player AND good = @good AND observed_at >= @since
           AND (@waypoint IS NULL OR waypoint_symbol = @waypoint) AND (@system IS NULL OR system_symbol = @system)
         ORDER BY waypoint_symbol, observed_at, id`,
      )
      .all({
        player: playerSymbol,
        good,
        since: filter.since ?? 0,
        waypoint: filter.waypoint ?? null,
        system: filter.system ?? null,
      })
      .map(toGoodObservation);
  }

  clear(playerSymbol: string): void {
    stageWrite(this.db, this.staging, `markets:${playerSymbol}:clear`, null, () => {
      this.db.prepare('DELETE FROM market_observations WHERE player_symbol = ?').run(playerSymbol);
    });
  }
}

function latestKey(playerSymbol: string, waypointSymbol: string): string {
  return `market-latest:${playerSymbol}:${waypointSymbol}`;
}
