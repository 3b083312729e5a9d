import { distance, LEG_OVERHEAD_SECONDS, legFuel, legSeconds } from './flight-mode.js';
import { MinHeap } from './min-heap.js';
import { legReach, NeighbourGrid } from './neighbour-grid.js';
import { Labels } from './route-labels.js';
import { type Corridor, type Found, JUMP, REFUEL, START, type Trip, WARP } from './route-trip.js';

/** Candidate stops of one system, in parallel arrays for the inner loop. */
interface Neighbours {
  ids: Int32Array;
  xs: Float64Array;
  ys: Float64Array;
  /** The guide's bound from each, whatever the fuel: NaN until the search needs it. */
  floors: Float64Array;
  /** The guide's direct bound from each (no more than its floor), which stands in for it until then. */
  directs: Float64Array;
  /** The same, by position, for the legs a label can reach. */
  grid: NeighbourGrid;
}

/**
 * One A* run over (waypoint, fuel) labels: pops the most promising label and queues its successors —
 * a leg to each candidate stop of its system in every mode the tank allows, warps to other systems,
 * and jumps through its gate. Nothing that cannot beat the best arrival known (`bound`) is queued.
 */
export class Search {
  private readonly labels: Labels;
  private readonly heap = new MinHeap();
  private readonly neighbourSets = new Map<number, Neighbours>();
  private readonly tankless: boolean;
  /** Each mode is no faster than the one before and time alone counts: a leg too slow in one is too slow in the rest. */
  private readonly slowerNext: boolean;
  /** The best arrival cost known so far: nothing that cannot beat it is worth queueing. */
  private bound: number;

  constructor(
    private readonly trip: Trip,
    private readonly corridor?: Corridor,
    /** The cost of a route known to exist, when there is one (the corridor's otherwise). */
    upper = corridor?.upper ?? Infinity,
  ) {
    // A route as fast as the known one must still be found, so the bound sits just above it.
    this.bound = upper + 1e-6;
    this.labels = new Labels(trip.map.points.length, trip.cooldown > 0 && trip.fuelWeight > 0);
    this.tankless = trip.ship.fuelCapacity === 0;
    const navigate = trip.rates.navigate;
    this.slowerNext = trip.fuelWeight === 0 && navigate.every((rate, m) => m === 0 || rate >= navigate[m - 1]!);
  }

  run(): Found | undefined {
    const { map, modes, bounds, to, reserve, ship, fuelWeight: weight } = this.trip;
    const { tankless, labels } = this;
    const { fuel: fuelRates, navigate: navigateRates } = this.trip.rates;
    const targetSystem = map.systemOf[to]!;
    const speed = ship.engineSpeed;
    this.push(this.trip.from, this.trip.fuel, 0, 0, -1, START, 0, 0, 0);
    while (this.heap.size > 0) {
      const id = this.heap.pop();
      if (labels.dead[id]) continue;
      const here = labels.node[id]!;
      if (here === to) return this.found(id);
      const cost = labels.cost[id]!;
      const time = labels.time[id]!;
      const fuel = labels.fuel[id]!;
      const jumped = labels.jumped[id]!;
      const { x, y } = map.points[here]!;
      const { ids, xs, ys, floors, directs, grid } = this.neighbours(map.systemOf[here]!);
      const slack = this.bound - cost;
      // Only the neighbours a leg could reach: the same ones, in the same order, as a scan of them all keeps.
      const spare = tankless ? Infinity : fuel - reserve;
      const reachable = grid.within(x, y, legReach(spare, slack, fuelRates, navigateRates, speed));
      const count = reachable ? reachable.length : ids.length;
      for (let at = 0; at < count; at++) {
        const k = reachable ? reachable[at]! : at;
        // Every leg takes at least its overhead: skip neighbours that cannot lead to a better arrival.
        // Until a neighbour's floor is needed (NaN until then), the direct bound, never more, stands in.
        let floor = floors[k]!;
        const known = !Number.isNaN(floor);
        const low = known ? floor : directs[k]!;
        if (LEG_OVERHEAD_SECONDS + low >= slack) continue;
        const next = ids[k]!;
        if (next === here) continue;
        const dx = xs[k]! - x;
        const dy = ys[k]! - y;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (bounds.leg(d) + low >= this.bound - cost) continue;
        // legFuel and legSeconds, with the distance rounded once for every mode.
        const units = Math.max(1, Math.round(d));
        if (!known) {
          // No mode beats the bound even by the direct bound: the floor would rule out every leg too.
          if (!this.legBeats(cost, fuel, units, low)) continue;
          floor = floors[k] = this.trip.guide.floor(next);
          if (LEG_OVERHEAD_SECONDS + floor >= slack) continue;
          if (bounds.leg(d) + floor >= this.bound - cost) continue;
        }
        for (let m = 0; m < modes.length; m++) {
          const burned = tankless ? 0 : Math.max(1, fuelRates[m]! * units);
          const left = fuel - burned;
          if (!tankless && left < reserve) continue;
          const seconds = Math.round((units * navigateRates[m]!) / speed + LEG_OVERHEAD_SECONDS);
          const arrival = cost + seconds + weight * burned;
          // The guide's bound at any fuel is at least the floor: most legs end here, before `push` asks for it.
          if (arrival + floor >= this.bound) {
            if (this.slowerNext) break;
            continue;
          }
          this.push(next, left, arrival, time + seconds, id, m, d, seconds, jumped);
        }
      }
      if (this.trip.warp) this.warps(id, here, fuel, cost, time);
      if (jumped) continue;
      // A cooldown the ship started with must be over before its first jump.
      const wait = Math.max(0, this.trip.cooldown - time);
      for (const jump of map.jumps[here]!) {
        // Into the destination's system (or anywhere, for a ship that can warp on), the jump may be
        // the last: its cooldown then runs while the ship flies on. Any jump may also be followed by
        // another, which waits the cooldown out.
        if (this.trip.warp || map.systemOf[jump.to] === targetSystem)
          this.push(jump.to, fuel, cost + wait, time + wait, id, JUMP, 0, wait, 1);
        this.push(
          jump.to,
          fuel,
          cost + wait + jump.seconds,
          time + wait + jump.seconds,
          id,
          JUMP,
          0,
          wait + jump.seconds,
          0,
        );
      }
    }
    return undefined;
  }

  /** Whether a leg of `units` (rounded) from a label at `cost` with `fuel` arrives, in some mode the tank allows, with `floor` to spare under the bound. */
  private legBeats(cost: number, fuel: number, units: number, floor: number): boolean {
    const { modes, reserve, fuelWeight: weight, ship } = this.trip;
    const { fuel: fuelRates, navigate: navigateRates } = this.trip.rates;
    for (let m = 0; m < modes.length; m++) {
      const burned = this.tankless ? 0 : Math.max(1, fuelRates[m]! * units);
      if (!this.tankless && fuel - burned < reserve) continue;
      const seconds = Math.round((units * navigateRates[m]!) / ship.engineSpeed + LEG_OVERHEAD_SECONDS);
      if (cost + seconds + weight * burned + floor < this.bound) return true;
      // The fastest mode the tank allows is too slow: so is every other.
      if (this.slowerNext) return false;
    }
    return false;
  }

  /** Warps from label `id` to every other system on the map, in each mode the tank allows. */
  private warps(id: number, here: number, fuel: number, cost: number, time: number): void {
    const { map, modes, ship, reserve, to, fuelWeight: weight, warp } = this.trip;
    const system = map.systemOf[here]!;
    const origin = map.systemPoints[system];
    if (!origin) return;
    const jumped = this.labels.jumped[id]!;
    const home = map.systemOf[to]!;
    const order = warp!.byReach(system);
    // The destination's system first: a warp that ends the trip tightens the bound for the rest.
    for (let k = -1; k < order.length; k++) {
      const other = k < 0 ? home : order[k]!;
      if ((k >= 0 && other === home) || other === system) continue;
      const there = map.systemPoints[other];
      if (!there) continue;
      const reach = cost + warp!.between(system, other);
      // Nearest first: once a system is out of reach, so is every one after it.
      if (reach >= this.bound && k >= 0) break;
      // From there on, at least the guide's bound for that system.
      const floor = this.trip.guide.systemFloor(other);
      if (reach + floor >= this.bound) continue;
      const d = distance(origin, there);
      const landings = map.landings[other]!;
      const ends = other === home;
      for (let m = 0; m < modes.length; m++) {
        const burned = this.tankless ? 0 : legFuel(d, this.trip.rates.fuel[m]!);
        const left = fuel - burned;
        if (!this.tankless && left < reserve) continue;
        const seconds = legSeconds(d, this.trip.rates.warp[m]!, ship.engineSpeed);
        const arrival = cost + seconds + weight * burned;
        if (arrival + floor >= this.bound) continue;
        if (ends) this.push(to, left, arrival, time + seconds, id, WARP + m, d, seconds, jumped);
        for (const landing of landings)
          this.push(landing, left, arrival, time + seconds, id, WARP + m, d, seconds, jumped);
      }
    }
  }

  /**
   * The waypoints of a system that may be stops, with their positions and the guide's bound for
   * any fuel. In the corridor's system, only those where the bound from the start plus the bound to
   * the destination beats the known route.
   */
  private neighbours(system: number): Neighbours {
    let known = this.neighbourSets.get(system);
    if (!known) {
      const { corridor } = this;
      const { map, from, to, guide } = this.trip;
      const members = map.members[system]!;
      const inCorridor = corridor !== undefined && system === corridor.system;
      const ids = new Int32Array(members.length);
      const xs = new Float64Array(members.length);
      const ys = new Float64Array(members.length);
      const directs = new Float64Array(members.length);
      let kept = 0;
      for (const i of members) {
        const direct = guide.direct(i);
        // The straight line from the start and the direct bound to the destination. (Fuel-aware bounds
        // rule out more, but a leg into a waypoint they rule out fails the search's own checks, as its
        // real cost is at least the bound from the start: those checks cost less than the bounds do.)
        if (inCorridor && i !== from && i !== to) {
          if (corridor.stationsOnly && !map.fuelSold[i] && map.jumps[i]!.length === 0) continue;
          if (corridor.origin.straight(i) + direct >= this.bound) continue;
        }
        const { x, y } = map.points[i]!;
        ids[kept] = i;
        xs[kept] = x;
        ys[kept] = y;
        directs[kept++] = direct;
      }
      // Views only when the corridor left some out: most systems keep every member.
      const all = kept === members.length;
      const keptXs = all ? xs : xs.subarray(0, kept);
      const keptYs = all ? ys : ys.subarray(0, kept);
      known = {
        ids: all ? ids : ids.subarray(0, kept),
        xs: keptXs,
        ys: keptYs,
        grid: new NeighbourGrid(keptXs, keptYs),
        floors: new Float64Array(kept).fill(Number.NaN),
        directs: all ? directs : directs.subarray(0, kept),
      };
      this.neighbourSets.set(system, known);
    }
    return known;
  }

  /** Queues a state unless it cannot beat the bound or another state at its waypoint dominates it. */
  private push(
    node: number,
    fuel: number,
    cost: number,
    time: number,
    parent: number,
    kind: number,
    legDistance: number,
    legSeconds: number,
    jumped: number,
  ): void {
    const { trip } = this;
    let estimate = cost;
    if (node === trip.to) {
      if (cost >= this.bound) return;
      this.bound = cost;
    } else {
      // Only whether the bound beats what is left of the budget matters beyond it.
      estimate += trip.guide.at(node, this.tankless ? 0 : fuel - trip.reserve, this.bound - cost);
      if (estimate >= this.bound) return;
    }
    const id = this.labels.add(node, fuel, cost, time, parent, kind, legDistance, legSeconds, jumped);
    if (id < 0) return;
    this.heap.push(estimate, id);
    // Refuel to full here at once: later arrivals no earlier than this are then dominated.
    const capacity = trip.ship.fuelCapacity;
    if (!this.tankless && kind !== REFUEL && node !== trip.to && fuel < capacity && trip.map.fuelSold[node]) {
      this.push(node, capacity, cost + trip.refuelSeconds, time + trip.refuelSeconds, id, REFUEL, 0, 0, jumped);
    }
  }

  private found(id: number): Found {
    return {
      cost: this.labels.cost[id]!,
      modes: this.trip.modes,
      refuelSeconds: this.trip.refuelSeconds,
      steps: this.labels.steps(id),
    };
  }
}
