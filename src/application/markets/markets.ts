import { inject, injectable } from 'inversify';
import type { MarketObservation, MarketSnapshot } from '../../domain/market/market.js';
import type { Clock } from '../../ports/clock.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import { TOKENS } from '../../ports/tokens.js';
import { ObservationReader } from '../observations/observation-reader.js';
import { systemOf } from '../ships/ship-symbol.js';

/**
 * Reads markets and keeps what they showed: a read with prices (one of the player's ships is there,
 * the server's own rule) is stored as an observation; a read without is the public listing only.
 */
@injectable()
export class Markets extends ObservationReader<MarketSnapshot, MarketObservation> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) api: SpaceTradersApi,
    @inject(TOKENS.MarketRepository) markets: MarketRepository,
    @inject(TOKENS.Clock) clock: Clock,
  ) {
    super(
      {
        fetch: (player, waypoint) => api.readMarket(player.token, systemOf(waypoint), waypoint),
        hasPrices: (snapshot) => snapshot.tradeGoods.length > 0,
        record: (player, system, observation) => markets.record(player.agentSymbol, system, observation),
        latest: (player, waypoint) => markets.latest(player.agentSymbol, waypoint),
      },
      clock,
    );
  }
}
