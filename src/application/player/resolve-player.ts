import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { normalizeAgentSymbol, type Player } from '../../domain/player.js';
import { DEFAULT_PLAYER_SETTING, type PlayerRepository, type SettingsRepository } from '../../ports/player-repository.js';

/** The named player, or the default one when no name is given; a clear error when neither exists. */
export function resolvePlayer(players: PlayerRepository, settings: SettingsRepository, agentSymbol: string | undefined): Player {
  const symbol = agentSymbol ? normalizeAgentSymbol(agentSymbol) : settings.get(DEFAULT_PLAYER_SETTING);
  if (!symbol) throw new ValidationError('no player given and no default player set: register one, or pick one with `spacetraders player use SYMBOL`');
  const player = players.find(symbol);
  if (!player) throw new NotFoundError(`unknown player ${symbol} (see: spacetraders player list)`);
  return player;
}
