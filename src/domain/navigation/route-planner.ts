import { DomainRuleError } from '../errors.js';
import { distance, fuelCost, travelSeconds, type FlightMode } from './flight-mode.js';
import { MinHeap } from './min-heap.js';
import { OriginBound, RouteGuide, TravelBounds, WarpBounds } from './route-bounds.js';
import { RouteMap } from './route-map.js';
import type { NavSystem, NavWaypoint, Route, RouteLeg, ShipNavState } from './route.js';

export interface PlannerOptions {
  /** Keep at least this much fuel in the tank after every leg, when the ship can. */
  fuelReserve?: number;
  /** Time a refuel stop costs: dock, refuel, orbit (seconds). */
  refuelSeconds?: number;
  /** Modes the planner may choose per leg. STEALTH is never faster than CRUISE, so it is left out. */
  modes?: readonly FlightMode[];
  /**
   * Seconds a unit of fuel burned is worth: the planner then minimises time + fuelWeight × fuel
   * instead of time alone. (Fuel's price per ship unit ÷ what a second of the ship is worth.)
   */
  fuelWeight?: number;
}

export class NoRouteError extends DomainRuleError {
  constructor(message: string) {
    super(message, 'NO_ROUTE');
  }
}

const DEFAULT_MODES: readonly FlightMode[] = ['BURN', 'CRUISE', 'DRIFT'];

/** How a label was reached, besides a flight mode's index into the modes searched. */
const START = -1;
const REFUEL = -2;
const JUMP = -3;
/** A warp's kind is this plus its flight mode's index. */
const WARP = 1000;

/**
 * Plans the fastest route for a ship: A* over (waypoint, fuel) states, choosing a flight mode per
 * leg, refuelling to full only where FUEL is sold, jumping through working gates. A jump's cooldown
 * costs time only when another jump follows (see `LAYERS` in route-planner-reference.ts): a state
 * also says whether its last jump is made. A ship with a warp drive may also warp to any system
 * whose position is on the map, landing where it can refuel, jump on or end.
 *
 * Time is in seconds; with a `fuelWeight` the cost of a route is its time plus the weight times the
 * fuel it burns, else its time alone. The search is guided by `RouteGuide`, a lower bound on the
 * time left (so on the cost: the weight is never negative) that
 * knows about fuel: a ship low on fuel far from the destination must refuel (the refuel stations'
 * own bounds come from a Dijkstra over the stations) or fly slowly. The bound never overestimates,
 * so the first time the destination is settled is the optimum. A state (waypoint, fuel) is
 * dominated by one at the same waypoint reached no later with at least as much fuel (and free to
 * jump if it is); dominated states are dropped. Reaching a fuel station also queues the refuelled
 * state at once, so every later arrival there that is not earlier than a refuel stop is dominated
 * straight away.
 */
export class RoutePlanner {
  private readonly map: RouteMap;
  private readonly warps = new Map<string, WarpBounds>();

  constructor(
    private readonly waypoints: readonly NavWaypoint[],
    systems: readonly NavSystem[] = [],
  ) {
    this.map = new RouteMap(waypoints, systems);
  }

  plan(ship: ShipNavState, destination: string, options: PlannerOptions = {}): Route {
    const from = this.map.indexOf(ship.location);
    const to = this.map.indexOf(destination);
    if (from === undefined)
      throw new NoRouteError(`the ship's location ${ship.location} is not in the known map; sync the system first`);
    if (to === undefined) throw new NoRouteError(`unknown destination ${destination}`);
    if (!(ship.engineSpeed > 0))
      throw new NoRouteError(`${ship.symbol} has an engine speed of ${ship.engineSpeed} and cannot fly`);
    const reserve = Math.min(options.fuelReserve ?? 0, ship.fuelCapacity);
    const route =
      this.fastest(ship, from, to, reserve, options) ??
      (reserve > 0 ? this.fastest(ship, from, to, 0, options) : undefined);
    if (!route) throw new NoRouteError(this.explain(ship, from, to));
    return route;
  }

  /**
   * Inside one system the search starts from a real route's cost: the greedy route along the
   * guide's chain of stations, then a search that may stop only at stations and gates. With that
   * bound, a lower bound from the start (`OriginBound`) plus the guide's to the destination leave
   * only a corridor of waypoints that could be stops on a faster route, and the full search looks
   * at those alone.
   */
  private fastest(
    ship: ShipNavState,
    from: number,
    to: number,
    reserve: number,
    options: PlannerOptions,
  ): Route | undefined {
    const { map } = this;
    const modes = options.modes ?? DEFAULT_MODES;
    const refuelSeconds = options.refuelSeconds ?? 0;
    const tankless = ship.fuelCapacity === 0;
    const usable = ship.fuelCapacity - reserve;
    const bounds = new TravelBounds(modes, ship.engineSpeed, tankless, usable);
    const stationsOf = (system: number) => (tankless ? [] : map.stations[system]!);
    const warp = ship.canWarp ? this.warpBounds(modes, ship.engineSpeed) : undefined;
    const guide = new RouteGuide(map, to, bounds, stationsOf(map.systemOf[to]!), usable, refuelSeconds, warp);
    const fuelWeight = Math.max(0, options.fuelWeight ?? 0);
    const trip: Trip = {
      map,
      ship,
      from,
      to,
      reserve,
      modes,
      refuelSeconds,
      fuelWeight,
      bounds,
      guide,
      warp,
      cooldown: Math.max(0, ship.cooldownSeconds ?? 0),
      fuel: tankless ? 0 : Math.min(ship.fuel, ship.fuelCapacity),
    };
    const system = map.systemOf[from]!;
    let found: Found | undefined;
    if (system === map.systemOf[to]) {
      const origin = new OriginBound(
        map.points,
        stationsOf(system),
        map.gates[system]!,
        from,
        trip.fuel - reserve,
        bounds,
        refuelSeconds,
        warp?.out(system),
      );
      const greedy = this.greedyCost(trip);
      if (greedy < Infinity) {
        const quick = new Search(trip, { system, origin, upper: greedy, stationsOnly: true }).run();
        found = new Search(trip, { system, origin, upper: quick?.cost ?? greedy }).run();
      }
    }
    if (!found && warp) {
      // Warps reach every system, so first the route without them: its cost bounds the search with them.
      const plain = new Search({ ...trip, warp: undefined }).run();
      found = new Search(trip, undefined, plain?.cost).run() ?? plain;
    }
    return this.build(ship, found ?? new Search(trip).run());
  }

  /** Warp bounds for a mode set and engine speed, kept for the planner's later trips; none on a map with under two placed systems. */
  private warpBounds(modes: readonly FlightMode[], engineSpeed: number): WarpBounds | undefined {
    if (this.map.systemPoints.filter((p) => p !== undefined).length < 2) return undefined;
    const key = `${modes.join(',')}@${engineSpeed}`;
    let bounds = this.warps.get(key);
    if (!bounds) this.warps.set(key, (bounds = new WarpBounds(this.map, modes, engineSpeed)));
    return bounds;
  }

  /**
   * The cost of a real route: from the start, at most one leg to a station (or straight to the
   * destination), then the guide's chain of stations, each leg in the cheapest mode the tank
   * allows. Infinity when that chain cannot be flown.
   */
  private greedyCost({ map, ship, from, to, reserve, modes, refuelSeconds, guide, fuel, fuelWeight }: Trip): number {
    const tankless = ship.fuelCapacity === 0;
    const leg = (a: number, b: number, tank: number) => {
      if (a === b) return 0;
      const d = distance(map.points[a]!, map.points[b]!);
      let best = Infinity;
      for (const mode of modes) {
        const cost = tankless ? 0 : fuelCost(d, mode);
        if (tankless || tank - cost >= reserve)
          best = Math.min(best, travelSeconds(d, mode, ship.engineSpeed) + fuelWeight * cost);
      }
      return best;
    };
    const { stations, next } = guide.destination.field;
    const chain = new Float64Array(stations.length).fill(Number.NaN);
    const fromStation = (k: number): number => {
      if (Number.isNaN(chain[k]!)) {
        const after = next[k]!;
        chain[k] =
          after < 0
            ? leg(stations[k]!, to, ship.fuelCapacity)
            : leg(stations[k]!, stations[after]!, ship.fuelCapacity) + refuelSeconds + fromStation(after);
      }
      return chain[k]!;
    };
    let best = leg(from, to, fuel);
    for (let k = 0; k < stations.length; k++)
      best = Math.min(best, leg(from, stations[k]!, fuel) + refuelSeconds + fromStation(k));
    return best;
  }

  private build(ship: ShipNavState, found: Found | undefined): Route | undefined {
    if (!found) return undefined;
    const legs: RouteLeg[] = [];
    let refuelPending = false;
    let refuelStops = 0;
    for (const step of found.steps) {
      if (step.kind === REFUEL) {
        refuelPending = true;
        refuelStops += 1;
      } else if (step.kind !== START) {
        legs.push({
          from: this.waypoints[step.from]!.symbol,
          to: this.waypoints[step.node]!.symbol,
          mode: step.kind === JUMP ? 'JUMP' : found.modes[step.kind >= WARP ? step.kind - WARP : step.kind]!,
          ...(step.kind >= WARP ? { warp: true } : {}),
          distance: step.distance,
          fuelCost: step.fuelUsed,
          seconds: step.seconds,
          refuelBefore: refuelPending,
          fuelAfter: step.fuel,
        });
        refuelPending = false;
      }
    }
    return {
      ship: ship.symbol,
      origin: ship.location,
      destination: legs.at(-1)?.to ?? ship.location,
      legs,
      totalSeconds: legs.reduce((sum, leg) => sum + leg.seconds, 0) + refuelStops * found.refuelSeconds,
      totalFuel: legs.reduce((sum, leg) => sum + leg.fuelCost, 0),
      refuelStops,
    };
  }

  /** Why no route exists, in words a player can act on. */
  private explain(ship: ShipNavState, from: number, to: number): string {
    const here = this.waypoints[from]!;
    const target = this.waypoints[to]!;
    const prefix = `no route for ${ship.symbol} from ${here.symbol} to ${target.symbol}`;
    if (ship.fuelCapacity > 0 && ship.fuel < 1 && !here.sellsFuel)
      return `${prefix}: the tank is empty and ${here.symbol} sells no fuel (DRIFT needs 1)`;
    if (here.systemSymbol !== target.systemSymbol) {
      return ship.canWarp
        ? `${prefix}: no chain of working jump gates leads to ${target.systemSymbol}, and no warp (with fuel stops) reaches it on ${ship.fuel} fuel`
        : `${prefix}: no chain of working jump gates (and fuel) leads to ${target.systemSymbol}, and ${ship.symbol} has no warp drive`;
    }
    const stations = this.waypoints.filter(
      (w) => w.sellsFuel && w.systemSymbol === here.systemSymbol && w.symbol !== here.symbol,
    );
    if (stations.length === 0)
      return `${prefix}: no fuel station in ${here.systemSymbol} and ${ship.fuel} fuel is not enough`;
    const nearest = stations.reduce((best, w) => (distance(here, w) < distance(here, best) ? w : best));
    return `${prefix}: no fuel station within reach at ${ship.fuel} fuel (nearest: ${nearest.symbol}, ${Math.round(distance(here, nearest))} away; DRIFT needs 1)`;
  }
}

/** One planning problem, shared by the searches that solve it. */
interface Trip {
  map: RouteMap;
  ship: ShipNavState;
  from: number;
  to: number;
  /** Fuel in the tank at the start (0 for a ship without one). */
  fuel: number;
  reserve: number;
  modes: readonly FlightMode[];
  refuelSeconds: number;
  /** Seconds charged per unit of fuel burned (0: time alone). */
  fuelWeight: number;
  bounds: TravelBounds;
  guide: RouteGuide;
  /** Set when the ship may warp between systems. */
  warp: WarpBounds | undefined;
  /** Seconds left of the cooldown the ship starts with: its first jump waits them out. */
  cooldown: number;
}

/** Inside one system: a real route's cost, and the bound from the start that shapes the corridor. */
interface Corridor {
  system: number;
  origin: OriginBound;
  upper: number;
  /** Stops only where fuel is sold or at gates (and at the start and the destination). */
  stationsOnly?: boolean;
}

/** Candidate stops of one system, in parallel arrays for the inner loop. */
interface Neighbours {
  ids: Int32Array;
  xs: Float64Array;
  ys: Float64Array;
  /** The guide's bound from each, whatever the fuel. */
  floors: Float64Array;
}

/** The route found: its states in order and its cost. */
interface Found {
  /** Time (plus the fuel's weight in seconds, when it has one). */
  cost: number;
  modes: readonly FlightMode[];
  refuelSeconds: number;
  steps: Array<{
    node: number;
    from: number;
    fuel: number;
    kind: number;
    distance: number;
    fuelUsed: number;
    seconds: number;
  }>;
}

/**
 * One A* run. Labels (search states) live in parallel arrays; each waypoint keeps the ids of its
 * labels that no other label dominates.
 */
class Search {
  private readonly node: number[] = [];
  private readonly fuel: number[] = [];
  private readonly cost: number[] = [];
  private readonly parent: number[] = [];
  private readonly kind: number[] = [];
  private readonly legDistance: number[] = [];
  private readonly legSeconds: number[] = [];
  private readonly dead: number[] = [];
  /** 1 once the route's last jump is made: the ship may not jump again. */
  private readonly jumped: number[] = [];
  /** Seconds since the start (the cost less the fuel's weight). */
  private readonly time: number[] = [];
  private readonly fronts: Array<number[] | undefined>;
  private readonly heap = new MinHeap();
  private readonly neighbourSets = new Map<number, Neighbours>();
  private readonly tankless: boolean;
  private readonly waitAware: boolean;
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
    this.fronts = new Array<number[] | undefined>(trip.map.points.length);
    this.tankless = trip.ship.fuelCapacity === 0;
    this.waitAware = trip.cooldown > 0 && trip.fuelWeight > 0;
  }

  run(): Found | undefined {
    const { map, modes, bounds, to, reserve, ship, fuelWeight: weight } = this.trip;
    const { tankless } = this;
    const targetSystem = map.systemOf[to]!;
    this.push(this.trip.from, this.trip.fuel, 0, 0, -1, START, 0, 0, 0);
    while (this.heap.size > 0) {
      const id = this.heap.pop();
      if (this.dead[id]) continue;
      const here = this.node[id]!;
      if (here === to) return this.found(id);
      const cost = this.cost[id]!;
      const time = this.time[id]!;
      const fuel = this.fuel[id]!;
      const { x, y } = map.points[here]!;
      const { ids, xs, ys, floors } = this.neighbours(map.systemOf[here]!);
      const slack = this.bound - cost;
      for (let k = 0; k < ids.length; k++) {
        // Every leg takes at least 15 s: skip neighbours that cannot lead to a better arrival.
        const floor = floors[k]!;
        if (15 + floor >= slack) continue;
        const next = ids[k]!;
        if (next === here) continue;
        const dx = xs[k]! - x;
        const dy = ys[k]! - y;
        const d = Math.sqrt(dx * dx + dy * dy);
        if (bounds.leg(d) + floor >= this.bound - cost) continue;
        for (let m = 0; m < modes.length; m++) {
          const mode = modes[m]!;
          const burned = tankless ? 0 : fuelCost(d, mode);
          const left = fuel - burned;
          if (!tankless && left < reserve) continue;
          const seconds = travelSeconds(d, mode, ship.engineSpeed);
          this.push(next, left, cost + seconds + weight * burned, time + seconds, id, m, d, seconds, this.jumped[id]!);
        }
      }
      if (this.trip.warp) this.warps(id, here, fuel, cost, time);
      if (this.jumped[id]) continue;
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

  /** Warps from label `id` to every other system on the map, in each mode the tank allows. */
  private warps(id: number, here: number, fuel: number, cost: number, time: number): void {
    const { map, modes, ship, reserve, to, fuelWeight: weight, warp } = this.trip;
    const system = map.systemOf[here]!;
    const origin = map.systemPoints[system];
    if (!origin) return;
    const jumped = this.jumped[id]!;
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
        const mode = modes[m]!;
        const burned = this.tankless ? 0 : fuelCost(d, mode);
        const left = fuel - burned;
        if (!this.tankless && left < reserve) continue;
        const seconds = travelSeconds(d, mode, ship.engineSpeed, 'warp');
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
      let ids = map.members[system]!;
      if (corridor && system === corridor.system) {
        ids = ids.filter((i) => {
          if (i === from || i === to) return true;
          if (corridor.stationsOnly && !map.fuelSold[i] && map.jumps[i]!.length === 0) return false;
          // The cheap bounds first; the fuel-aware ones only for what they let through.
          const there = corridor.origin.straight(i);
          if (there + guide.direct(i) >= this.bound) return false;
          const left = guide.floor(i);
          return there + left < this.bound && corridor.origin.to(i) + left < this.bound;
        });
      }
      known = {
        ids: Int32Array.from(ids),
        xs: Float64Array.from(ids, (i) => map.points[i]!.x),
        ys: Float64Array.from(ids, (i) => map.points[i]!.y),
        floors: Float64Array.from(ids, (i) => guide.floor(i)),
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
      estimate += trip.guide.at(node, this.tankless ? 0 : fuel - trip.reserve);
      if (estimate >= this.bound) return;
    }
    let front = this.fronts[node];
    if (!front) this.fronts[node] = front = [];
    for (let k = 0; k < front.length; k++) {
      const other = front[k]!;
      if (
        this.cost[other]! <= cost &&
        this.fuel[other]! >= fuel &&
        this.jumped[other]! <= jumped &&
        this.fuelPartNoMore(other, cost - time)
      )
        return;
    }
    let kept = 0;
    for (let k = 0; k < front.length; k++) {
      const other = front[k]!;
      if (
        this.cost[other]! >= cost &&
        this.fuel[other]! <= fuel &&
        this.jumped[other]! >= jumped &&
        this.fuelPartNoLess(other, cost - time)
      )
        this.dead[other] = 1;
      else front[kept++] = other;
    }
    front.length = kept;
    const id = this.node.length;
    this.node.push(node);
    this.fuel.push(fuel);
    this.cost.push(cost);
    this.parent.push(parent);
    this.kind.push(kind);
    this.legDistance.push(legDistance);
    this.legSeconds.push(legSeconds);
    this.dead.push(0);
    this.jumped.push(jumped);
    this.time.push(time);
    front.push(id);
    this.heap.push(estimate, id);
    // Refuel to full here at once: later arrivals no earlier than this are then dominated.
    const capacity = trip.ship.fuelCapacity;
    if (!this.tankless && kind !== REFUEL && node !== trip.to && fuel < capacity && trip.map.fuelSold[node]) {
      this.push(node, capacity, cost + trip.refuelSeconds, time + trip.refuelSeconds, id, REFUEL, 0, 0, jumped);
    }
  }

  /**
   * A wait for the start's cooldown shrinks as time passes, so with a fuel weight a label that is
   * cheaper but later is not always better: then it must also have spent no more on fuel. (Without a
   * cooldown to wait or a weight on fuel, cost alone decides.)
   */
  private fuelPartNoMore(other: number, fuelPart: number): boolean {
    return !this.waitAware || this.cost[other]! - this.time[other]! <= fuelPart;
  }

  private fuelPartNoLess(other: number, fuelPart: number): boolean {
    return !this.waitAware || this.cost[other]! - this.time[other]! >= fuelPart;
  }

  private found(id: number): Found {
    const chain: number[] = [];
    for (let at = id; at !== -1; at = this.parent[at]!) chain.push(at);
    chain.reverse();
    return {
      cost: this.cost[id]!,
      modes: this.trip.modes,
      refuelSeconds: this.trip.refuelSeconds,
      steps: chain.map((at) => {
        const parent = this.parent[at]!;
        return {
          node: this.node[at]!,
          from: parent === -1 ? this.node[at]! : this.node[parent]!,
          fuel: this.fuel[at]!,
          kind: this.kind[at]!,
          distance: this.legDistance[at]!,
          fuelUsed: parent === -1 || this.kind[at] === REFUEL ? 0 : this.fuel[parent]! - this.fuel[at]!,
          seconds: this.legSeconds[at]!,
        };
      }),
    };
  }
}
