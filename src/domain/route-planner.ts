import { DomainRuleError } from './errors.js';
import { distance, fuelCost, jumpCooldownSeconds, travelSeconds, type FlightMode } from './flight-mode.js';
import type { NavSystem, NavWaypoint, Route, RouteLeg, ShipNavState } from './route.js';

export interface PlannerOptions {
  /** Keep at least this much fuel in the tank after every leg, when the ship can. */
  fuelReserve?: number;
  /** Time a refuel stop costs: dock, refuel, orbit (seconds). */
  refuelSeconds?: number;
  /** Modes the planner may choose per leg. STEALTH is never faster than CRUISE, so it is left out. */
  modes?: readonly FlightMode[];
}

export class NoRouteError extends DomainRuleError {
  constructor(message: string) {
    super(message, 'NO_ROUTE');
  }
}

const DEFAULT_MODES: readonly FlightMode[] = ['BURN', 'CRUISE', 'DRIFT'];

/**
 * Plans the fastest route for a ship: Dijkstra/A* over (waypoint, fuel) states, choosing a flight
 * mode per leg, refuelling to full only where FUEL is sold, jumping through working gates.
 *
 * Time is in seconds. Within the destination's system the search is guided by a lower bound on
 * the remaining time (the direct leg at the fastest mode, less the most rounding can save), which
 * never overestimates, so the first time the destination is settled is the optimum. A state
 * (waypoint, fuel) is dominated by one at the same waypoint reached no later with at least as much
 * fuel; dominated states are never expanded.
 */
export class RoutePlanner {
  private readonly index = new Map<string, number>();
  private readonly systems = new Map<string, NavSystem>();

  constructor(
    private readonly waypoints: readonly NavWaypoint[],
    systems: readonly NavSystem[] = [],
  ) {
    waypoints.forEach((w, i) => this.index.set(w.symbol, i));
    for (const system of systems) this.systems.set(system.symbol, system);
  }

  plan(ship: ShipNavState, destination: string, options: PlannerOptions = {}): Route {
    const from = this.index.get(ship.location);
    const to = this.index.get(destination);
    if (from === undefined) throw new NoRouteError(`the ship's location ${ship.location} is not in the known map; sync the system first`);
    if (to === undefined) throw new NoRouteError(`unknown destination ${destination}`);
    const reserve = Math.min(options.fuelReserve ?? 0, ship.fuelCapacity);
    const route = this.fastest(ship, from, to, reserve, options) ?? (reserve > 0 ? this.fastest(ship, from, to, 0, options) : undefined);
    if (!route) throw new NoRouteError(this.explain(ship, from, to));
    return route;
  }

  /**
   * In a large system, first solve the small problem whose stops are only fuel stations (and gates):
   * its answer is a real route, so its time bounds the full search, which then only has to look at
   * what could beat it. If nothing does, the small problem's route is the optimum.
   */
  private fastest(ship: ShipNavState, from: number, to: number, reserve: number, options: PlannerOptions): Route | undefined {
    if (this.waypoints.length <= 64) return this.search(ship, from, to, reserve, options);
    const stops = this.waypoints.flatMap((w, i) => (w.sellsFuel || w.jumpsTo || i === from || i === to ? [i] : []));
    const quick = this.search(ship, from, to, reserve, options, stops);
    if (!quick) return this.search(ship, from, to, reserve, options);
    return this.search(ship, from, to, reserve, options, undefined, quick.totalSeconds) ?? quick;
  }

  private search(ship: ShipNavState, from: number, to: number, reserve: number, options: PlannerOptions, stops?: readonly number[], knownBest = Infinity): Route | undefined {
    const modes = options.modes ?? DEFAULT_MODES;
    const refuelSeconds = options.refuelSeconds ?? 0;
    const waypoints = this.waypoints;
    const target = waypoints[to]!;
    const capacity = ship.fuelCapacity;
    const tankless = capacity === 0;
    const startFuel = tankless ? 0 : Math.min(ship.fuel, capacity);
    const fastest = Math.min(...modes.map((m) => ({ CRUISE: 25, DRIFT: 250, BURN: 12.5, STEALTH: 30 })[m])) / ship.engineSpeed;
    const crossSystem = waypoints[from]!.systemSymbol !== target.systemSymbol;
    // Lower bound on the time left from each waypoint, computed once.
    const lowerBound = new Float64Array(waypoints.length);
    if (!crossSystem) {
      waypoints.forEach((w, i) => {
        lowerBound[i] = i === to ? 0 : Math.max(0, (distance(w, target) - 0.5) * fastest + 14.5);
      });
    }

    // Labels: one per settled or queued state. Per waypoint, the Pareto front of (time, fuel).
    const labels: Label[] = [];
    const fronts: Array<Array<{ time: number; fuel: number }>> = waypoints.map(() => []);
    const heap = new MinHeap();
    // The best arrival time known so far: nothing that cannot beat it is worth queueing.
    let bound = knownBest;
    const neighbours = stops ?? waypoints.map((_, i) => i);
    // Queues a state unless it cannot beat the bound or another state at its waypoint dominates it.
    // Objects are only allocated for states that are kept.
    const push = (node: number, fuel: number, time: number, parent: number, refuel: boolean, mode?: FlightMode | 'JUMP', distanceTravelled = 0, fuelUsed = 0, seconds = 0) => {
      const estimate = time + lowerBound[node]!;
      if (node === to) {
        if (time >= bound) return;
        bound = time;
      } else if (estimate >= bound) return;
      const front = fronts[node]!;
      let dominatesSome = false;
      for (const l of front) {
        if (l.time <= time && l.fuel >= fuel) return;
        if (l.time >= time && l.fuel <= fuel) dominatesSome = true;
      }
      if (dominatesSome) fronts[node] = front.filter((l) => !(l.time >= time && l.fuel <= fuel));
      fronts[node]!.push({ time, fuel });
      labels.push({ node, fuel, time, parent, refuel, mode, distance: distanceTravelled, fuelUsed, seconds });
      heap.push(estimate, labels.length - 1);
    };

    push(from, startFuel, 0, -1, false);
    while (heap.size > 0) {
      const id = heap.pop();
      const label = labels[id]!;
      // Skip labels that a better one at the same waypoint has since dominated.
      if (fronts[label.node]!.some((l) => (l.time < label.time && l.fuel >= label.fuel) || (l.time <= label.time && l.fuel > label.fuel))) continue;
      if (label.node === to) return this.build(ship, labels, id);
      const here = waypoints[label.node]!;
      // Refuel to full here, when fuel is sold and the tank is not full.
      if (!tankless && here.sellsFuel && label.fuel < capacity && !label.refuel) push(label.node, capacity, label.time + refuelSeconds, id, true);
      for (const next of neighbours) {
        if (next === label.node) continue;
        const there = waypoints[next]!;
        if (there.systemSymbol !== here.systemSymbol) continue;
        // Every leg takes at least 15 s: skip neighbours that cannot lead to a better arrival.
        if (next !== to && label.time + 15 + lowerBound[next]! >= bound) continue;
        const d = distance(here, there);
        // The same bound with this leg's own shortest possible time.
        if (next !== to && label.time + (d - 0.5) * fastest + 14.5 + lowerBound[next]! >= bound) continue;
        for (const mode of modes) {
          const cost = tankless ? 0 : fuelCost(d, mode);
          const left = label.fuel - cost;
          if (!tankless && left < reserve) continue;
          const seconds = travelSeconds(d, mode, ship.engineSpeed);
          push(next, left, label.time + seconds, id, false, mode, d, cost, seconds);
        }
      }
      for (const gate of here.jumpsTo ?? []) {
        const next = this.index.get(gate);
        if (next === undefined) continue;
        const a = this.systems.get(here.systemSymbol);
        const b = this.systems.get(waypoints[next]!.systemSymbol);
        const d = a && b ? distance(a, b) : 0;
        const seconds = jumpCooldownSeconds(d);
        push(next, label.fuel, label.time + seconds, id, false, 'JUMP', d, 0, seconds);
      }
    }
    return undefined;
  }

  private build(ship: ShipNavState, labels: readonly Label[], id: number): Route {
    const legs: RouteLeg[] = [];
    const chain: number[] = [];
    for (let at = id; at !== -1; at = labels[at]!.parent) chain.push(at);
    chain.reverse();
    let refuelPending = false;
    let refuelStops = 0;
    for (const at of chain) {
      const label = labels[at]!;
      if (label.refuel) {
        refuelPending = true;
        refuelStops += 1;
      } else if (label.mode) {
        const from = this.waypoints[labels[label.parent]!.node]!.symbol;
        const to = this.waypoints[label.node]!.symbol;
        legs.push({ from, to, mode: label.mode, distance: label.distance, fuelCost: label.fuelUsed, seconds: label.seconds, refuelBefore: refuelPending, fuelAfter: label.fuel });
        refuelPending = false;
      }
    }
    return {
      ship: ship.symbol,
      origin: ship.location,
      destination: legs.at(-1)?.to ?? ship.location,
      legs,
      totalSeconds: labels[id]!.time,
      totalFuel: legs.reduce((sum, leg) => sum + leg.fuelCost, 0),
      refuelStops,
    };
  }

  /** Why no route exists, in words a player can act on. */
  private explain(ship: ShipNavState, from: number, to: number): string {
    const here = this.waypoints[from]!;
    const target = this.waypoints[to]!;
    const prefix = `no route for ${ship.symbol} from ${here.symbol} to ${target.symbol}`;
    if (ship.fuelCapacity > 0 && ship.fuel < 1 && !here.sellsFuel) return `${prefix}: the tank is empty and ${here.symbol} sells no fuel (DRIFT needs 1)`;
    if (here.systemSymbol !== target.systemSymbol) return `${prefix}: no chain of working jump gates (and fuel) leads to ${target.systemSymbol}`;
    const stations = this.waypoints.filter((w) => w.sellsFuel && w.systemSymbol === here.systemSymbol && w.symbol !== here.symbol);
    if (stations.length === 0) return `${prefix}: no fuel station in ${here.systemSymbol} and ${ship.fuel} fuel is not enough`;
    const nearest = stations.reduce((best, w) => (distance(here, w) < distance(here, best) ? w : best));
    return `${prefix}: no fuel station within reach at ${ship.fuel} fuel (nearest: ${nearest.symbol}, ${Math.round(distance(here, nearest))} away; DRIFT needs 1)`;
  }
}

/** A search state: at a waypoint with some fuel after some time, reached from its parent. */
interface Label {
  node: number;
  fuel: number;
  time: number;
  parent: number;
  /** Reached by refuelling at the same waypoint (not by a leg). */
  refuel: boolean;
  /** The leg that reached it, when one did. */
  mode?: FlightMode | 'JUMP';
  distance: number;
  fuelUsed: number;
  seconds: number;
}

/** A binary min-heap of (priority, id). */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly ids: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, id: number): void {
    let i = this.keys.length;
    this.keys.push(key);
    this.ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[i] = this.keys[parent]!;
      this.ids[i] = this.ids[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }

  pop(): number {
    const top = this.ids[0]!;
    const lastKey = this.keys.pop()!;
    const lastId = this.ids.pop()!;
    const n = this.keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.keys[right]! < this.keys[left]! ? right : left;
        if (this.keys[child]! >= lastKey) break;
        this.keys[i] = this.keys[child]!;
        this.ids[i] = this.ids[child]!;
        i = child;
      }
      this.keys[i] = lastKey;
      this.ids[i] = lastId;
    }
    return top;
  }
}
