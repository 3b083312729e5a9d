import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { removeCargo } from '../fleet/cargo.js';
import { mustBeDocked, ownShip } from '../fleet/ships.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { GameError } from '../world/errors.js';
import { stringField, unitsField } from '../world/payload.js';
import {
  countAction,
  recordEvent,
  type AgentState,
  type ConstructionState,
  type WaypointState,
} from '../world/world.js';
import { waypointIn } from './systems.js';

type S = components['schemas'];

/** The bill of materials of a jump gate, as the live game posts it (the quantum stabilizer comes pre-installed). */
function jumpGateMaterials(): S['ConstructionMaterial'][] {
  return [
    { tradeSymbol: 'FAB_MATS', required: 1600, fulfilled: 0 },
    { tradeSymbol: 'ADVANCED_CIRCUITRY', required: 400, fulfilled: 0 },
    { tradeSymbol: 'QUANTUM_STABILIZERS', required: 1, fulfilled: 1 },
  ];
}

function site(game: Game, systemSymbol: string, waypointSymbol: string): S['Construction'] {
  const waypoint = waypointIn(game, systemSymbol, waypointSymbol);
  return constructionView(waypoint, stateOf(waypoint));
}

function supply(game: Game, agent: AgentState, systemSymbol: string, waypointSymbol: string, body: unknown) {
  const shipSymbol = stringField(body, 'shipSymbol');
  const tradeSymbol = stringField(body, 'tradeSymbol');
  const units = unitsField(body);
  const waypoint = waypointIn(game, systemSymbol, waypointSymbol);
  const site = structuredClone(stateOf(waypoint));
  const ship = ownShip(game, agent, shipSymbol);
  mustBeDocked(game, ship);
  if (ship.nav.waypointSymbol !== waypoint.symbol) {
    throw new GameError(
      400,
      4802,
      `Ship ${ship.symbol} must be at ${waypoint.symbol} to supply its construction site; it is at ${ship.nav.waypointSymbol}.`,
      { shipSymbol: ship.symbol, waypointSymbol: waypoint.symbol },
    );
  }
  const material = site.materials.find((m) => m.tradeSymbol === tradeSymbol);
  if (!material)
    throw new GameError(400, 4800, `Construction site ${waypoint.symbol} does not require ${tradeSymbol}.`, {
      waypointSymbol: waypoint.symbol,
      tradeSymbol,
    });
  if (material.fulfilled + units > material.required) {
    throw new GameError(
      400,
      4801,
      `Construction site ${waypoint.symbol} needs only ${material.required - material.fulfilled} more unit(s) of ${tradeSymbol}.`,
      {
        waypointSymbol: waypoint.symbol,
        tradeSymbol,
        required: material.required,
        fulfilled: material.fulfilled,
        units,
      },
    );
  }
  removeCargo(ship, tradeSymbol, units);
  material.fulfilled += units;
  site.isComplete = site.materials.every((m) => m.fulfilled >= m.required);
  waypoint.construction = site;
  countAction(game.world, 'supplyConstruction', ship.symbol);
  if (site.isComplete) complete(game, agent, waypoint);
  return { construction: constructionView(waypoint, site), cargo: ship.cargo };
}

/** The site's state: its record once supplied, the default bill while never supplied; 404 if nothing is being built. */
function stateOf(waypoint: WaypointState): ConstructionState {
  if (waypoint.construction) return waypoint.construction;
  if (!waypoint.isUnderConstruction)
    throw new GameError(404, 404, `Waypoint ${waypoint.symbol} is not under construction.`, {
      waypointSymbol: waypoint.symbol,
    });
  return { materials: jumpGateMaterials(), isComplete: false };
}

function complete(game: Game, agent: AgentState, waypoint: WaypointState): void {
  waypoint.isUnderConstruction = false;
  waypoint.traits = waypoint.traits.filter((t) => t !== 'UNDER_CONSTRUCTION');
  recordEvent(
    game.world,
    agent.symbol,
    'CONSTRUCTION_COMPLETED',
    `Construction of ${waypoint.symbol} is complete.`,
    { waypointSymbol: waypoint.symbol },
    game.clock.now(),
  );
}

function constructionView(waypoint: WaypointState, site: ConstructionState): S['Construction'] {
  return { symbol: waypoint.symbol, materials: structuredClone(site.materials), isComplete: site.isComplete };
}

/** Construction sites: waypoints under construction, built up from goods that ships deliver. */
export const CONSTRUCTION_ROUTES: Route[] = [
  route('GET', '/systems/{}/waypoints/{}/construction', (game, c) => ok(site(game, c.params[0]!, c.params[1]!))),
  route('POST', '/systems/{}/waypoints/{}/construction/supply', (game, c) =>
    ok(supply(game, me(game, c), c.params[0]!, c.params[1]!, c.body), 201),
  ),
];
