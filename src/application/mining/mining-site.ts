import { inject, injectable } from 'inversify';
import type { PriceOf } from '../../domain/mining/survey.js';
import type { UnitWorth } from '../../domain/mining/jettison.js';
import type { Player } from '../../domain/player/player.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { WaypointDto } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { SystemMap } from '../systems/system-map.js';

/** What a mining decision knows of a system: its waypoints, who buys what, and the best prices seen. */
export interface MiningSite {
  system: string;
  waypoints: ReadonlyMap<string, WaypointDto>;
  /** The goods each marketplace trades (imports, exports, exchange), from the public listings. */
  buyers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Best sell price observed anywhere in the system (undefined when never observed). */
  bestPrice: PriceOf;
  /**
   * What a unit is expected to fetch, for choosing surveys and asteroids: its best observed price; a good
   * a market trades at a price never observed counts UNOBSERVED_PRICE; a good nobody trades counts 0.
   */
  value: PriceOf;
  /** The sell price last observed at one market. */
  priceAt: (waypoint: string, good: string) => number | undefined;
  /** A unit's worth for the jettison rule: its best price; 0 when no market of the system trades it; else unknown. */
  worth: UnitWorth;
}

/** Worth more than a good nobody buys, less than any observed price (ours). */
const UNOBSERVED_PRICE = 1;

/** Builds a MiningSite from the cached system map and the stored market observations (no price is guessed). */
@injectable()
export class MiningSites {
  constructor(
    @inject(SystemMap) private readonly map: SystemMap,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
  ) {}

  async load(player: Player, systemSymbol: string): Promise<MiningSite> {
    const system = await this.map.load(player, systemSymbol);
    const waypoints = new Map(system.waypoints.map((w) => [w.symbol, w]));
    const buyers = new Map(
      system.markets.map((m) => [
        m.symbol,
        new Set([...m.imports, ...m.exports, ...m.exchange].map((g) => g.symbol as string)),
      ]),
    );
    const observed = new Map<string, Map<string, number>>();
    const lookup = (good: string) => {
      let byMarket = observed.get(good);
      if (!byMarket) {
        byMarket = new Map(
          this.markets
            .latestOfGood(player.agentSymbol, good, systemSymbol)
            .map((o) => [o.waypoint, o.good.sellPrice] as const),
        );
        observed.set(good, byMarket);
      }
      return byMarket;
    };
    const bestPrice: PriceOf = (good) => {
      const prices = [...lookup(good).values()];
      return prices.length > 0 ? Math.max(...prices) : undefined;
    };
    const tradedAnywhere = (good: string) => [...buyers.values()].some((goods) => goods.has(good));
    return {
      system: systemSymbol,
      waypoints,
      buyers,
      bestPrice,
      value: (good) => bestPrice(good) ?? (tradedAnywhere(good) ? UNOBSERVED_PRICE : 0),
      priceAt: (waypoint, good) => lookup(good).get(waypoint),
      worth: (good) => bestPrice(good) ?? (tradedAnywhere(good) ? undefined : 0),
    };
  }
}
