import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { normalizeAgentSymbol, type Player } from '../../domain/player/player.js';
import {
  DEFAULT_PLAYER_SETTING,
  type PlayerRepository,
  type SettingsRepository,
} from '../../ports/player-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { toPlayerView, type PlayerView } from './player-view.js';

/** The players this bot knows and which one is the default: what every use case acting for a player needs. */
@injectable()
export class Players {
  constructor(
    @inject(TOKENS.PlayerRepository) private readonly repository: PlayerRepository,
    @inject(TOKENS.SettingsRepository) private readonly settings: SettingsRepository,
  ) {}

  /** The named player, or the default one when no name is given; a clear error when neither exists. */
  resolve(agentSymbol: string | undefined): Player {
    const symbol = agentSymbol ? normalizeAgentSymbol(agentSymbol) : this.defaultSymbol();
    if (!symbol)
      throw new ValidationError(
        'no player given and no default player set: register one, or pick one with `spacetraders player use SYMBOL`',
      );
    const player = this.repository.find(symbol);
    if (!player) throw new NotFoundError(`unknown player ${symbol} (see: spacetraders player list)`);
    return player;
  }

  find(agentSymbol: string): Player | undefined {
    return this.repository.find(agentSymbol);
  }

  list(): Player[] {
    return this.repository.list();
  }

  save(player: Player): void {
    this.repository.save(player);
  }

  defaultSymbol(): string | undefined {
    return this.settings.get(DEFAULT_PLAYER_SETTING);
  }

  setDefault(agentSymbol: string): void {
    this.settings.set(DEFAULT_PLAYER_SETTING, agentSymbol);
  }

  view(player: Player): PlayerView {
    return toPlayerView(player, this.defaultSymbol());
  }
}
