import { inject, injectable } from 'inversify';
import { observationAgeSeconds } from '../../domain/market/market.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { SystemMap } from '../systems/system-map.js';
import { requireSystemSymbol } from '../systems/system-symbol.js';

/** One marketplace of a system and how fresh the player's knowledge of its prices is. */
export interface MarketListEntry {
  waypoint: string;
  /** ISO time of the freshest stored observation; null when never observed. */
  observedAt: string | null;
  ageSeconds: number | null;
  /** What it trades (imports, exports and exchange). */
  goods: string[];
}

/** Every marketplace of a system (from the player's map of it) with the age of its freshest observation. */
export class ListMarkets extends Query<MarketListEntry[]> {
  readonly system: string;
  readonly player?: string;

  constructor(props: { system: string; player?: string }) {
    super();
    this.system = props.system;
    this.player = props.player;
  }

  override validate(): void {
    requireSystemSymbol(this.system);
  }
}

@injectable()
export class ListMarketsHandler implements RequestHandler<ListMarkets> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(SystemMap) private readonly systems: SystemMap,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ListMarkets): Promise<MarketListEntry[]> {
    const player = this.players.resolve(request.player);
    const systemSymbol = request.system.toUpperCase();
    const system = await this.systems.load(player, systemSymbol);
    const freshest = new Map(
      this.markets.freshest(player.agentSymbol, systemSymbol).map((m) => [m.waypoint, m.observedAt]),
    );
    const now = this.clock.now();
    return system.markets
      .map((market) => {
        const observedAt = freshest.get(market.symbol);
        return {
          waypoint: market.symbol,
          observedAt: observedAt === undefined ? null : new Date(observedAt).toISOString(),
          ageSeconds: observedAt === undefined ? null : observationAgeSeconds(observedAt, now),
          goods: [...market.imports, ...market.exports, ...market.exchange].map((g) => g.symbol).sort(),
        };
      })
      .sort((a, b) => a.waypoint.localeCompare(b.waypoint));
  }
}
