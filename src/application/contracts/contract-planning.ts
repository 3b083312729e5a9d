import { inject, injectable } from 'inversify';
import { type Contract, deliveryFor } from '../../domain/contracts/contract.js';
import {
  betterEvaluation,
  type ContractEvaluation,
  contractFlights,
  evaluateContract,
  type GoodsSource,
  type Leg,
} from '../../domain/contracts/evaluation.js';
import { canMine, estimateMiningSeconds, extractableGoods } from '../../domain/contracts/mining-estimate.js';
import { DomainRuleError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { goodIn } from '../../domain/market/market.js';
import type { Player } from '../../domain/player/player.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { RoutePlanning } from '../navigation/route-planning.js';
import { systemOf } from '../ships/ship-symbol.js';
import { SystemMap } from '../systems/system-map.js';

/** A good no known price is stored for, at markets that trade it: visit one to learn it. */
export class NoKnownPriceError extends DomainRuleError {
  constructor(
    readonly good: string,
    readonly markets: string[],
  ) {
    super(
      `no price of ${good} is known yet: the markets that trade it (${markets.join(', ')}) were never observed with a ship there — visit one (spacetraders market show WAYPOINT with a ship there) or let \`contract run\` read the nearest`,
      'NO_PRICE',
    );
  }
}

/**
 * Evaluates a contract for one ship: every market of the destination's system that trades the good,
 * at its latest stored price, and every asteroid there the ship can mine it at (mining time from the
 * ship's lasers and the good's share of the deposits);
 * travel time and fuel from the route planner. The best source by credits per hour wins.
 */
@injectable()
export class ContractPlanning {
  constructor(
    @inject(SystemMap) private readonly map: SystemMap,
    @inject(RoutePlanning) private readonly routes: RoutePlanning,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
  ) {}

  /** Markets of the delivery's system that list the good at all, whether or not a price is known. */
  async tradingMarkets(player: Player, good: string, system: string): Promise<string[]> {
    const map = await this.map.load(player, system);
    return map.markets
      .filter((m) => [...m.exports, ...m.imports, ...m.exchange].some((g) => g.symbol === good))
      .map((m) => m.symbol);
  }

  /** Of these waypoints of one system, the one nearest `from` as the crow flies. */
  async nearest(player: Player, from: string, candidates: readonly string[]): Promise<string> {
    const map = await this.map.load(player, systemOf(from));
    const at = (symbol: string) => map.waypoints.find((w) => w.symbol === symbol);
    const origin = at(from);
    const distance = (symbol: string) => {
      const w = at(symbol);
      return origin && w ? Math.hypot(w.x - origin.x, w.y - origin.y) : Number.POSITIVE_INFINITY;
    };
    return [...candidates].sort((a, b) => distance(a) - distance(b))[0]!;
  }

  async evaluate(player: Player, ship: Ship, contract: Contract): Promise<ContractEvaluation> {
    const delivery = deliveryFor(contract);
    const system = systemOf(delivery.destination);
    const sources = await this.sources(player, ship, delivery.good, system);
    const held = ship.unitsOf(delivery.good);
    let best: ContractEvaluation | undefined;
    for (const source of sources) {
      const trips = {
        contract,
        delivery,
        held,
        space: ship.cargo.capacity - (ship.cargo.units - held),
        source,
        location: ship.location(),
      };
      // Each flight from the tank the one before left (the navigator refuels only where a route needs it).
      const flights = contractFlights(trips);
      const legs: Leg[] = [];
      let fuel = ship.fuel.current;
      for (const { from, to } of flights) {
        const flown = await this.leg(player, ship, from, to, fuel);
        legs.push(flown);
        fuel = flown.fuelAfter;
      }
      const evaluation = evaluateContract({ ...trips, leg: () => legs.shift()! });
      best = best ? betterEvaluation(best, evaluation) : evaluation;
    }
    return best!;
  }

  /** Where the good can come from: markets with a known price, else asteroids the ship can mine it at. */
  private async sources(player: Player, ship: Ship, good: string, system: string): Promise<GoodsSource[]> {
    const trading = await this.tradingMarkets(player, good, system);
    const map = await this.map.load(player, system);
    const asteroids = map.waypoints.filter((w) => extractableGoods(w.traits.map((t) => t.symbol)).includes(good));
    const mined: GoodsSource[] = canMine(ship.mounts)
      ? asteroids.map((w) => ({
          kind: 'mine',
          waypoint: w.symbol,
          miningSeconds: (units: number) =>
            estimateMiningSeconds({ units, good, mounts: ship.mounts, traits: w.traits.map((t) => t.symbol) }),
        }))
      : [];
    if (trading.length > 0) {
      const priced: GoodsSource[] = [];
      for (const waypoint of trading) {
        const quote = this.latestQuote(player, waypoint, good);
        if (quote) priced.push({ kind: 'buy', waypoint, ...quote });
      }
      if (priced.length === 0) throw new NoKnownPriceError(good, trading);
      // Mining competes with buying: the evaluation keeps whichever earns more per hour.
      return [...priced, ...mined];
    }
    if (mined.length > 0) return mined;
    throw new DomainRuleError(
      `no market in ${system} trades ${good}${asteroids.length > 0 ? `, and ${ship.symbol} has no mining laser to extract it` : ', and no asteroid there is known to yield it'}`,
      'NO_SOURCE',
    );
  }

  /** The latest stored purchase price and trade volume of a good at a market, if one is stored. */
  latestQuote(
    player: Player,
    waypoint: string,
    good: string,
  ): { pricePerUnit: number; tradeVolume: number } | undefined {
    const observation = this.markets.latest(player.agentSymbol, waypoint);
    const found = observation ? goodIn(observation, good) : undefined;
    return found ? { pricePerUnit: found.purchasePrice, tradeVolume: found.tradeVolume } : undefined;
  }

  /** Travel from one waypoint to another with `fuel` in the tank, and the fuel left on arrival. */
  private async leg(
    player: Player,
    ship: Ship,
    from: string,
    to: string,
    fuel: number,
  ): Promise<Leg & { fuelAfter: number }> {
    if (from === to) return { seconds: 0, fuelCost: 0, fuelAfter: fuel };
    const start =
      from === ship.location() && fuel === ship.fuel.current
        ? ship
        : ship
            .withNav({ ...ship.nav, waypointSymbol: from, status: 'IN_ORBIT', departureTime: 0, arrival: 0 })
            .withFuel({ current: fuel, capacity: ship.fuel.capacity });
    const route = await this.routes.plan(player, start, to);
    return {
      seconds: route.totalSeconds,
      fuelCost: route.fuelCredits ?? 0,
      fuelAfter: route.legs.at(-1)?.fuelAfter ?? fuel,
    };
  }
}
