import { inject, injectable } from 'inversify';
import { domainEvent } from '../../domain/events.js';
import { normalizeAgentSymbol } from '../../domain/player.js';
import { currentUnitOfWork } from '../../mediator/context.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import { DEFAULT_PLAYER_SETTING, type PlayerRepository, type SettingsRepository } from '../../ports/player-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { toPlayerView, type PlayerView } from './player-view.js';
import { resolvePlayer } from './resolve-player.js';

/** Makes a player the one later commands act for when no --player is given. */
export class SetDefaultPlayer extends Command<PlayerView> {
  readonly agentSymbol: string;

  constructor(props: { agentSymbol: string }) {
    super();
    this.agentSymbol = props.agentSymbol;
  }

  override validate(): void {
    normalizeAgentSymbol(this.agentSymbol);
  }
}

@injectable()
export class SetDefaultPlayerHandler implements RequestHandler<SetDefaultPlayer> {
  constructor(
    @inject(TOKENS.PlayerRepository) private readonly players: PlayerRepository,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async handle(request: SetDefaultPlayer): Promise<PlayerView> {
    const player = resolvePlayer(this.players, this.settings, request.agentSymbol);
    this.settings.set(DEFAULT_PLAYER_SETTING, player.agentSymbol);
    currentUnitOfWork()?.record(domainEvent('DefaultPlayerChanged', { agentSymbol: player.agentSymbol }, this.clock.now()));
    return toPlayerView(player, player.agentSymbol);
  }
}
