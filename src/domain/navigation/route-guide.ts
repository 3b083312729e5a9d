import { MinHeap } from './min-heap.js';
import { DestinationBound } from './destination-bound.js';
import type { RouteMap } from './route-map.js';
import { MIN_JUMP_COOLDOWN, type TravelBounds } from './travel-bounds.js';
import type { WarpBounds } from './warp-bounds.js';

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
  private outside: Float64Array | undefined;
  /** Per gate waypoint: least seconds left from it (Infinity when no chain of gates leads home; none without home gates). */
  private readonly gateLeft: Float64Array | undefined;
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

  /** A bound that holds whatever the fuel (for cheap pruning); exact only under `limit`. */
  floor(i: number, limit = Infinity): number {
    if (this.map.systemOf[i] !== this.targetSystem) return this.away(i);
    if (i === this.target) return 0;
    return Math.min(this.destination.floor(i, limit), this.leaveAndReturn(i));
  }

  /** The bound for a ship at waypoint i with `fuel` usable units (above the reserve); exact only under `limit`. */
  at(i: number, fuel: number, limit = Infinity): number {
    if (this.map.systemOf[i] !== this.targetSystem) return this.away(i);
    if (i === this.target) return 0;
    return Math.min(this.destination.at(i, fuel, limit), this.leaveAndReturn(i));
  }

  private leaveAndReturn(i: number): number {
    if (this.comeBack === Infinity) return this.warpBack;
    return Math.min(this.toGate(i) + this.comeBack, this.warpBack);
  }

  private away(i: number): number {
    this.outside ??= new Float64Array(this.map.points.length).fill(Number.NaN);
    let known = this.outside[i]!;
    if (Number.isNaN(known)) {
      known = Infinity;
      for (const g of this.map.gates[this.map.systemOf[i]!]!)
        known = Math.min(known, this.travel(i, g) + (this.gateLeft ? this.gateLeft[g]! : Infinity));
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
    return this.bounds.pathBetween(this.map.points, i, j);
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
    const into = map.jumpsIntoSystems;
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

  /** Undefined when the destination's system has no gate: then no gate leads home. */
  private gateDistances(): Float64Array | undefined {
    const { map } = this;
    if (map.gates[this.targetSystem]!.length === 0) return undefined;
    const left = new Float64Array(map.points.length).fill(Infinity);
    const into = map.jumpsIntoWaypoints;
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
      // Relax the jumps into g and the travel to g from the other gates of its system. (No closure
      // per gate here: this runs for every gate on every plan.)
      const here = left[g]!;
      const last = this.mayBeLastJumpInto(map.systemOf[g]!);
      for (const { from, seconds } of into[g]!) {
        const through = here + (last ? 0 : seconds);
        if (through < left[from]!) {
          left[from] = through;
          heap.push(through, from);
        }
      }
      for (const other of map.gates[map.systemOf[g]!]!) {
        if (other === g) continue;
        const through = here + this.travel(other, g);
        if (through < left[other]!) {
          left[other] = through;
          heap.push(through, other);
        }
      }
    }
    return left;
  }
}
