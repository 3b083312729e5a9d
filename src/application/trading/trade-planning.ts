import { inject, injectable } from 'inversify';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { planTrades, type TradeRow } from '../../domain/trading/trade-planner.js';
import type { GoodQuote } from '../../domain/trading/trade-route.js';
import { TravelEstimator } from '../../domain/trading/travel-estimator.js';
import type { Clock } from '../../ports/clock.js';
import type { Config } from '../../ports/config.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { observedFuelPrice } from '../navigation/route-planning.js';
import { navWaypoints, SystemMap } from '../systems/system-map.js';

/** A plan and what it was made from. */
export interface TradePlan {
  ship: string;
  system: string;
  rows: TradeRow[];
  /** Markets with stored prices, and the routes the planner was asked for (the rest were ruled out by bounds). */
  markets: number;
  routesPlanned: number;
  /** Routes other traders hold, left out of the plan. */
  reserved: string[];
  millis: number;
}

/**
 * Everything a trade plan needs, gathered for the domain planner: the stored observations of every
 * market of the system, the cached map (one route planner for every pair), the ship, the fuel price
 * the markets show, and the routes other traders have reserved.
 */
@injectable()
export class TradePlanning {
  constructor(
    @inject(SystemMap) private readonly systems: SystemMap,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.ContainerStore) private readonly containers: ContainerStore,
    @inject(TOKENS.Config) private readonly config: Config,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async plan(
    player: Player,
    ship: Ship,
    options: { system?: string; limit?: number; credits?: number; holder?: string; chains?: boolean } = {},
  ): Promise<TradePlan> {
    const started = this.clock.now();
    const system = options.system ?? ship.nav.systemSymbol;
    const map = await this.systems.load(player, system);
    const quotes = this.quotes(player, system);
    const travel = new TravelEstimator(
      navWaypoints(map),
      { symbol: ship.symbol, engineSpeed: ship.engineSpeed, fuelCapacity: ship.fuel.capacity, canWarp: ship.canWarp },
      { fuelReserve: this.config.planner.fuelReserve, refuelSeconds: this.config.planner.refuelStopSeconds },
    );
    const reserved = this.reservedRoutes(options.holder);
    const rows = planTrades(
      quotes,
      {
        ...(ship.nav.systemSymbol === system ? { location: ship.location() } : {}),
        fuel: ship.fuel.current,
        fuelCapacity: ship.fuel.capacity,
        cargoCapacity: ship.cargoSpace,
      },
      travel,
      {
        now: this.clock.now(),
        fuelPrice: observedFuelPrice([map]) ?? this.config.planner.fuelPrice,
        reserved: new Set(reserved),
        ...(options.credits !== undefined ? { credits: options.credits } : {}),
        ...(options.limit !== undefined ? { limit: options.limit } : {}),
        ...(options.chains !== undefined ? { chains: options.chains } : {}),
      },
    );
    return {
      ship: ship.symbol,
      system,
      rows,
      markets: new Set(quotes.map((q) => q.waypoint)).size,
      routesPlanned: travel.planned,
      reserved,
      millis: this.clock.now() - started,
    };
  }

  /** Route keys held by containers other than `holder`. */
  reservedRoutes(holder?: string): string[] {
    return this.containers
      .claimed('route:')
      .filter((claim) => claim.holder !== holder)
      .map((claim) => claim.resource);
  }

  /** The latest stored observation of every good at every market of the system. */
  quotes(player: Player, system: string): GoodQuote[] {
    const quotes: GoodQuote[] = [];
    for (const { waypoint } of this.markets.freshest(player.agentSymbol, system)) {
      const observation = this.markets.latest(player.agentSymbol, waypoint);
      for (const good of observation?.tradeGoods ?? [])
        quotes.push({
          waypoint,
          good: good.symbol,
          purchasePrice: good.purchasePrice,
          sellPrice: good.sellPrice,
          tradeVolume: good.tradeVolume,
          observedAt: observation!.observedAt,
        });
    }
    return quotes;
  }
}
