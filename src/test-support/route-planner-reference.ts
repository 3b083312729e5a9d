import {
  distance,
  fuelCost,
  jumpCooldownSeconds,
  travelSeconds,
  type FlightMode,
} from '../domain/navigation/flight-mode.js';
import type { NavSystem, NavWaypoint, ShipNavState } from '../domain/navigation/route.js';

/** The planner's options the reference understands; `fuelWeight` turns seconds into a cost. */
export interface ReferenceOptions {
  fuelReserve?: number;
  refuelSeconds?: number;
  modes?: readonly FlightMode[];
  fuelWeight?: number;
}

/**
 * How jumps cost time, in both the planner and the reference. A jump is instant and starts a
 * cooldown; navigation goes on during a cooldown, only the next jump must wait it out. So a jump's
 * cooldown is time lost only when another jump follows it (the ship waits at the gate: charged in
 * full), and the last jump of a route costs nothing. States carry a layer: 0 may still jump, 1 has
 * made its last jump (into the destination's system, or anywhere for a ship that can warp on) and
 * may not jump again.
 */
const LAYERS = 2;

/**
 * The reference the planner is proven against: Bellman-Ford over every (waypoint, fuel, layer)
 * state, relaxing every edge (legs inside a system, jumps between gates, warps) until nothing
 * changes — no heuristic, no pruning, no dominance. Exhaustive, so only for small maps. Returns the
 * minimum total seconds (or cost, with a fuel weight), or undefined when the destination cannot be
 * reached.
 *
 * A cooldown the ship starts with delays its first jump until it is over, which depends on the time
 * so far, not on the cost: so before the first jump each state keeps every (cost, fuel part of the
 * cost) pair that no other beats on both, and the first jump turns a pair into one cost,
 * max(cost, cooldown + fuel part). After it, every later jump is past the cooldown.
 */
export function referenceFastestSeconds(
  waypoints: readonly NavWaypoint[],
  ship: ShipNavState,
  destination: string,
  options: ReferenceOptions = {},
  systems: readonly NavSystem[] = [],
): number | undefined {
  const model = new ReferenceModel(waypoints, ship, destination, options, systems);
  const { levels, capacity } = model;
  const cooldown = Math.max(0, ship.cooldownSeconds ?? 0);
  const start = model.index.get(ship.location)!;
  let answer = Infinity;

  // Before the first jump: per (waypoint, fuel), the pairs [cost, fuel part] no other pair beats.
  const before: Array<Array<[number, number]>> = Array.from({ length: waypoints.length * levels }, () => []);
  const add = (at: number, cost: number, fuelPart: number): boolean => {
    const pairs = before[at]!;
    if (pairs.some(([c, f]) => c <= cost && f <= fuelPart)) return false;
    before[at] = pairs.filter(([c, f]) => !(c >= cost && f >= fuelPart));
    before[at]!.push([cost, fuelPart]);
    return true;
  };
  add(start * levels + Math.min(ship.fuel, capacity), 0, 0);
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < waypoints.length; node++) {
      for (let fuel = 0; fuel < levels; fuel++) {
        for (const [cost, fuelPart] of before[node * levels + fuel]!) {
          model.edges(node, fuel, 0, (state, seconds, part, jump) => {
            if (!jump && add(Math.floor(state / LAYERS), cost + seconds, fuelPart + part)) changed = true;
          });
        }
      }
    }
  }
  for (let fuel = 0; fuel < levels; fuel++)
    for (const [cost] of before[model.target * levels + fuel]!) answer = Math.min(answer, cost);

  // From the first jump on: one least cost per (waypoint, fuel, layer).
  const best = new Float64Array(waypoints.length * levels * LAYERS).fill(Infinity);
  for (let node = 0; node < waypoints.length; node++) {
    for (let fuel = 0; fuel < levels; fuel++) {
      for (const [cost, fuelPart] of before[node * levels + fuel]!) {
        const departs = Math.max(cost, cooldown + fuelPart);
        model.edges(node, fuel, 0, (state, seconds, _part, jump) => {
          if (jump) best[state] = Math.min(best[state]!, departs + seconds);
        });
      }
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < waypoints.length; node++) {
      for (let fuel = 0; fuel < levels; fuel++) {
        for (let layer = 0; layer < LAYERS; layer++) {
          const now = best[model.state(node, fuel, layer)]!;
          if (now === Infinity) continue;
          model.edges(node, fuel, layer, (state, seconds) => {
            if (now + seconds < best[state]!) {
              best[state] = now + seconds;
              changed = true;
            }
          });
        }
      }
    }
  }
  for (let fuel = 0; fuel < levels; fuel++)
    for (let layer = 0; layer < LAYERS; layer++)
      answer = Math.min(answer, best[model.state(model.target, fuel, layer)]!);
  return answer === Infinity ? undefined : answer;
}

/**
 * The same exhaustive relaxation run backwards: for every waypoint and every fuel level, the least
 * seconds left to reach the destination for a ship that may still jump (Infinity where it cannot be
 * reached). `left(i, fuel)` reads it. For proving lower bounds never overestimate.
 */
export function referenceSecondsLeft(
  waypoints: readonly NavWaypoint[],
  ship: Pick<ShipNavState, 'fuelCapacity' | 'engineSpeed' | 'canWarp' | 'cooldownSeconds'>,
  destination: string,
  options: ReferenceOptions = {},
  systems: readonly NavSystem[] = [],
): (waypoint: number, fuel: number) => number {
  const model = new ReferenceModel(waypoints, ship, destination, options, systems);
  const { levels, capacity, target } = model;
  const left = new Float64Array(waypoints.length * levels * LAYERS).fill(Infinity);
  for (let fuel = 0; fuel < levels; fuel++)
    for (let layer = 0; layer < LAYERS; layer++) left[model.state(target, fuel, layer)] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let node = 0; node < waypoints.length; node++) {
      if (node === target) continue;
      for (let fuel = 0; fuel < levels; fuel++) {
        for (let layer = 0; layer < LAYERS; layer++) {
          const here = model.state(node, fuel, layer);
          let best = left[here]!;
          model.edges(node, fuel, layer, (state, seconds) => {
            best = Math.min(best, seconds + left[state]!);
          });
          if (best < left[here]!) {
            left[here] = best;
            changed = true;
          }
        }
      }
    }
  }
  return (waypoint, fuel) => left[model.state(waypoint, Math.min(fuel, capacity), 0)]!;
}

/** The state space both reference searches relax: its indexing and every edge out of a state. */
class ReferenceModel {
  readonly index: Map<string, number>;
  readonly capacity: number;
  readonly levels: number;
  readonly target: number;
  private readonly modes: readonly FlightMode[];
  private readonly reserve: number;
  private readonly systemAt: Map<string, NavSystem>;

  constructor(
    private readonly waypoints: readonly NavWaypoint[],
    private readonly ship: Pick<ShipNavState, 'fuelCapacity' | 'engineSpeed' | 'canWarp' | 'cooldownSeconds'>,
    destination: string,
    private readonly options: ReferenceOptions,
    systems: readonly NavSystem[],
  ) {
    this.index = new Map(waypoints.map((w, i) => [w.symbol, i]));
    this.capacity = ship.fuelCapacity;
    this.levels = this.capacity + 1;
    this.target = this.index.get(destination)!;
    this.modes = options.modes ?? ['BURN', 'CRUISE', 'DRIFT'];
    this.reserve = Math.min(options.fuelReserve ?? 0, this.capacity);
    this.systemAt = new Map(systems.map((s) => [s.symbol, s]));
  }

  state(node: number, fuel: number, layer: number): number {
    return (node * this.levels + fuel) * LAYERS + layer;
  }

  /**
   * Calls `edge(next state, cost, fuel part of that cost, is a jump)` for every move out of
   * (node, fuel, layer). A jump's cost here is the cooldown it makes the next jump wait (0 for the
   * last); the wait for a cooldown the ship started with is the caller's.
   */
  edges(
    node: number,
    fuel: number,
    layer: number,
    edge: (state: number, seconds: number, fuelPart: number, jump: boolean) => void,
  ): void {
    const { waypoints, capacity, options } = this;
    const weight = options.fuelWeight ?? 0;
    const here = waypoints[node]!;
    if (capacity > 0 && here.sellsFuel) edge(this.state(node, capacity, layer), options.refuelSeconds ?? 0, 0, false);
    if (layer === 0) {
      for (const gate of here.jumpsTo ?? []) {
        const next = this.index.get(gate);
        if (next === undefined || waypoints[next]!.systemSymbol === here.systemSymbol) continue;
        const a = this.systemAt.get(here.systemSymbol);
        const b = this.systemAt.get(waypoints[next]!.systemSymbol);
        edge(this.state(next, fuel, 0), jumpCooldownSeconds(a && b ? distance(a, b) : 0), 0, true);
        if (this.ship.canWarp || waypoints[next]!.systemSymbol === waypoints[this.target]!.systemSymbol)
          edge(this.state(next, fuel, 1), 0, 0, true);
      }
    }
    // Warps: to every waypoint of every other system with a known position.
    const origin = this.systemAt.get(here.systemSymbol);
    if (this.ship.canWarp && origin) {
      for (let next = 0; next < waypoints.length; next++) {
        const there = this.systemAt.get(waypoints[next]!.systemSymbol);
        if (!there || there === origin) continue;
        const d = distance(origin, there);
        for (const mode of this.modes) {
          const after = capacity === 0 ? 0 : fuel - fuelCost(d, mode);
          if (capacity > 0 && after < this.reserve) continue;
          const part = weight * (capacity === 0 ? 0 : fuel - after);
          edge(
            this.state(next, after, layer),
            travelSeconds(d, mode, this.ship.engineSpeed, 'warp') + part,
            part,
            false,
          );
        }
      }
    }
    for (let next = 0; next < waypoints.length; next++) {
      if (next === node || waypoints[next]!.systemSymbol !== here.systemSymbol) continue;
      const d = distance(here, waypoints[next]!);
      for (const mode of this.modes) {
        const after = capacity === 0 ? 0 : fuel - fuelCost(d, mode);
        if (capacity > 0 && after < this.reserve) continue;
        const part = weight * (capacity === 0 ? 0 : fuel - after);
        edge(this.state(next, after, layer), travelSeconds(d, mode, this.ship.engineSpeed) + part, part, false);
      }
    }
  }
}
