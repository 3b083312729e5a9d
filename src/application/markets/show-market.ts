import { inject, injectable } from 'inversify';
import type { RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import { WaypointRead } from '../observations/waypoint-read.js';
import { Markets } from './markets.js';
import { toMarketView, type MarketView } from './market-view.js';

/**
 * A market's goods and prices: live when one of the player's ships is there (and that read is
 * stored), otherwise the last stored observation with its age, otherwise only what it trades.
 */
export class ShowMarket extends WaypointRead<MarketView> {}

@injectable()
export class ShowMarketHandler implements RequestHandler<ShowMarket> {
  constructor(
    @inject(Players) private readonly players: Players,
    @inject(Markets) private readonly markets: Markets,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: ShowMarket): Promise<MarketView> {
    const player = this.players.resolve(request.player);
    const waypoint = request.waypoint.toUpperCase();
    const { known, live } = await this.markets.best(player, waypoint);
    return toMarketView(known, live, this.clock.now());
  }
}
