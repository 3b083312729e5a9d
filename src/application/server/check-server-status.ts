import { inject, injectable } from 'inversify';
import type { Config } from '../../ports/config.js';
import { domainEvent } from '../../domain/events.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { MarketRepository } from '../../ports/market-repository.js';
import type { ShipyardRepository } from '../../ports/shipyard-repository.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import type { SystemRepository } from '../../ports/system-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { Players } from '../player/players.js';
import type { SettingsRepository } from '../../ports/player-repository.js';

export interface ServerStatusView {
  status: string;
  version: string;
  resetDate: string;
  nextReset: string;
  resetFrequency: string;
  /** True when the reset date changed since the last check: every player's token was marked stale. */
  resetDetected: boolean;
  stalePlayers: string[];
}

/**
 * Reads the server's status and notices a reset: when `resetDate` differs from the one seen last
 * time, every player's token is from the old universe — mark them stale and forget the cached maps.
 */
export class CheckServerStatus extends Command<ServerStatusView> {
  constructor(_props: Record<string, never> = {}) {
    super();
  }
}

@injectable()
export class CheckServerStatusHandler implements RequestHandler<CheckServerStatus> {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(Players) private readonly players: Players,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
    @inject(TOKENS.SystemRepository) private readonly systems: SystemRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Config) private readonly config: Config,
    @inject(TOKENS.MarketRepository) private readonly markets: MarketRepository,
    @inject(TOKENS.ShipyardRepository) private readonly shipyards: ShipyardRepository,
    @inject(TOKENS.SurveyRepository) private readonly surveys: SurveyRepository,
  ) {}

  async handle(): Promise<ServerStatusView> {
    const status = await this.api.getStatus();
    const key = `reset_date:${this.config.apiUrl}`;
    const known = this.settings.get(key);
    const resetDetected = known !== undefined && known !== status.resetDate;
    const stalePlayers: string[] = [];
    if (resetDetected) {
      for (const player of this.players.list()) {
        player.markTokenStale(this.clock.now());
        this.players.save(player);
        this.systems.clear(player.agentSymbol);
        this.markets.clear(player.agentSymbol);
        this.shipyards.clear(player.agentSymbol);
        this.surveys.clear(player.agentSymbol);
        stalePlayers.push(player.agentSymbol);
      }
      currentUnitOfWork()?.record(
        domainEvent('ServerReset', { previous: known, resetDate: status.resetDate, stalePlayers }, this.clock.now()),
      );
    }
    this.settings.set(key, status.resetDate);
    return {
      status: status.status,
      version: status.version,
      resetDate: status.resetDate,
      nextReset: status.serverResets.next,
      resetFrequency: status.serverResets.frequency,
      resetDetected,
      stalePlayers,
    };
  }
}
