import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import type { MiningSite } from './mining-site.js';

/** What a mining run hands the step that empties a full hold. */
export interface UnloadContext {
  player: Player;
  ship: Ship;
  site: MiningSite;
  /** Goods never jettisoned (--keep). */
  keep: readonly string[];
  /** The asteroid the run mines. */
  asteroid?: string;
  /** How long the ship's last extraction cooldown lasted, in real ms (a hauler's wait is bounded by it). */
  cooldownMs?: number;
}

/** What the step did: the ship as it left it, and what it earned. */
export interface UnloadResult {
  ship: Ship;
  unitsSold: number;
  credits: number;
  /** Units handed to a hauler (`--hauler`): they earn nothing for this ship. */
  unitsTransferred?: number;
  /** True when the run's job is done (a delivered contract is fulfilled): the run stops. */
  finished?: boolean;
}

/**
 * What to do with a full hold: sell it (SellHold, `--sell best|nearest`), deliver it to a contract
 * and sell the rest (DeliverHold, `--deliver CONTRACT`), or hand it to a hauler and fall back to one of
 * those (HandToHauler, `--hauler H`), chosen in MineRunHandler.unloaderFor.
 * An unloader must be resumable: it works from the hold as the server shows it, never from memory.
 */
export interface HoldUnloader {
  unload(context: UnloadContext): Promise<UnloadResult>;
}
