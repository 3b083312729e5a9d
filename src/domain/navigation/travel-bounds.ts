import {
  distance,
  FUEL_PER_UNIT,
  jumpCooldownSeconds,
  LEG_OVERHEAD_SECONDS,
  NAVIGATE_MULTIPLIER,
  type FlightMode,
  type Point,
} from './flight-mode.js';

/** The shortest cooldown a jump can start (between systems at the same position). */
export const MIN_JUMP_COOLDOWN = jumpCooldownSeconds(0);

/** Whole units of distance the full-tank table may cover (systems span about 1,600). */
export const FULL_TANK_TABLE_LIMIT = 20_000;

/** The least a leg's overhead can be once its time is rounded to whole seconds: 14.5 s. */
const LEG_FLOOR = LEG_OVERHEAD_SECONDS - 0.5;

/**
 * Lower bounds on travel time that never overestimate, for guiding and pruning the route search.
 *
 * A leg of distance d takes round(max(1, round(d)) × k / speed + 15) seconds, so at least
 * max(1, d − ½) × k / speed + 14.5, and costs at least (fuel per unit) × max(1, d − ½) fuel (a DRIFT
 * leg costs 1). Over several legs the straight line bounds the distance (triangle inequality), less
 * ½ per leg for rounding. Every bound below relaxes the real problem in those terms only: the
 * per-leg overhead, the rounding slack and the fuel the tank can hold. A stretch flown as one leg
 * is priced exactly instead (its length is the straight line, and one leg flies one mode), so a
 * mix of modes costs at least a second leg's overhead.
 */
export class TravelBounds {
  private readonly rates: ReadonlyArray<{ seconds: number; fuel: number; multiplier: number }>;
  /** The rates again, in typed arrays for the hot loops: seconds per unit, fuel per unit, multiplier. */
  private readonly rateSeconds: Float64Array;
  private readonly rateFuel: Float64Array;
  private readonly rateMultiplier: Float64Array;
  /** The mode of fewest seconds per unit, by index. */
  private readonly quickest: number;
  /**
   * True when one leg in the quickest mode always beats two or more legs: L ≥ 2 legs over d take at
   * least τ(d − L/2) + 14.5 L ≥ τd + 29 − τ seconds (τ: the quickest seconds per unit), one quickest leg
   * at most τ(d + ½) + 15.5; so whenever τ < 9 (here ≤ 8, to spare rounding).
   */
  private readonly quickestWins: boolean;
  /** The pairs of modes `cover` mixes (a thirstier than b), by index. */
  private readonly thirsty: Int32Array;
  private readonly frugal: Int32Array;
  private readonly fastest: number;
  /** Fuel-per-unit values at which the cheapest affordable mix changes: breakpoints of `cover`. */
  private readonly fuelRates: readonly number[];
  private readonly oneLegIsShortest: boolean;
  /** True when an extra leg (14.5 s) always costs more than the ½ unit of distance it may save. */
  private readonly oneLegIsBest: boolean;

  /** `segment(u, usable)` by whole units u: it never decreases with distance, so floor(d) bounds d. */
  readonly fullTankTable: number[] = [];

  constructor(
    modes: readonly FlightMode[],
    private readonly engineSpeed: number,
    private readonly tankless: boolean,
    /** Fuel a ship may spend between refuels: its capacity less the reserve. */
    private readonly usable: number,
  ) {
    this.rates = modes.map((m) => ({
      seconds: NAVIGATE_MULTIPLIER[m] / engineSpeed,
      fuel: tankless ? 0 : FUEL_PER_UNIT[m],
      multiplier: NAVIGATE_MULTIPLIER[m],
    }));
    this.fastest = Math.min(...this.rates.map((r) => r.seconds));
    this.fuelRates = [...new Set(this.rates.map((r) => r.fuel).filter((f) => f > 0))];
    this.oneLegIsShortest = this.fastest <= 2 * LEG_FLOOR;
    // The steepest slope of `cover` in distance: a single mode's seconds per unit, or on a mix of a
    // thirsty mode a with a frugal one b, (τb ρa − τa ρb) / (ρa − ρb) seconds per extra unit.
    let steepest = Math.max(...this.rates.map((r) => r.seconds));
    for (const a of this.rates) {
      for (const b of this.rates) {
        if (a.fuel > b.fuel)
          steepest = Math.max(steepest, (b.seconds * a.fuel - a.seconds * b.fuel) / (a.fuel - b.fuel));
      }
    }
    this.oneLegIsBest = steepest <= 2 * LEG_FLOOR;
    this.rateSeconds = Float64Array.from(this.rates, (r) => r.seconds);
    this.rateFuel = Float64Array.from(this.rates, (r) => r.fuel);
    this.rateMultiplier = Float64Array.from(this.rates, (r) => r.multiplier);
    this.quickest = this.rates.findIndex((r) => r.seconds === this.fastest);
    this.quickestWins = this.fastest <= 8;
    const pairs = this.rates.flatMap((a, i) => this.rates.flatMap((b, j) => (a.fuel > b.fuel ? [[i, j]] : [])));
    this.thirsty = Int32Array.from(pairs, ([a]) => a!);
    this.frugal = Int32Array.from(pairs, ([, b]) => b!);
  }

  /** One leg of distance d, however much fuel there is. */
  leg(d: number): number {
    return Math.max(1, d - 0.5) * this.fastest + LEG_FLOOR;
  }

  /** Any number of legs covering distance d, however much fuel there is. */
  path(d: number): number {
    // Extra legs cost 14.5 s and save at most ½ unit each, which only pays for very slow modes.
    if (this.oneLegIsShortest || d < 1.5) return this.leg(d);
    return Math.min(this.leg(d), ((2 * d) / 3) * (this.fastest + LEG_FLOOR));
  }

  /** `path` between waypoints i and j of `points` (0 from a waypoint to itself). */
  pathBetween(points: readonly Point[], i: number, j: number): number {
    return i === j ? 0 : this.path(distance(points[i]!, points[j]!));
  }

  /**
   * Reaching a point `d` away on `fuel` units without refuelling, through any number of stops.
   * Infinity when the tank cannot pay even for one DRIFT leg.
   */
  segment(d: number, fuel: number): number {
    if (this.tankless) return this.path(d);
    if (fuel < 1) return Infinity;
    // One leg: exactly its time in the fastest mode the fuel pays for (legFuel and legSeconds, the
    // distance rounded once).
    let best = Infinity;
    const units = Math.max(1, Math.round(d));
    const { rateFuel, rateMultiplier, quickest } = this;
    // The quickest mode as one leg, when the tank pays for it and more legs cannot beat it.
    if (this.quickestWins && Math.max(1, rateFuel[quickest]! * units) <= fuel)
      return Math.round((units * rateMultiplier[quickest]!) / this.engineSpeed + LEG_OVERHEAD_SECONDS);
    for (let m = 0; m < rateFuel.length; m++) {
      if (Math.max(1, rateFuel[m]! * units) <= fuel)
        best = Math.min(best, Math.round((units * rateMultiplier[m]!) / this.engineSpeed + LEG_OVERHEAD_SECONDS));
    }
    // With L ≥ 2 legs the ship covers at least X(L) = max(d − L/2, L) rounded units and pays 14.5 s
    // per leg. g(L) = cover(X(L), fuel) + 14.5 L is convex and piecewise linear in L (cover is
    // convex and non-decreasing in X), so its minimum over 2 ≤ L ≤ fuel (every leg costs ≥ 1 fuel)
    // lies at an end or at a breakpoint: where X switches branch, or where X × (fuel per unit) = fuel.
    const most = Math.floor(fuel);
    if (most < 2) return best;
    best = Math.min(best, this.legs(d, fuel, 2));
    // On the branch X = d − L/2, g's slope is 14.5 − ½ × cover's slope; on the other it is
    // positive. So when cover never climbs faster than 29 s per unit, two legs are the minimum.
    if (!this.oneLegIsBest) {
      best = Math.min(best, this.legs(d, fuel, (2 * d) / 3));
      if (Number.isFinite(most)) {
        best = Math.min(best, this.legs(d, fuel, most));
        for (const rate of this.fuelRates) {
          best = Math.min(best, this.legs(d, fuel, 2 * (d - fuel / rate)), this.legs(d, fuel, fuel / rate));
        }
      }
    }
    return best;
  }

  /** `segment` on a full tank (less the reserve), from a table by whole units of distance. */
  fullTank(d: number): number {
    const units = Math.floor(d);
    // Beyond the table's reach (maps far larger than the game's systems), compute it outright.
    if (units > FULL_TANK_TABLE_LIMIT) return this.segment(units, this.usable);
    const table = this.fullTankTable;
    for (let u = table.length; u <= units; u++) table.push(this.segment(u, this.usable));
    return table[units]!;
  }

  /** g(L) for L clamped to [2, fuel]. */
  private legs(d: number, fuel: number, count: number): number {
    const legs = Math.min(Math.max(count, 2), Math.floor(fuel));
    return this.cover(Math.max(d - legs / 2, legs), fuel) + LEG_FLOOR * legs;
  }

  /** Least time to cover `units` of distance spending at most `fuel`, mixing modes freely. */
  private cover(units: number, fuel: number): number {
    if (units <= 0) return 0;
    let best = Infinity;
    const { rateSeconds, rateFuel, thirsty, frugal } = this;
    for (let m = 0; m < rateFuel.length; m++)
      if (rateFuel[m]! * units <= fuel) best = Math.min(best, rateSeconds[m]! * units);
    for (let p = 0; p < thirsty.length; p++) {
      const a = thirsty[p]!;
      const b = frugal[p]!;
      // Fly x units in the thirstier mode a and the rest in b, spending exactly `fuel`.
      const x = (fuel - rateFuel[b]! * units) / (rateFuel[a]! - rateFuel[b]!);
      if (x > 0 && x < units) best = Math.min(best, rateSeconds[a]! * x + rateSeconds[b]! * (units - x));
    }
    return best;
  }
}
