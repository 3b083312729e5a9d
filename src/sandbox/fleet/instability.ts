import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { GameError } from '../world/errors.js';
import type { WaypointState } from '../world/world.js';

type S = components['schemas'];

/*
 * An asteroid mined too hard turns unstable. Known of the real server: each asteroid allows ~10 extractions
 * per minute before it risks instability (api-docs v2.1 notes, 2023-10); extract answers `modifiers` such
 * as UNSTABLE and CRITICAL_LIMIT; 4253 means the asteroid is destabilised (errs); players leave at
 * CRITICAL_LIMIT (FloWi). Thresholds and recovery are not published. The sandbox's model: a leaky bucket
 * per asteroid, one unit per extraction, draining at the sustainable rate.
 */
/** Extractions per minute an asteroid sustains: the bucket drains this fast (v2.1's "~10 per minute"). */
const SUSTAINABLE_EXTRACTIONS_PER_MINUTE = 10;
/** Above this many undrained extractions the asteroid is UNSTABLE (the sandbox's: one minute's worth). */
export const UNSTABLE_AT = 10;
/** Above this, CRITICAL_LIMIT (the sandbox's). */
export const CRITICAL_AT = 15;
/** At this, extraction is refused with 4253 until the bucket drains below it (the sandbox's: two minutes' worth). */
export const DESTABILISED_AT = 20;

const MINUTE_MS = 60_000;

const MODIFIERS: Record<'UNSTABLE' | 'CRITICAL_LIMIT', S['WaypointModifier']> = {
  UNSTABLE: {
    symbol: 'UNSTABLE',
    name: 'Unstable Composition',
    description: 'Extraction here is straining the asteroid; keep on and it will destabilise.',
  },
  CRITICAL_LIMIT: {
    symbol: 'CRITICAL_LIMIT',
    name: 'Critical Limit',
    description: 'The asteroid is near collapse: further extraction will be refused until it settles.',
  },
};

/** The undrained extractions at `now` (game ms), without changing the waypoint. */
export function strainAt(game: Game, waypoint: WaypointState, now: number): number {
  if (!waypoint.strain) return 0;
  const minutes = Math.max(0, now - waypoint.strain.updatedAt) / game.clock.scaled(MINUTE_MS);
  return Math.max(0, waypoint.strain.level - minutes * SUSTAINABLE_EXTRACTIONS_PER_MINUTE);
}

/** The modifiers a strain shows. */
export function modifiersFor(level: number): S['WaypointModifier'][] {
  if (level > CRITICAL_AT) return [{ ...MODIFIERS.CRITICAL_LIMIT }];
  if (level > UNSTABLE_AT) return [{ ...MODIFIERS.UNSTABLE }];
  return [];
}

/** 4253 when the asteroid is destabilised: an extraction there is refused (and does not add to the strain). */
export function mustBeStable(game: Game, waypoint: WaypointState): void {
  const level = strainAt(game, waypoint, game.clock.now());
  if (level >= DESTABILISED_AT)
    throw new GameError(400, 4253, `Waypoint ${waypoint.symbol} is destabilised by over-extraction; try again later.`, {
      waypointSymbol: waypoint.symbol,
      modifiers: modifiersFor(level).map((m) => m.symbol),
    });
}

/** Files one extraction at the asteroid; the modifiers it shows afterwards. */
export function strain(game: Game, waypoint: WaypointState): S['WaypointModifier'][] {
  const now = game.clock.now();
  const level = strainAt(game, waypoint, now) + 1;
  waypoint.strain = { level, updatedAt: now };
  return modifiersFor(level);
}
