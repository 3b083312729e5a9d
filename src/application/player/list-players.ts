import { inject, injectable } from 'inversify';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { DEFAULT_PLAYER_SETTING, type PlayerRepository, type SettingsRepository } from '../../ports/player-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { toPlayerView, type PlayerView } from './player-view.js';

/** Every player this bot knows, oldest first. */
export class ListPlayers extends Query<PlayerView[]> {
  constructor(_props: Record<string, never> = {}) {
    super();
  }
}

@injectable()
export class ListPlayersHandler implements RequestHandler<ListPlayers> {
  constructor(
    @inject(TOKENS.PlayerRepository) private readonly players: PlayerRepository,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  async handle(): Promise<PlayerView[]> {
    const defaultSymbol = this.settings.get(DEFAULT_PLAYER_SETTING);
    return this.players.list().map((player) => toPlayerView(player, defaultSymbol));
  }
}
