import { modifiersFor, strainAt } from '../fleet/instability.js';
import type { Game } from '../game.js';
import { ok, page, route, type Route } from '../server/router.js';
import { GameError } from '../world/errors.js';
import { own, type SystemState, type WaypointState } from '../world/world.js';
import { systemView, visibleTraits, waypointView } from './views.js';

function system(game: Game, symbol: string): SystemState {
  const found = own(game.world.systems, symbol.toUpperCase());
  if (!found) throw new GameError(404, 404, `System ${symbol.toUpperCase()} not found.`);
  return found;
}

export function waypoint(game: Game, symbol: string): WaypointState {
  const found = own(game.world.waypoints, symbol.toUpperCase());
  if (!found) throw new GameError(404, 404, `Waypoint ${symbol.toUpperCase()} not found.`);
  return found;
}

/** A waypoint by the system and waypoint symbols of a `/systems/{}/waypoints/{}` path. */
export function waypointIn(game: Game, systemSymbol: string, symbol: string): WaypointState {
  const found = waypoint(game, symbol);
  if (found.systemSymbol !== systemSymbol.toUpperCase())
    throw new GameError(
      404,
      404,
      `Waypoint ${symbol.toUpperCase()} not found in system ${systemSymbol.toUpperCase()}.`,
    );
  return found;
}

/** A waypoint's view with its present modifiers (UNSTABLE, CRITICAL_LIMIT while an asteroid is over-mined). */
function withModifiers(game: Game, found: WaypointState) {
  return waypointView(found, modifiersFor(strainAt(game, found, game.clock.now())));
}

/** Systems, their waypoints (paged; `type` and `traits` filters) and their jump gates. */
export const SYSTEM_ROUTES: Route[] = [
  route('GET', '/systems', (game, c) =>
    page(
      Object.values(game.world.systems).map((s) => systemView(game.world, s)),
      c,
    ),
  ),
  route('GET', '/systems/{}', (game, c) => ok(systemView(game.world, system(game, c.params[0]!)))),
  route('GET', '/systems/{}/waypoints', (game, c) => {
    const found = system(game, c.params[0]!);
    const type = c.query.get('type');
    const traits = c.query.getAll('traits').flatMap((t) => t.split(','));
    const waypoints = found.waypoints
      .map((symbol) => game.world.waypoints[symbol]!)
      .filter((w) => (!type || w.type === type) && traits.every((t) => visibleTraits(w).includes(t as never)));
    return page(
      waypoints.map((w) => withModifiers(game, w)),
      c,
    );
  }),
  route('GET', '/systems/{}/waypoints/{}', (game, c) =>
    ok(withModifiers(game, waypointIn(game, c.params[0]!, c.params[1]!))),
  ),
  route('GET', '/systems/{}/waypoints/{}/jump-gate', (game, c) => {
    const gate = waypointIn(game, c.params[0]!, c.params[1]!);
    if (!gate.gate) throw new GameError(400, 4206, `Waypoint ${gate.symbol} is not a jump gate.`);
    return ok({ symbol: gate.symbol, connections: gate.gate });
  }),
];
