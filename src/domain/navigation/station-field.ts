import type { Point } from './flight-mode.js';
import { FULL_TANK_TABLE_LIMIT, type TravelBounds } from './travel-bounds.js';

/**
 * Lower bounds over chains of refuel stops: a Dijkstra over the fuel stations whose edges are
 * `fullTank` segments (each stop refuels to full), seeded per station with a bound on its first
 * or last segment. Distances are symmetric, so the same field serves a destination (the time left
 * after a station) and an origin (the time to a station).
 */
export class StationField {
  /** Per station (by position in `stations`): the bound through the chain. */
  readonly value: Float64Array;
  /** Per station: the next station of its chain, or -1 when its seed was best. */
  readonly next: Int32Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;

  constructor(
    private readonly points: readonly Point[],
    readonly stations: readonly number[],
    seed: (station: number) => number,
    private readonly bounds: TravelBounds,
    private readonly refuelSeconds: number,
  ) {
    const count = stations.length;
    this.value = new Float64Array(count);
    this.next = new Int32Array(count).fill(-1);
    this.xs = Float64Array.from(stations, (b) => points[b]!.x);
    this.ys = Float64Array.from(stations, (b) => points[b]!.y);
    const done = new Uint8Array(count);
    const { value, next, xs, ys } = this;
    for (let k = 0; k < count; k++) value[k] = seed(stations[k]!);
    // Fill the full-tank table across the stations' extent once, then read it directly.
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    const extent = count > 1 ? Math.sqrt(width * width + height * height) : 0;
    bounds.fullTank(Math.min(extent, FULL_TANK_TABLE_LIMIT));
    const table = bounds.fullTankTable;
    // Dense graph: the O(stations²) array version of Dijkstra beats a heap here.
    for (let round = 0; round < count; round++) {
      let pick = -1;
      for (let k = 0; k < count; k++) if (!done[k] && (pick < 0 || value[k]! < value[pick]!)) pick = k;
      if (pick < 0 || value[pick] === Infinity) break;
      done[pick] = 1;
      const x = xs[pick]!;
      const y = ys[pick]!;
      const through = value[pick]! + refuelSeconds;
      for (let k = 0; k < count; k++) {
        if (done[k]) continue;
        const dx = xs[k]! - x;
        const dy = ys[k]! - y;
        const units = Math.floor(Math.sqrt(dx * dx + dy * dy));
        const candidate = (units < table.length ? table[units]! : bounds.fullTank(units)) + through;
        if (candidate < value[k]!) {
          value[k] = candidate;
          next[k] = pick;
        }
      }
    }
  }

  /** The least full-tank segment between waypoint i and a station, plus the refuel and its value. */
  through(i: number): number {
    const { stations, value, xs, ys, bounds } = this;
    const here = this.points[i]!;
    const table = bounds.fullTankTable;
    let best = Infinity;
    for (let k = 0; k < stations.length; k++) {
      let total = value[k]!;
      if (total >= best) continue;
      if (stations[k] !== i) {
        const dx = xs[k]! - here.x;
        const dy = ys[k]! - here.y;
        const d = Math.sqrt(dx * dx + dy * dy);
        const units = Math.floor(d);
        total += units < table.length ? table[units]! : bounds.fullTank(d);
      }
      if (total < best) best = total;
    }
    return best + this.refuelSeconds;
  }
}
