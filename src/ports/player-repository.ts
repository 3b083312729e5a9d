import type { Player } from '../domain/player/player.js';

export interface PlayerRepository {
  find(agentSymbol: string): Player | undefined;
  list(): Player[];
  save(player: Player): void;
}

/** Small key/value settings such as the default player. */
export interface SettingsRepository {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export const DEFAULT_PLAYER_SETTING = 'default_player';
