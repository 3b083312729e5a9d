import type { Player, PlayerMetadata } from '../../domain/player/player.js';

/** What the application shows of a player: everything but the token. */
export interface PlayerView {
  agentSymbol: string;
  faction: string | null;
  headquarters: string | null;
  credits: number | null;
  accountRegistered: boolean;
  tokenStale: boolean;
  isDefault: boolean;
  metadata: PlayerMetadata;
  createdAt: string;
  lastActiveAt: string;
}

export function toPlayerView(player: Player, defaultSymbol: string | undefined): PlayerView {
  const state = player.snapshot();
  return {
    agentSymbol: state.agentSymbol,
    faction: state.faction,
    headquarters: state.headquarters,
    credits: state.credits,
    accountRegistered: state.accountRegistered,
    tokenStale: state.tokenStale,
    isDefault: state.agentSymbol === defaultSymbol,
    metadata: state.metadata,
    createdAt: new Date(state.createdAt).toISOString(),
    lastActiveAt: new Date(state.lastActiveAt).toISOString(),
  };
}
