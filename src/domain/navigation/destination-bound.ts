import { distance, type Point } from './flight-mode.js';
import { StationField } from './station-field.js';
import type { TravelBounds } from './travel-bounds.js';

/**
 * The fuel-aware lower bound on the time left to reach a destination inside its system.
 *
 * A route from here either reaches the destination without refuelling — at least
 * `segment(distance, fuel)` — or refuels first at some station: at least a full-tank segment to it,
 * the refuel and the station's value in the backward `StationField`. The bound is the smaller of
 * the two, and never less than the direct path's.
 */
export class DestinationBound {
  /** Per waypoint: the direct path's bound, whatever the fuel. */
  readonly direct: Float64Array;
  readonly field: StationField;
  /** Per waypoint: the bound for any fuel the tank can hold; NaN until needed. */
  private readonly anyFuel: Float64Array;
  private readonly distanceToTarget: Float64Array;
  /**
   * Per waypoint: fuel known to be enough for the bound to be the floor (Infinity until known). The
   * bound never grows with more fuel, and never falls below the floor, so any more fuel is enough too.
   */
  private readonly enough: Float64Array;

  constructor(
    points: readonly Point[],
    /** Waypoints of the destination's system (indexes into points). */
    members: readonly number[],
    stations: readonly number[],
    private readonly target: number,
    private readonly bounds: TravelBounds,
    private readonly usable: number,
    refuelSeconds: number,
  ) {
    const n = points.length;
    this.direct = new Float64Array(n);
    this.distanceToTarget = new Float64Array(n);
    for (const i of members) {
      const d = distance(points[i]!, points[target]!);
      this.distanceToTarget[i] = d;
      this.direct[i] = i === target ? 0 : bounds.path(d);
    }
    this.field = new StationField(
      points,
      stations.filter((i) => i !== target),
      (b) => bounds.fullTank(this.distanceToTarget[b]!),
      bounds,
      refuelSeconds,
    );
    this.anyFuel = new Float64Array(n).fill(Number.NaN);
    this.enough = new Float64Array(n).fill(Infinity);
  }

  /**
   * Lower bound on the seconds left from waypoint i (in the destination's system), whatever its
   * fuel. Only a bound under `limit` needs to be exact (and only exact ones are kept).
   */
  floor(i: number, limit = Infinity): number {
    let known = this.anyFuel[i]!;
    if (Number.isNaN(known)) {
      if (i === this.target) known = 0;
      else {
        // Straight there on a full tank, or refuel somewhere first: only a station that beats the former matters.
        const straight = this.bounds.fullTank(this.distanceToTarget[i]!);
        const direct = this.direct[i]!;
        if (straight <= direct) known = direct;
        else {
          const via = this.field.through(i, Math.min(straight, limit));
          if (via >= limit && limit < straight) return Math.max(direct, via);
          known = Math.max(direct, via);
        }
      }
      this.anyFuel[i] = known;
    }
    return known;
  }

  /**
   * Lower bound on the seconds left from waypoint i (in the destination's system) with `fuel` usable:
   * straight there on that fuel, or to a first station on it (see `StationField.throughOn`). Only a
   * bound under `limit` needs to be exact; at or above it, any lower bound will do.
   */
  at(i: number, fuel: number, limit = Infinity): number {
    const floor = this.floor(i);
    if (i === this.target || fuel >= this.usable || fuel >= this.enough[i]!) return floor;
    const direct = this.bounds.segment(this.distanceToTarget[i]!, fuel);
    if (direct <= floor) {
      this.enough[i] = fuel;
      return floor;
    }
    const cap = Math.min(direct, limit);
    if (cap <= floor) return floor;
    const bound = Math.max(floor, Math.min(direct, this.field.throughOn(i, fuel, cap)));
    // Under the cap the answer is exact: the floor itself, then, for this fuel and any more.
    if (bound === floor) this.enough[i] = fuel;
    return bound;
  }
}
