import { inject, injectable } from 'inversify';
import type { MarketObservation, MarketSnapshot } from '../../domain/market/market.js';
import type { Player } from '../../domain/player/player.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { systemOf } from '../ships/ship-symbol.js';

/**
 * Reads markets and keeps what they showed: a read with prices (one of the player's ships is there,
 * the server's own rule) is stored as an observation; a read without is the public listing only.
 */
@injectable()
export class Markets {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** The market now: an observation (stored) when it shows prices, else the public listing. */
  async read(
    player: Player,
    waypoint: string,
  ): Promise<{ observation: MarketObservation } | { listing: MarketSnapshot }> {
    const snapshot = await this.api.readMarket(player.token, systemOf(waypoint), waypoint);
    if (snapshot.tradeGoods.length === 0) return { listing: snapshot };
    const observation = { ...snapshot, observedAt: this.clock.now() };
    this.markets.record(player.agentSymbol, systemOf(waypoint), observation);
    return { observation };
  }

  latest(player: Player, waypoint: string): MarketObservation | undefined {
    return this.markets.latest(player.agentSymbol, waypoint);
  }
}
