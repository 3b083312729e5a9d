/** What one extraction brought: a number of units of one good. */
export interface Extraction {
  ship: string;
  good: string;
  units: number;
}

/** Waypoint types a mining laser works at (an asteroid base is a station, not a field). */
const MINABLE_TYPES = new Set(['ASTEROID', 'ASTEROID_FIELD', 'ENGINEERED_ASTEROID']);

export function isMinable(waypointType: string): boolean {
  return MINABLE_TYPES.has(waypointType);
}

export function hasMiningLaser(mounts: readonly string[]): boolean {
  return mounts.some((m) => m.startsWith('MOUNT_MINING_LASER'));
}

export function hasSurveyor(mounts: readonly string[]): boolean {
  return mounts.some((m) => m.startsWith('MOUNT_SURVEYOR'));
}
