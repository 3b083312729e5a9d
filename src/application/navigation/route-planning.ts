import { inject, injectable } from 'inversify';
import type { Config } from '../../ports/config.js';
import { SHIP_FUEL_PER_MARKET_UNIT, type FlightMode } from '../../domain/navigation/flight-mode.js';
import type { Player } from '../../domain/player/player.js';
import type { NavSystem, NavWaypoint, Route } from '../../domain/navigation/route.js';
import { ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import { arrivalReserve, RoutePlanner } from '../../domain/navigation/route-planner.js';
import type { Clock } from '../../ports/clock.js';
import type { CachedSystem } from '../../ports/system-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { systemOf } from '../ships/ship-symbol.js';
import { navWaypoints, SystemMap } from '../systems/system-map.js';

/** How far the gate search looks for the destination's system. */
const MAX_SYSTEMS_SEARCHED = 30;

/**
 * Builds the planner's map for a trip — the origin and destination systems in full (waypoints, and
 * which markets sell fuel), and for a trip between systems the chain of working jump gates found
 * by a breadth-first search and, for a ship with a warp drive, the systems' positions — and plans
 * the ship's fastest route on it.
 */
@injectable()
export class RoutePlanning {
  constructor(
    @inject(SystemMap) private readonly map: SystemMap,
    @inject(TOKENS.Config) private readonly config: Config,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async plan(player: Player, ship: Ship, destination: string, objective: RouteObjective = {}): Promise<Route> {
    const origin = ship.nav.systemSymbol;
    const target = systemOf(destination);
    const canWarp = ship.canWarp;
    const home = await this.map.load(player, origin);
    const known = [home];
    let waypoints: NavWaypoint[];
    let systems: NavSystem[] = [];
    if (target === origin) {
      waypoints = navWaypoints(home);
    } else {
      const away = await this.map.load(player, target);
      known.push(away);
      const network = await this.gateNetwork(player, origin, target);
      systems = network.systems;
      // A warp needs the destination system's position even where no gate leads there.
      if (canWarp && !systems.some((s) => s.symbol === target)) {
        const far = await this.map.links(player, target);
        systems = [...systems, { symbol: target, x: far.x, y: far.y }];
      }
      const full = new Set([origin, target]);
      waypoints = [
        ...navWaypoints(home, network.gates),
        ...navWaypoints(away, network.gates),
        ...network.gateWaypoints.filter((w) => !full.has(w.systemSymbol)),
      ];
    }
    const fuelPrice = observedFuelPrice(known) ?? this.config.planner.fuelPrice;
    const creditsPerSecond = objective.creditsPerSecond ?? this.config.planner.creditsPerSecond ?? undefined;
    const planner = new RoutePlanner(waypoints, systems);
    const route = planner.plan(
      {
        symbol: ship.symbol,
        location: ship.location(),
        fuel: ship.fuel.current,
        fuelCapacity: ship.fuel.capacity,
        engineSpeed: ship.engineSpeed,
        canWarp,
        cooldownSeconds: ship.cooldownSecondsLeft(this.clock.now()),
      },
      destination,
      {
        fuelReserve: arrivalReserve(
          this.config.planner.fuelReserve,
          waypoints.find((w) => w.symbol === destination)?.sellsFuel ?? false,
        ),
        refuelSeconds: this.config.planner.refuelStopSeconds,
        ...(objective.modes ? { modes: objective.modes } : {}),
        ...(creditsPerSecond ? { fuelWeight: fuelPrice / SHIP_FUEL_PER_MARKET_UNIT / creditsPerSecond } : {}),
      },
    );
    return { ...route, fuelCredits: Math.round((route.totalFuel * fuelPrice) / SHIP_FUEL_PER_MARKET_UNIT) };
  }

  private async gateNetwork(player: Player, origin: string, target: string) {
    const systems: NavSystem[] = [];
    const gates = new Map<string, string[]>();
    const gateSites: Array<{ symbol: string; systemSymbol: string; x: number; y: number }> = [];
    const queue = [origin];
    const seen = new Set(queue);
    while (queue.length > 0 && systems.length < MAX_SYSTEMS_SEARCHED) {
      const symbol = queue.shift()!;
      const links = await this.map.links(player, symbol);
      systems.push({ symbol, x: links.x, y: links.y });
      const gate = links.gate;
      if (!gate || gate.underConstruction) continue;
      gates.set(gate.symbol, gate.connections);
      gateSites.push({ symbol: gate.symbol, systemSymbol: symbol, x: gate.x, y: gate.y });
      if (symbol === target) break;
      for (const next of gate.connections.map(systemOf)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    // A gate whose far end is under construction cannot be used from either side.
    for (const [gate, connections] of gates)
      gates.set(
        gate,
        connections.filter((c) => gates.has(c) || !seen.has(systemOf(c))),
      );
    const gateWaypoints: NavWaypoint[] = gateSites.map((site) => ({
      ...site,
      sellsFuel: false,
      jumpsTo: gates.get(site.symbol) ?? [],
    }));
    return { systems, gates, gateWaypoints };
  }
}

/** What the planner is asked to optimise. */
export interface RouteObjective {
  /** Restricts the flight modes the planner may pick (default: BURN, CRUISE, DRIFT). */
  modes?: readonly FlightMode[];
  /** What a second of the ship's time is worth; when set, fuel's cost is weighed against time. */
  creditsPerSecond?: number;
}

/** Rejects a value of time that is not a positive number of credits per second. */
export function requireCreditsPerSecond(value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new ValidationError(`credits per second must be a positive number, got "${value}"`);
  }
}

/** The median FUEL price (credits per market unit) the cached markets show, if any shows one. */
export function observedFuelPrice(systems: readonly CachedSystem[]): number | undefined {
  const prices = systems.flatMap((s) =>
    s.markets.flatMap((m) => (m.tradeGoods ?? []).filter((g) => g.symbol === 'FUEL').map((g) => g.purchasePrice)),
  );
  if (prices.length === 0) return undefined;
  prices.sort((a, b) => a - b);
  return prices[Math.floor(prices.length / 2)];
}
