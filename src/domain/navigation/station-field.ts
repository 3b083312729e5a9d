import type { Point } from './flight-mode.js';
import { FULL_TANK_TABLE_LIMIT, type TravelBounds } from './travel-bounds.js';

/**
 * Lower bounds over chains of refuel stops: a Dijkstra over the fuel stations whose edges are
 * `fullTank` segments (each stop refuels to full), seeded per station with a bound on its last
 * segment: the time left after a station, for a destination. (Distances are symmetric, so seeded
 * with first segments it would bound the time to a station from an origin as well.)
 */
export class StationField {
  /** Per station (by position in `stations`): the bound through the chain. */
  readonly value: Float64Array;
  /** Per station: the next station of its chain, or -1 when its seed was best. */
  readonly next: Int32Array;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** Stations of finite value, lowest value first. */
  private readonly byValue: Int32Array;
  /** In that order: their values, positions and waypoints (for the loops over them). */
  private readonly values: Float64Array;
  private readonly valueXs: Float64Array;
  private readonly valueYs: Float64Array;
  private readonly valueStations: Int32Array;
  /** For `throughOn`, per waypoint: where its frontier starts in the pools (-1: not yet), and its length. */
  private frontStart = new Int32Array(0);
  private frontLength = new Int32Array(0);
  private frontIds = new Int32Array(0);
  private frontDistances = new Float64Array(0);
  private frontUsed = 0;

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
    this.xs = new Float64Array(count);
    this.ys = new Float64Array(count);
    const done = new Uint8Array(count);
    const { value, next, xs, ys } = this;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let k = 0; k < count; k++) {
      const { x, y } = points[stations[k]!]!;
      xs[k] = x;
      ys[k] = y;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      value[k] = seed(stations[k]!);
    }
    // Fill the full-tank table across the stations' extent once, then read it directly.
    const extent = count > 1 ? Math.sqrt((maxX - minX) ** 2 + (maxY - minY) ** 2) : 0;
    bounds.fullTank(Math.min(extent, FULL_TANK_TABLE_LIMIT));
    const table = bounds.fullTankTable;
    // Dense graph: the O(stations²) array version of Dijkstra beats a heap here. The next station to
    // settle (the first of least value) is found while relaxing. A relaxed value always exceeds the
    // settled one (a segment takes time), so stations settle in order of value, ties by position:
    // that order is `byValue`.
    const order = new Int32Array(count);
    let settled = 0;
    let pick = -1;
    for (let k = 0; k < count; k++) if (pick < 0 || value[k]! < value[pick]!) pick = k;
    while (pick >= 0 && value[pick] !== Infinity) {
      done[pick] = 1;
      order[settled++] = pick;
      const x = xs[pick]!;
      const y = ys[pick]!;
      const through = value[pick]! + refuelSeconds;
      let following = -1;
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
        if (following < 0 || value[k]! < value[following]!) following = k;
      }
      pick = following;
    }
    this.byValue = order.subarray(0, settled);
    const reached = this.byValue.length;
    this.values = new Float64Array(reached);
    this.valueXs = new Float64Array(reached);
    this.valueYs = new Float64Array(reached);
    this.valueStations = new Int32Array(reached);
    for (let v = 0; v < reached; v++) {
      const k = this.byValue[v]!;
      this.values[v] = value[k]!;
      this.valueXs[v] = xs[k]!;
      this.valueYs[v] = ys[k]!;
      this.valueStations[v] = stations[k]!;
    }
  }

  /**
   * `through`, but the ship reaches its first station on `fuel` (usable) rather than a full tank;
   * only what beats `cap` matters (`cap` otherwise). A segment never gets shorter with distance, so
   * a station both farther from waypoint i and of no lower value than another is never the better
   * first stop, whatever the fuel: only the others (`frontier`) are tried.
   */
  throughOn(i: number, fuel: number, cap: number): number {
    const { value, bounds } = this;
    const table = bounds.fullTankTable;
    const first = this.frontier(i);
    const { frontIds, frontDistances } = this;
    const limit = cap - this.refuelSeconds;
    let best = limit;
    // Nearest first: on little fuel the near stations set the pace, and the full-tank sums then rule out most others.
    for (let f = first + this.frontLength[i]! - 1; f >= first; f--) {
      const k = frontIds[f]!;
      let total = value[k]!;
      if (total >= best) continue;
      if (this.stations[k] !== i) {
        const d = frontDistances[f]!;
        const units = Math.floor(d);
        // The full-tank table bounds the segment on any less fuel: skip what it already rules out.
        if (total + (units < table.length ? table[units]! : bounds.fullTank(d)) >= best) continue;
        total += bounds.segment(d, fuel);
      }
      if (total < best) best = total;
    }
    return best < limit ? best + this.refuelSeconds : cap;
  }

  /**
   * The stations no other beats on both distance from waypoint i and value, by value ascending, with
   * their distances: kept in shared pools from the returned offset, `frontLength[i]` of them.
   */
  private frontier(i: number): number {
    if (this.frontStart.length === 0) {
      // Only the destination's field is asked about fuel: the arrays come with the first question.
      this.frontStart = new Int32Array(this.points.length).fill(-1);
      this.frontLength = new Int32Array(this.points.length);
    }
    const known = this.frontStart[i]!;
    if (known >= 0) return known;
    const { valueXs, valueYs, byValue } = this;
    const here = this.points[i]!;
    const start = this.frontUsed;
    if (this.frontIds.length < start + byValue.length) {
      const size = 2 * (start + byValue.length);
      const ids = new Int32Array(size);
      ids.set(this.frontIds);
      const distances = new Float64Array(size);
      distances.set(this.frontDistances);
      this.frontIds = ids;
      this.frontDistances = distances;
    }
    let used = start;
    let nearest = Infinity;
    let nearestSquared = Infinity;
    const { x, y } = here;
    for (let v = 0; v < byValue.length; v++) {
      const dx = valueXs[v]! - x;
      const dy = valueYs[v]! - y;
      const squared = dx * dx + dy * dy;
      // The square root is monotone: only a station nearer by the square can be nearer.
      if (squared >= nearestSquared) continue;
      const d = Math.sqrt(squared);
      if (d < nearest) {
        this.frontIds[used] = byValue[v]!;
        this.frontDistances[used++] = d;
        nearest = d;
        nearestSquared = squared;
      }
    }
    this.frontStart[i] = start;
    this.frontLength[i] = used - start;
    this.frontUsed = used;
    return start;
  }

  /**
   * The least full-tank segment between waypoint i and a station, plus the refuel and its value;
   * only what beats `cap` matters (`cap` otherwise).
   */
  through(i: number, cap = Infinity): number {
    const { valueStations, values, valueXs, valueYs, bounds } = this;
    const { x, y } = this.points[i]!;
    const table = bounds.fullTankTable;
    const limit = cap - this.refuelSeconds;
    let best = limit;
    for (let v = 0; v < values.length; v++) {
      let total = values[v]!;
      // By value, lowest first: once a value cannot beat the best, no later one can.
      if (total >= best) break;
      if (valueStations[v] !== i) {
        const dx = valueXs[v]! - x;
        const dy = valueYs[v]! - y;
        const d = Math.sqrt(dx * dx + dy * dy);
        const units = Math.floor(d);
        total += units < table.length ? table[units]! : bounds.fullTank(d);
      }
      if (total < best) best = total;
    }
    return best < limit ? best + this.refuelSeconds : cap;
  }
}
