import type { Point } from './flight-mode.js';
import { MIN_JUMP_COOLDOWN, type TravelBounds } from './travel-bounds.js';

/**
 * The mirror image for the start of a trip inside one system: a lower bound on the time to get
 * from the ship's position to any waypoint, whatever its fuel — the straight line, or leaving
 * through a gate (to refuel elsewhere) and coming back: two jumps, the first one's cooldown waited
 * out; or, with a warp drive, at least one warp. (A fuel-aware bound from the start, through the
 * stations, ruled out few waypoints the search's own checks do not, and cost more than it saved.)
 */
export class OriginBound {
  /** Leaving through a gate and coming back; Infinity without gates. */
  private readonly viaGates: number;
  /** Leaving by warp and coming back; Infinity without a warp drive. */
  private readonly viaWarp: number;

  constructor(
    private readonly points: readonly Point[],
    private readonly gates: readonly number[],
    private readonly start: number,
    private readonly bounds: TravelBounds,
    /** Leaving the system by warp and coming back: at least this (Infinity without a warp drive). */
    viaWarp = Infinity,
  ) {
    this.viaGates =
      gates.length === 0 ? Infinity : Math.min(...gates.map((g) => this.travel(start, g))) + MIN_JUMP_COOLDOWN;
    this.viaWarp = viaWarp;
  }

  private travel(i: number, j: number): number {
    return this.bounds.pathBetween(this.points, i, j);
  }

  /** The bound from the start to waypoint i: the straight line (or gates, or a warp). */
  straight(i: number): number {
    let best = Math.min(this.travel(this.start, i), this.viaWarp);
    if (this.viaGates < best) for (const g of this.gates) best = Math.min(best, this.viaGates + this.travel(g, i));
    return best;
  }
}
