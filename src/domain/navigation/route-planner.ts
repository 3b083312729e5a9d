import { DomainRuleError } from '../errors.js';
import {
  distance,
  FUEL_PER_UNIT,
  type FlightMode,
  legFuel,
  legSeconds,
  NAVIGATE_MULTIPLIER,
  WARP_MULTIPLIER,
} from './flight-mode.js';
import { OriginBound } from './origin-bound.js';
import { RouteGuide } from './route-guide.js';
import { RouteMap } from './route-map.js';
import { explainNoRoute, routeOf } from './route-result.js';
import { Search } from './route-search.js';
import type { Found, Trip } from './route-trip.js';
import type { NavSystem, NavWaypoint, Route, ShipNavState } from './route.js';
import { TravelBounds } from './travel-bounds.js';
import { WarpBounds } from './warp-bounds.js';

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

/**
 * Fuel a route must leave in the tank when its destination sells none: one unit, what a DRIFT leg
 * costs, so the ship can always drift on to a station. Arriving empty at such a waypoint strands it
 * (no route leaves there: "the tank is empty and … sells no fuel").
 */
const STRANDING_GUARD = 1;

/** The reserve to plan with: the configured one, at least STRANDING_GUARD when the destination sells no fuel. */
export function arrivalReserve(configured: number, destinationSellsFuel: boolean): number {
  return destinationSellsFuel ? configured : Math.max(configured, STRANDING_GUARD);
}

export class NoRouteError extends DomainRuleError {
  constructor(message: string) {
    super(message, 'NO_ROUTE');
  }
}

const DEFAULT_MODES: readonly FlightMode[] = ['BURN', 'CRUISE', 'DRIFT'];

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
 *
 * Where the parts are: the search loop in route-search.ts and its labels in route-labels.ts; the
 * bounds in travel-bounds.ts (one stretch of travel), station-field.ts and destination-bound.ts
 * (refuel stops), origin-bound.ts (the corridor), warp-bounds.ts and route-guide.ts (gates, warps).
 */
export class RoutePlanner {
  private readonly map: RouteMap;
  private readonly warps = new Map<string, WarpBounds>();
  private readonly travel = new Map<string, TravelBounds>();

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
    if (!route) throw new NoRouteError(explainNoRoute(this.waypoints, ship, from, to));
    return route;
  }

  /**
   * Inside one system the search starts from a real route's cost: the greedy route along the
   * guide's chain of stations, then a search that may stop only at stations and gates. With that
   * bound, a lower bound from the start (`OriginBound.straight`) plus the guide's to the destination
   * leave only a corridor of waypoints that could be stops on a faster route, and the full search
   * looks at those alone.
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
    const bounds = this.travelBounds(modes, ship.engineSpeed, tankless, usable);
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
      rates: {
        fuel: Float64Array.from(modes, (mode) => FUEL_PER_UNIT[mode]),
        navigate: Float64Array.from(modes, (mode) => NAVIGATE_MULTIPLIER[mode]),
        warp: Float64Array.from(modes, (mode) => WARP_MULTIPLIER[mode]),
      },
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
      const origin = new OriginBound(map.points, map.gates[system]!, from, bounds, warp?.out(system));
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
    found ??= new Search(trip).run();
    return found && routeOf(this.waypoints, ship, found);
  }

  /** Travel bounds for a ship's modes, engine and usable fuel, kept (with their full-tank table) for later trips. */
  private travelBounds(modes: readonly FlightMode[], engineSpeed: number, tankless: boolean, usable: number) {
    const key = `${modes.join(',')}@${engineSpeed}/${tankless ? 0 : usable}`;
    let bounds = this.travel.get(key);
    if (!bounds) this.travel.set(key, (bounds = new TravelBounds(modes, engineSpeed, tankless, usable)));
    return bounds;
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
  private greedyCost({ map, ship, from, to, reserve, rates, refuelSeconds, guide, fuel, fuelWeight }: Trip): number {
    const tankless = ship.fuelCapacity === 0;
    const leg = (a: number, b: number, tank: number) => {
      if (a === b) return 0;
      const d = distance(map.points[a]!, map.points[b]!);
      let best = Infinity;
      for (let m = 0; m < rates.fuel.length; m++) {
        const cost = tankless ? 0 : legFuel(d, rates.fuel[m]!);
        if (tankless || tank - cost >= reserve)
          best = Math.min(best, legSeconds(d, rates.navigate[m]!, ship.engineSpeed) + fuelWeight * cost);
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
}
