import type { MarketSnapshot, MarketTrade } from '../../domain/market/market.js';
import type {
  AgentDto,
  MarketDto,
  MarketTransactionDto,
  ShipCargoDto,
  TradeResult,
} from '../../ports/spacetraders-api.js';
import { toShipCargo } from './ship-mapping.js';

/** A purchase or sale response as sent. */
export type RawTrade = { agent: AgentDto; cargo: ShipCargoDto; transaction: MarketTransactionDto };

/** A purchase or sale response in domain terms. */
export function toTradeResult(raw: RawTrade): TradeResult {
  return { agent: raw.agent, cargo: toShipCargo(raw.cargo), transaction: toMarketTrade(raw.transaction) };
}

/** The domain's view of a market as the API describes it (prices only when the API gave them). */
export function toMarketSnapshot(dto: MarketDto): MarketSnapshot {
  return {
    waypoint: dto.symbol,
    imports: dto.imports.map((good) => good.symbol),
    exports: dto.exports.map((good) => good.symbol),
    exchange: dto.exchange.map((good) => good.symbol),
    tradeGoods: (dto.tradeGoods ?? []).map((good) => ({
      symbol: good.symbol,
      type: good.type,
      supply: good.supply,
      activity: good.activity ?? null,
      tradeVolume: good.tradeVolume,
      purchasePrice: good.purchasePrice,
      sellPrice: good.sellPrice,
    })),
  };
}

/** The server's record of a purchase or sale, in domain terms. */
export function toMarketTrade(dto: MarketTransactionDto): MarketTrade {
  return {
    waypoint: dto.waypointSymbol,
    ship: dto.shipSymbol,
    good: dto.tradeSymbol,
    type: dto.type,
    units: dto.units,
    pricePerUnit: dto.pricePerUnit,
    totalPrice: dto.totalPrice,
    at: Date.parse(dto.timestamp),
  };
}
