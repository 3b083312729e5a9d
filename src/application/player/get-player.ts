import { inject, injectable } from 'inversify';
import { normalizeAgentSymbol } from '../../domain/player.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import { DEFAULT_PLAYER_SETTING, type PlayerRepository, type SettingsRepository } from '../../ports/player-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { toPlayerView, type PlayerView } from './player-view.js';
import { resolvePlayer } from './resolve-player.js';

/** One player, by symbol or the default. */
export class GetPlayer extends Query<PlayerView> {
  readonly agentSymbol?: string;

  constructor(props: { agentSymbol?: string } = {}) {
    super();
    this.agentSymbol = props.agentSymbol;
  }

  override validate(): void {
    if (this.agentSymbol !== undefined) normalizeAgentSymbol(this.agentSymbol);
  }
}

@injectable()
export class GetPlayerHandler implements RequestHandler<GetPlayer> {
  constructor(
    @inject(TOKENS.PlayerRepository) private readonly players: PlayerRepository,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  async handle(request: GetPlayer): Promise<PlayerView> {
    const player = resolvePlayer(this.players, this.settings, request.agentSymbol);
    return toPlayerView(player, this.settings.get(DEFAULT_PLAYER_SETTING));
  }
}
