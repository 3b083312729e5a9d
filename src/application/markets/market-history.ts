import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import type { MarketGood } from '../../domain/market/market.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { requireWaypointSymbol } from '../ships/ship-symbol.js';
import { requireGoodSymbol } from '../ships/trade-input.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';

/** One stored read of the good at one market. */
interface HistoryPoint {
  /** ISO time of the read. */
  at: string;
  purchasePrice: number;
  sellPrice: number;
  supply: MarketGood['supply'];
  activity: MarketGood['activity'];
  tradeVolume: number;
}

/** What `market history` prints (the JSON keys are a contract): markets by symbol, points oldest first. */
export interface MarketHistory {
  good: string;
  markets: Array<{ waypoint: string; points: HistoryPoint[] }>;
}

/** A good's stored prices over time, per market: from observations only, no API call. */
export class GetMarketHistory extends Query<MarketHistory> {
  readonly good: string;
  readonly at?: string;
  readonly system?: string;
  /** Only the last this many seconds (all that is kept when absent). */
  readonly sinceSeconds?: number;
  readonly player?: string;

  constructor(props: { good: string; at?: string; system?: string; sinceSeconds?: number; player?: string }) {
    super();
    ({ good: this.good, at: this.at, system: this.system, player: this.player } = props);
    if (props.sinceSeconds !== undefined) this.sinceSeconds = props.sinceSeconds;
  }

  override validate(): void {
    requireGoodSymbol(this.good);
    if (this.at !== undefined) requireWaypointSymbol(this.at);
    if (this.system !== undefined) requireSystemSymbol(this.system);
    if (this.sinceSeconds !== undefined && !(Number.isInteger(this.sinceSeconds) && this.sinceSeconds > 0))
      throw new ValidationError('--since must be a positive duration such as 30m, 12h or 7d');
  }
}

@injectable()
export class GetMarketHistoryHandler implements RequestHandler<GetMarketHistory> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.MarketRepository) private readonly observations: MarketRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: GetMarketHistory): Promise<MarketHistory> {
    const player = this.players.resolve(request.player);
    const good = request.good.toUpperCase();
    const rows = this.observations.historyOfGood(player.agentSymbol, good, {
      ...(request.at === undefined ? {} : { waypoint: request.at.toUpperCase() }),
      ...(request.system === undefined ? {} : { system: request.system.toUpperCase() }),
      ...(request.sinceSeconds === undefined ? {} : { since: this.clock.now() - request.sinceSeconds * 1000 }),
    });
    const markets = new Map<string, HistoryPoint[]>();
    for (const row of rows) {
      const points = markets.get(row.waypoint) ?? markets.set(row.waypoint, []).get(row.waypoint)!;
      points.push({
        at: new Date(row.observedAt).toISOString(),
        purchasePrice: row.good.purchasePrice,
        sellPrice: row.good.sellPrice,
        supply: row.good.supply,
        activity: row.good.activity,
        tradeVolume: row.good.tradeVolume,
      });
    }
    return { good, markets: [...markets].map(([waypoint, points]) => ({ waypoint, points })) };
  }
}
