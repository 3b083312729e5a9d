import { distance, travelSeconds, type FlightMode } from './flight-mode.js';
import type { RouteMap } from './route-map.js';

/**
 * Warps for a ship with a warp drive: a warp's time depends on the distance between the systems
 * alone, so the fastest mode's time over that distance bounds it whatever the fuel.
 */
export class WarpBounds {
  /** `between` by pair of systems, filled on first use (NaN until then). */
  private readonly known: Float64Array;
  private readonly count: number;
  private readonly orders: Array<Int32Array | undefined> = [];

  constructor(
    private readonly map: RouteMap,
    private readonly modes: readonly FlightMode[],
    private readonly engineSpeed: number,
  ) {
    this.count = map.systemPoints.length;
    this.known = new Float64Array(this.count * this.count).fill(Number.NaN);
  }

  /** The least time of one warp between systems a and b (Infinity when either has no position). */
  between(a: number, b: number): number {
    let best = this.known[a * this.count + b]!;
    if (Number.isNaN(best)) {
      best = Infinity;
      const from = this.map.systemPoints[a];
      const to = this.map.systemPoints[b];
      if (a !== b && from && to) {
        const d = distance(from, to);
        for (const mode of this.modes) best = Math.min(best, travelSeconds(d, mode, this.engineSpeed, 'warp'));
      }
      this.known[a * this.count + b] = best;
      this.known[b * this.count + a] = best;
    }
    return best;
  }

  /** The other systems with a position, nearest (by `between`) first. */
  byReach(a: number): Int32Array {
    let order = this.orders[a];
    if (!order) {
      const others: number[] = [];
      for (let b = 0; b < this.count; b++) if (this.between(a, b) < Infinity) others.push(b);
      others.sort((x, y) => this.between(a, x) - this.between(a, y));
      this.orders[a] = order = Int32Array.from(others);
    }
    return order;
  }

  /** The least time of a warp out of system a, to anywhere: leaving it and coming back costs at least this. */
  out(a: number): number {
    let best = Infinity;
    for (let b = 0; b < this.map.systemPoints.length; b++) best = Math.min(best, this.between(a, b));
    return best;
  }
}
