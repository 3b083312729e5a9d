import type { Next, PipelineBehavior } from '../../mediator/behavior.js';
import type { RequestContext } from '../../mediator/context.js';
import type { Request } from '../../mediator/request.js';
import { TokenResetError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import {
  DEFAULT_PLAYER_SETTING,
  type PlayerRepository,
  type SettingsRepository,
} from '../../ports/player-repository.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import type { SystemRepository } from '../../ports/system-repository.js';

/**
 * When the server says a player's token predates its last reset, every cached fact about that
 * universe is wrong: mark the token stale and empty the player's cached systems and market observations, then
 * let the error reach the player (it says how to re-register). Runs outside the failed command's
 * unit of work, so these writes stick even though the command's own are discarded.
 */
export class TokenResetBehavior implements PipelineBehavior {
  constructor(
    private readonly players: PlayerRepository,
    private readonly settings: SettingsRepository,
    private readonly systems: SystemRepository,
    private readonly clock: Clock,
    private readonly markets?: MarketRepository,
    private readonly shipyards?: ShipyardRepository,
    private readonly surveys?: SurveyRepository,
  ) {}

  handle(request: Request<unknown>, context: RequestContext, next: Next): Promise<unknown> {
    if (context.depth > 0) return next();
    return next().catch((error: unknown) => {
      if (error instanceof TokenResetError) this.markStale(request);
      throw error;
    });
  }

  private markStale(request: Request<unknown>): void {
    const named =
      (request as { player?: unknown; agentSymbol?: unknown }).player ??
      (request as { agentSymbol?: unknown }).agentSymbol;
    const symbol = typeof named === 'string' ? named.toUpperCase() : this.settings.get(DEFAULT_PLAYER_SETTING);
    const player = symbol ? this.players.find(symbol) : undefined;
    if (!player) return;
    player.markTokenStale(this.clock.now());
    this.players.save(player);
    this.systems.clear(player.agentSymbol);
    this.markets?.clear(player.agentSymbol);
    this.shipyards?.clear(player.agentSymbol);
    this.surveys?.clear(player.agentSymbol);
  }
}
