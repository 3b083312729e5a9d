import { inject, injectable } from 'inversify';
import { observationAgeSeconds } from '../../domain/market/market.js';
import { distance, travelSeconds } from '../../domain/navigation/flight-mode.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { GoodObservation, MarketRepository } from '../../ports/market-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireShipSymbol } from '../ships/ship-symbol.js';
import { requireGoodSymbol } from '../ships/trade-input.js';
import { SystemMap } from '../systems/system-map.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';

/** One market's last observed terms for the good; `distance`/`seconds` (CRUISE) only with --near and in the ship's system. */
interface FoundMarket {
  waypoint: string;
  supply: string;
  tradeVolume: number;
  observedAt: string;
  ageSeconds: number;
  distance?: number;
  seconds?: number;
}

/** What `market find` prints (the JSON keys are a contract): best first on each side. */
export interface GoodFinding {
  good: string;
  buy: Array<FoundMarket & { purchasePrice: number }>;
  sell: Array<FoundMarket & { sellPrice: number }>;
}

/** Where to buy a good cheapest and sell it dearest, from stored observations only. */
export class FindGood extends Query<GoodFinding> {
  readonly good: string;
  readonly system?: string;
  readonly near?: string;
  readonly player?: string;

  constructor(props: { good: string; system?: string; near?: string; player?: string }) {
    super();
    ({ good: this.good, system: this.system, near: this.near, player: this.player } = props);
  }

  override validate(): void {
    requireGoodSymbol(this.good);
    if (this.system !== undefined) requireSystemSymbol(this.system);
    if (this.near !== undefined) requireShipSymbol(this.near);
  }
}

@injectable()
export class FindGoodHandler implements RequestHandler<FindGood> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(SystemMap) private readonly systems: SystemMap,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: FindGood): Promise<GoodFinding> {
    const player = this.players.resolve(request.player);
    const good = request.good.toUpperCase();
    const found = this.markets.latestOfGood(player.agentSymbol, good, request.system?.toUpperCase());
    const now = this.clock.now();
    let travel: (o: GoodObservation) => { distance?: number; seconds?: number } = () => ({});
    if (request.near !== undefined && found.length > 0) {
      const ship = await this.api.getShip(player.token, request.near.toUpperCase());
      const system = await this.systems.load(player, ship.nav.systemSymbol);
      const points = new Map(system.waypoints.map((w) => [w.symbol, w]));
      const here = points.get(ship.location());
      travel = (o) => {
        const there = points.get(o.waypoint);
        if (!here || !there || o.system !== ship.nav.systemSymbol) return {};
        const d = distance(here, there);
        return { distance: Math.round(d), seconds: travelSeconds(d, 'CRUISE', ship.engineSpeed) };
      };
    }
    const base = (o: GoodObservation): FoundMarket => ({
      waypoint: o.waypoint,
      supply: o.good.supply,
      tradeVolume: o.good.tradeVolume,
      observedAt: new Date(o.observedAt).toISOString(),
      ageSeconds: observationAgeSeconds(o.observedAt, now),
      ...travel(o),
    });
    return {
      good,
      buy: found
        .map((o) => ({ ...base(o), purchasePrice: o.good.purchasePrice }))
        .sort((a, b) => a.purchasePrice - b.purchasePrice),
      sell: found.map((o) => ({ ...base(o), sellPrice: o.good.sellPrice })).sort((a, b) => b.sellPrice - a.sellPrice),
    };
  }
}
