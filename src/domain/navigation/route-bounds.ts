import { distance, jumpCooldownSeconds, travelSeconds, type FlightMode, type Point } from './flight-mode.js';
import { MinHeap } from './min-heap.js';
import type { RouteMap } from './route-map.js';

/** The shortest cooldown a jump can start (between systems at the same position). */
const MIN_JUMP_COOLDOWN = jumpCooldownSeconds(0);

/** Seconds per unit of distance (÷ engine speed) and fuel per unit of distance, per mode. */
const SECONDS_PER_UNIT: Record<FlightMode, number> = { CRUISE: 25, DRIFT: 250, BURN: 12.5, STEALTH: 30 };
const FUEL_PER_UNIT: Record<FlightMode, number> = { CRUISE: 1, DRIFT: 0, BURN: 2, STEALTH: 1 };

/** Whole units of distance the full-tank table may cover (systems span about 1,600). */
const FULL_TANK_TABLE_LIMIT = 20_000;

/**
 * Lower bounds on travel time that never overestimate, for guiding and pruning the route search.
 *
 * A leg of distance d takes round(max(1, round(d)) × k / speed + 15) seconds, so at least
 * max(1, d − ½) × k / speed + 14.5, and costs at least (fuel per unit) × max(1, d − ½) fuel (a DRIFT
 * leg costs 1). Over several legs the straight line bounds the distance (triangle inequality), less
 * ½ per leg for rounding. Every bound below relaxes the real problem in those terms only: the
 * per-leg overhead, the rounding slack and the fuel the tank can hold.
 */
export class TravelBounds {
  private readonly rates: ReadonlyArray<{ seconds: number; fuel: number }>;
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
    engineSpeed: number,
    private readonly tankless: boolean,
    /** Fuel a ship may spend between refuels: its capacity less the reserve. */
    private readonly usable: number,
  ) {
    this.rates = modes.map((m) => ({
      seconds: SECONDS_PER_UNIT[m] / engineSpeed,
      fuel: tankless ? 0 : FUEL_PER_UNIT[m],
    }));
    this.fastest = Math.min(...this.rates.map((r) => r.seconds));
    this.fuelRates = [...new Set(this.rates.map((r) => r.fuel).filter((f) => f > 0))];
    this.oneLegIsShortest = this.fastest <= 29;
    // The steepest slope of `cover` in distance: a single mode's seconds per unit, or on a mix of a
    // thirsty mode a with a frugal one b, (τb ρa − τa ρb) / (ρa − ρb) seconds per extra unit.
    let steepest = Math.max(...this.rates.map((r) => r.seconds));
    for (const a of this.rates) {
      for (const b of this.rates) {
        if (a.fuel > b.fuel)
          steepest = Math.max(steepest, (b.seconds * a.fuel - a.seconds * b.fuel) / (a.fuel - b.fuel));
      }
    }
    this.oneLegIsBest = steepest <= 29;
  }

  /** One leg of distance d, however much fuel there is. */
  leg(d: number): number {
    return Math.max(1, d - 0.5) * this.fastest + 14.5;
  }

  /** Any number of legs covering distance d, however much fuel there is. */
  path(d: number): number {
    // Extra legs cost 14.5 s and save at most ½ unit each, which only pays for very slow modes.
    if (this.oneLegIsShortest || d < 1.5) return this.leg(d);
    return Math.min(this.leg(d), ((2 * d) / 3) * (this.fastest + 14.5));
  }

  /**
   * Reaching a point `d` away on `fuel` units without refuelling, through any number of stops.
   * Infinity when the tank cannot pay even for one DRIFT leg.
   */
  segment(d: number, fuel: number): number {
    if (this.tankless) return this.path(d);
    if (fuel < 1) return Infinity;
    // With L legs the ship covers at least X(L) = max(d − L/2, L) rounded units and pays 14.5 s per
    // leg. g(L) = cover(X(L), fuel) + 14.5 L is convex and piecewise linear in L (cover is convex
    // and non-decreasing in X), so its minimum over 1 ≤ L ≤ fuel (every leg costs ≥ 1 fuel) lies at
    // an end or at a breakpoint: where X switches branch, or where X × (fuel per unit) = fuel.
    const most = Math.floor(fuel);
    let best = this.legs(d, fuel, 1);
    // On the branch X = d − L/2, g's slope is 14.5 − ½ × cover's slope; on the other it is
    // positive. So when cover never climbs faster than 29 s per unit, one leg is the minimum.
    if (most > 1 && !this.oneLegIsBest) {
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

  /** g(L) for L clamped to [1, fuel]. */
  private legs(d: number, fuel: number, count: number): number {
    const legs = Math.min(Math.max(count, 1), Math.floor(fuel));
    return this.cover(Math.max(d - legs / 2, legs), fuel) + 14.5 * legs;
  }

  /** Least time to cover `units` of distance spending at most `fuel`, mixing modes freely. */
  private cover(units: number, fuel: number): number {
    if (units <= 0) return 0;
    let best = Infinity;
    const rates = this.rates;
    for (let i = 0; i < rates.length; i++) {
      const a = rates[i]!;
      if (a.fuel * units <= fuel) best = Math.min(best, a.seconds * units);
      for (let j = 0; j < rates.length; j++) {
        const b = rates[j]!;
        if (a.fuel <= b.fuel) continue;
        // Fly x units in the thirstier mode a and the rest in b, spending exactly `fuel`.
        const x = (fuel - b.fuel * units) / (a.fuel - b.fuel);
        if (x > 0 && x < units) best = Math.min(best, a.seconds * x + b.seconds * (units - x));
      }
    }
    return best;
  }
}

/**
 * Lower bounds over chains of refuel stops: a Dijkstra over the fuel stations whose edges are
 * `fullTank` segments (each stop refuels to full), seeded per station with a bound on its first
 * or last segment. Distances are symmetric, so the same field serves a destination (the time left
 * after a station) and an origin (the time to a station).
 */
class StationField {
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
  /** Per waypoint: refuel somewhere first, on at most a full tank; NaN until needed. */
  private readonly viaStation: Float64Array;
  /** Per waypoint: the bound for any fuel the tank can hold; NaN until needed. */
  private readonly anyFuel: Float64Array;
  private readonly distanceToTarget: Float64Array;

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
    this.viaStation = new Float64Array(n).fill(Number.NaN);
    this.anyFuel = new Float64Array(n).fill(Number.NaN);
  }

  /** Lower bound on the seconds left from waypoint i (in the destination's system), whatever its fuel. */
  floor(i: number): number {
    let known = this.anyFuel[i]!;
    if (Number.isNaN(known)) {
      if (i === this.target) known = 0;
      else {
        const via = this.field.through(i);
        this.viaStation[i] = via;
        known = Math.max(this.direct[i]!, Math.min(via, this.bounds.fullTank(this.distanceToTarget[i]!)));
      }
      this.anyFuel[i] = known;
    }
    return known;
  }

  /** Lower bound on the seconds left from waypoint i (in the destination's system) with `fuel` usable. */
  at(i: number, fuel: number): number {
    const floor = this.floor(i);
    if (i === this.target || fuel >= this.usable) return floor;
    const via = this.viaStation[i]!;
    if (via <= floor) return floor;
    return Math.max(floor, Math.min(via, this.bounds.segment(this.distanceToTarget[i]!, fuel)));
  }
}

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

/**
 * The mirror image for the start of a trip inside one system: a lower bound on the time to get
 * from the ship's position and fuel to any waypoint — on the fuel in the tank without refuelling,
 * through stations reached first on that fuel (the forward `StationField`), or by leaving through
 * a gate (to refuel elsewhere) and coming back: two jumps, the first one's cooldown waited out; or,
 * with a warp drive, at least one warp.
 */
export class OriginBound {
  private readonly field: StationField;
  private readonly fromStart: Float64Array;
  private readonly known: Float64Array;

  /** Leaving through a gate and coming back; Infinity without gates. */
  private readonly viaGates: number;
  /** Leaving by warp and coming back; Infinity without a warp drive. */
  private readonly viaWarp: number;

  constructor(
    private readonly points: readonly Point[],
    stations: readonly number[],
    private readonly gates: readonly number[],
    private readonly start: number,
    /** Fuel in the tank less the reserve. */
    private readonly fuel: number,
    private readonly bounds: TravelBounds,
    refuelSeconds: number,
    /** Leaving the system by warp and coming back: at least this (Infinity without a warp drive). */
    viaWarp = Infinity,
  ) {
    this.fromStart = new Float64Array(points.length);
    this.known = new Float64Array(points.length).fill(Number.NaN);
    const origin = points[start]!;
    for (const b of stations) this.fromStart[b] = distance(origin, points[b]!);
    this.field = new StationField(
      points,
      stations,
      (b) => (b === start ? 0 : bounds.segment(this.fromStart[b]!, fuel)),
      bounds,
      refuelSeconds,
    );
    this.viaGates =
      gates.length === 0 ? Infinity : Math.min(...gates.map((g) => this.travel(start, g))) + MIN_JUMP_COOLDOWN;
    this.viaWarp = viaWarp;
  }

  private travel(i: number, j: number): number {
    return i === j ? 0 : this.bounds.path(distance(this.points[i]!, this.points[j]!));
  }

  /** The cheap bound from the start to waypoint i, whatever the fuel: the straight line (or gates, or a warp). */
  straight(i: number): number {
    let best = Math.min(this.travel(this.start, i), this.viaWarp);
    if (this.viaGates < best) for (const g of this.gates) best = Math.min(best, this.viaGates + this.travel(g, i));
    return best;
  }

  /** Lower bound on the seconds from the start to waypoint i. */
  to(i: number): number {
    let known = this.known[i]!;
    if (Number.isNaN(known)) {
      const d = distance(this.points[this.start]!, this.points[i]!);
      known =
        i === this.start
          ? 0
          : Math.min(
              this.viaWarp,
              Math.max(this.bounds.path(d), Math.min(this.bounds.segment(d, this.fuel), this.field.through(i))),
            );
      if (this.viaGates < known) for (const g of this.gates) known = Math.min(known, this.viaGates + this.travel(g, i));
      this.known[i] = known;
    }
    return known;
  }
}

/**
 * A* guide: a lower bound on the seconds left from any (waypoint, fuel) to the destination.
 *
 * In the destination's system it is the fuel-aware `DestinationBound`. Elsewhere the ship must
 * reach a gate of its system and the chain of jumps after it: a backward Dijkstra over the gates
 * (jump cooldowns exactly, except that a jump into the destination's system may be the last and
 * cost nothing; travel between gates of one system and from the destination system's gates to the
 * destination by `path`) gives each gate the least time left. With a warp drive, a Dijkstra over
 * whole systems (warps at their fastest, jumps as above, travel inside a system free) bounds it too.
 * Fuel is ignored outside the destination's system, which keeps the bound valid and cheap.
 */
export class RouteGuide {
  readonly destination: DestinationBound;
  private readonly targetSystem: number;
  /** Per waypoint: the bound outside the destination's system (NaN until needed). */
  private readonly outside: Float64Array;
  /** Per gate waypoint: least seconds left from it (Infinity when no chain of gates leads home). */
  private readonly gateLeft: Float64Array;
  /** Leaving the destination's system and coming back: the first jump's cooldown, then a gate's `direct`. */
  private readonly comeBack: number;
  /** Leaving the destination's system by warp, or coming back by one: at least one warp. */
  private readonly warpBack: number;
  /** Per system, with a warp drive: least seconds left from anywhere in it (Infinity without). */
  private readonly systemLeft: Float64Array | undefined;
  private readonly canWarp: boolean;

  constructor(
    private readonly map: RouteMap,
    private readonly target: number,
    private readonly bounds: TravelBounds,
    stations: readonly number[],
    usableFuel: number,
    refuelSeconds: number,
    warp?: WarpBounds,
  ) {
    this.targetSystem = map.systemOf[target]!;
    this.canWarp = warp !== undefined;
    this.destination = new DestinationBound(
      map.points,
      map.members[this.targetSystem]!,
      stations,
      target,
      bounds,
      usableFuel,
      refuelSeconds,
    );
    this.outside = new Float64Array(map.points.length).fill(Number.NaN);
    this.gateLeft = this.gateDistances();
    const homeGates = map.gates[this.targetSystem]!;
    this.comeBack =
      homeGates.length === 0
        ? Infinity
        : MIN_JUMP_COOLDOWN + Math.min(...homeGates.map((g) => this.destination.direct[g]!));
    this.warpBack = warp ? warp.out(this.targetSystem) : Infinity;
    this.systemLeft = warp ? this.systemDistances(warp) : undefined;
  }

  /** With a warp drive, a bound from anywhere in a system (0 in the destination's); else 0. */
  systemFloor(system: number): number {
    return this.systemLeft ? this.systemLeft[system]! : 0;
  }

  /** The cheapest bound: the direct path in the destination's system, nothing elsewhere. */
  direct(i: number): number {
    return this.map.systemOf[i] === this.targetSystem
      ? Math.min(this.destination.direct[i]!, this.comeBack, this.warpBack)
      : 0;
  }

  /** A bound that holds whatever the fuel (for cheap pruning). */
  floor(i: number): number {
    if (this.map.systemOf[i] !== this.targetSystem) return this.away(i);
    if (i === this.target) return 0;
    return Math.min(this.destination.floor(i), this.leaveAndReturn(i));
  }

  /** The bound for a ship at waypoint i with `fuel` usable units (above the reserve). */
  at(i: number, fuel: number): number {
    if (this.map.systemOf[i] !== this.targetSystem) return this.away(i);
    if (i === this.target) return 0;
    return Math.min(this.destination.at(i, fuel), this.leaveAndReturn(i));
  }

  private leaveAndReturn(i: number): number {
    if (this.comeBack === Infinity) return this.warpBack;
    return Math.min(this.toGate(i) + this.comeBack, this.warpBack);
  }

  private away(i: number): number {
    let known = this.outside[i]!;
    if (Number.isNaN(known)) {
      known = Infinity;
      for (const g of this.map.gates[this.map.systemOf[i]!]!)
        known = Math.min(known, this.travel(i, g) + this.gateLeft[g]!);
      if (this.systemLeft) known = Math.min(known, this.systemLeft[this.map.systemOf[i]!]!);
      this.outside[i] = known;
    }
    return known;
  }

  private toGate(i: number): number {
    let best = Infinity;
    for (const g of this.map.gates[this.targetSystem]!) best = Math.min(best, this.travel(i, g));
    return best;
  }

  private travel(i: number, j: number): number {
    return i === j ? 0 : this.bounds.path(distance(this.map.points[i]!, this.map.points[j]!));
  }

  /** A jump into the destination's system may be a route's last, and any jump for a ship that can warp on. */
  private mayBeLastJumpInto(system: number): boolean {
    return system === this.targetSystem || this.canWarp;
  }

  /** Backward Dijkstra over systems: warps at their fastest, jumps (the last one free), travel inside a system free. */
  private systemDistances(warp: WarpBounds): Float64Array {
    const { map } = this;
    const count = map.members.length;
    const left = new Float64Array(count).fill(Infinity);
    const into: Array<Array<{ from: number; seconds: number }>> = Array.from({ length: count }, () => []);
    map.jumps.forEach((jumps, from) =>
      jumps.forEach((j) => into[map.systemOf[j.to]!]!.push({ from: map.systemOf[from]!, seconds: j.seconds })),
    );
    const settled = new Uint8Array(count);
    left[this.targetSystem] = 0;
    for (;;) {
      let next = -1;
      for (let s = 0; s < count; s++)
        if (!settled[s] && left[s]! < Infinity && (next < 0 || left[s]! < left[next]!)) next = s;
      if (next < 0) return left;
      settled[next] = 1;
      const last = this.mayBeLastJumpInto(next);
      for (const { from, seconds } of into[next]!)
        left[from] = Math.min(left[from]!, left[next]! + (last ? 0 : seconds));
      for (let s = 0; s < count; s++) left[s] = Math.min(left[s]!, left[next]! + warp.between(s, next));
    }
  }

  private gateDistances(): Float64Array {
    const { map } = this;
    const left = new Float64Array(map.points.length).fill(Infinity);
    const into: Array<Array<{ from: number; seconds: number }>> = map.points.map(() => []);
    map.jumps.forEach((jumps, from) => jumps.forEach((j) => into[j.to]!.push({ from, seconds: j.seconds })));
    const heap = new MinHeap();
    for (const g of map.gates[this.targetSystem]!) {
      left[g] = this.destination.direct[g]!;
      heap.push(left[g]!, g);
    }
    const settled = new Uint8Array(map.points.length);
    while (heap.size > 0) {
      const g = heap.pop();
      if (settled[g]) continue;
      settled[g] = 1;
      const relax = (from: number, seconds: number) => {
        if (left[g]! + seconds < left[from]!) {
          left[from] = left[g]! + seconds;
          heap.push(left[from]!, from);
        }
      };
      const last = this.mayBeLastJumpInto(map.systemOf[g]!);
      for (const { from, seconds } of into[g]!) relax(from, last ? 0 : seconds);
      for (const other of map.gates[map.systemOf[g]!]!) if (other !== g) relax(other, this.travel(other, g));
    }
    return left;
  }
}
