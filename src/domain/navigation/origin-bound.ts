import { distance, type Point } from './flight-mode.js';
import { StationField } from './station-field.js';
import { MIN_JUMP_COOLDOWN, type TravelBounds } from './travel-bounds.js';

/**
 * The mirror image for the start of a trip inside one system: a lower bound on the time to get
 * from the ship's position and fuel to any waypoint — on the fuel in the tank without refuelling,
 * through stations reached first on that fuel (the forward `StationField`), or by leaving through
 * a gate (to refuel elsewhere) and coming back: two jumps, the first one's cooldown waited out; or,
 * with a warp drive, at least one warp.
 */
export class OriginBound {
  /** The forward field and the exact bounds kept: built on the first `to` (the search's corridor needs only `straight`). */
  private field: StationField | undefined;
  private known = new Float64Array(0);

  /** Leaving through a gate and coming back; Infinity without gates. */
  private readonly viaGates: number;
  /** Leaving by warp and coming back; Infinity without a warp drive. */
  private readonly viaWarp: number;

  constructor(
    private readonly points: readonly Point[],
    private readonly stations: readonly number[],
    private readonly gates: readonly number[],
    private readonly start: number,
    /** Fuel in the tank less the reserve. */
    private readonly fuel: number,
    private readonly bounds: TravelBounds,
    private readonly refuelSeconds: number,
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

  /** The cheap bound from the start to waypoint i, whatever the fuel: the straight line (or gates, or a warp). */
  straight(i: number): number {
    let best = Math.min(this.travel(this.start, i), this.viaWarp);
    if (this.viaGates < best) for (const g of this.gates) best = Math.min(best, this.viaGates + this.travel(g, i));
    return best;
  }

  /** Lower bound on the seconds from the start to waypoint i; exact only under `limit` (and only exact ones are kept). */
  to(i: number, limit = Infinity): number {
    if (!this.field) {
      const { points, start, bounds, fuel } = this;
      this.field = new StationField(
        points,
        this.stations,
        (b) => (b === start ? 0 : bounds.segment(distance(points[start]!, points[b]!), fuel)),
        bounds,
        this.refuelSeconds,
      );
      this.known = new Float64Array(points.length).fill(Number.NaN);
    }
    let known = this.known[i]!;
    if (Number.isNaN(known)) {
      const d = distance(this.points[this.start]!, this.points[i]!);
      let exact = true;
      if (i === this.start) known = 0;
      else {
        // Straight there on the fuel in the tank, or through stations: only a chain that beats the former matters.
        const path = this.bounds.path(d);
        const straight = this.bounds.segment(d, this.fuel);
        let via = path;
        if (straight > path) {
          via = this.field.through(i, Math.min(straight, limit));
          exact = via < limit || straight <= limit;
        }
        known = Math.min(this.viaWarp, Math.max(path, via));
      }
      if (this.viaGates < known) for (const g of this.gates) known = Math.min(known, this.viaGates + this.travel(g, i));
      if (exact) this.known[i] = known;
    }
    return known;
  }
}
