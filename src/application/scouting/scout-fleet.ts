import { inject, injectable } from 'inversify';
import { DomainRuleError, ValidationError } from '../../domain/errors.js';
import type { Ship } from '../../domain/fleet/ship.js';
import type { Player } from '../../domain/player/player.js';
import { planScoutTours, type ScoutPlan, type ScoutShip } from '../../domain/scouting/scout-plan.js';
import { arrivalSeconds, withArrivalDelay } from '../../domain/scouting/scout-schedule.js';
import { tanklessLegSeconds, type TourWaypoint } from '../../domain/scouting/travel-time.js';
import type { Clock } from '../../ports/clock.js';
import type { SpaceTradersApi } from '../../ports/spacetraders-api.js';
import type { CachedSystem } from '../../ports/system-repository.js';
import { TOKENS } from '../../ports/tokens.js';
import { requireShipSymbol } from '../ships/ship-symbol.js';
import { SystemMap } from '../systems/system-map.js';

/** A waypoint scouting visits: what is read there. */
export interface ScoutStop extends TourWaypoint {
  market: boolean;
  shipyard: boolean;
}

/** A plan, with when each stop is reached (seconds from the start of the sweep). */
export interface ScoutSweep {
  plan: ScoutPlan;
  stops: ScoutStop[];
  arrivals: Map<string, number>;
}

/** Every marketplace and every shipyard of a system, each once, in symbol order. */
export function scoutStops(system: CachedSystem): ScoutStop[] {
  const markets = new Set(system.markets.map((m) => m.symbol));
  return system.waypoints
    .map((w) => ({
      symbol: w.symbol,
      x: w.x,
      y: w.y,
      market: markets.has(w.symbol) || w.traits.some((t) => t.symbol === 'MARKETPLACE'),
      shipyard: w.traits.some((t) => t.symbol === 'SHIPYARD'),
    }))
    .filter((stop) => stop.market || stop.shipyard)
    .sort((a, b) => a.symbol.localeCompare(b.symbol));
}

/** The ship symbols a scouting request names: at least one, each valid, each once (upper case). */
export function requireScoutShips(ships: unknown): string[] {
  if (!Array.isArray(ships) || ships.length === 0)
    throw new ValidationError('name at least one ship to scout with (--ships P1,P2)');
  for (const ship of ships) requireShipSymbol(ship);
  const symbols = (ships as string[]).map((s) => s.toUpperCase());
  const twice = symbols.find((s, i) => symbols.indexOf(s) !== i);
  if (twice) throw new ValidationError(`ship ${twice} is named twice`);
  return symbols;
}

/**
 * Plans a sweep of a system's markets and shipyards with some of the player's ships: the system
 * from the player's map (synced when not stored), the ships fresh from the server, each ship's leg
 * times from the published formulas at its own engine speed (a ship still in transit starts where
 * it arrives, that much later).
 */
@injectable()
export class ScoutFleet {
  constructor(
    @inject(TOKENS.SpaceTradersApi) private readonly api: SpaceTradersApi,
    @inject(SystemMap) private readonly map: SystemMap,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  async plan(player: Player, systemSymbol: string, shipSymbols: readonly string[]): Promise<ScoutSweep> {
    const system = await this.map.load(player, systemSymbol);
    const ships: Ship[] = [];
    for (const symbol of shipSymbols) ships.push(await this.api.getShip(player.token, symbol));
    const stops = scoutStops(system);
    const scouts = ships.map((ship) => this.scout(ship, system));
    const plan = planScoutTours(scouts, stops);
    const bySymbol = new Map(stops.map((s) => [s.symbol, s]));
    const arrivals = new Map<string, number>();
    plan.tours.forEach((tour, i) => {
      const scout = scouts[i]!;
      const visited = tour.stops.map((symbol) => bySymbol.get(symbol)!);
      const times = arrivalSeconds(scout.start, visited, scout.legSeconds);
      for (const [k, stop] of visited.entries()) arrivals.set(stop.symbol, times[k]!);
    });
    return { plan, stops, arrivals };
  }

  private scout(ship: Ship, system: CachedSystem): ScoutShip<TourWaypoint> {
    if (ship.nav.systemSymbol !== system.systemSymbol)
      throw new DomainRuleError(`${ship.symbol} is in ${ship.nav.systemSymbol}, not in ${system.systemSymbol}`);
    if (ship.needsFuel)
      throw new DomainRuleError(
        `${ship.symbol} has a fuel tank (${ship.fuel.capacity}): scouting flies only ships that need no fuel (probes, solar ships)`,
      );
    const here = system.waypoints.find((w) => w.symbol === ship.location());
    if (!here) throw new DomainRuleError(`${ship.symbol} is at ${ship.location()}, which ${system.systemSymbol} lacks`);
    const start: TourWaypoint = { symbol: here.symbol, x: here.x, y: here.y };
    const legs = tanklessLegSeconds({ engineSpeed: ship.engineSpeed, fuelCapacity: 0 });
    return {
      ship: ship.symbol,
      start,
      legSeconds: withArrivalDelay(start, ship.secondsToArrival(this.clock.now()), legs),
    };
  }
}
