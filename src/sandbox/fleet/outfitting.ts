import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Game } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { MODIFICATIONS_FEE, MODULES, MOUNTS, shipLoad } from '../world/equipment.js';
import { badRequest, GameError } from '../world/errors.js';
import { stringField } from '../world/payload.js';
import { countAction, countCredits, own, type AgentState, type WaypointState } from '../world/world.js';
import { addCargo, checkCargo, checkRoom, removeCargo } from './cargo.js';
import { mustBeDocked, ownShip } from './ships.js';

type S = components['schemas'];
type Ship = S['Ship'];

/* Outfitting at a shipyard: mounts and modules, from the cargo hold onto the ship and back, for the shipyard's fee. */

function mounts(game: Game, agent: AgentState, symbol: string): S['ShipMount'][] {
  return ownShip(game, agent, symbol).mounts;
}

function modules(game: Game, agent: AgentState, symbol: string): S['ShipModule'][] {
  return ownShip(game, agent, symbol).modules;
}

function installMount(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const mountSymbol = stringField(body, 'symbol');
  const ship = ownShip(game, agent, symbol);
  const here = atShipyard(game, ship, 4246);
  const mount = own(MOUNTS, mountSymbol);
  if (!mount)
    throw badRequest(`${mountSymbol} is not a ship mount.`, {
      symbol: ['symbol must be a mount, e.g. MOUNT_SENSOR_ARRAY_I'],
    });
  checkCargo(ship, mountSymbol, 1);
  if (ship.mounts.length + 1 > ship.frame.mountingPoints) {
    throw new GameError(
      400,
      4251,
      `Ship ${ship.symbol} has no free mounting point: its frame has ${ship.frame.mountingPoints}.`,
      { shipSymbol: ship.symbol, mountingPoints: ship.frame.mountingPoints },
    );
  }
  checkCapacity(ship, mount.requirements);
  return modify(game, agent, ship, here, 'mounts', mountSymbol, 'installMount', 4248, () => {
    removeCargo(ship, mountSymbol, 1);
    ship.mounts.push(structuredClone(mount));
  });
}

function removeMount(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const mountSymbol = stringField(body, 'symbol');
  const ship = ownShip(game, agent, symbol);
  const here = atShipyard(game, ship, 4246);
  const index = ship.mounts.findIndex((m) => m.symbol === mountSymbol);
  if (index === -1)
    throw new GameError(400, 4247, `Ship ${ship.symbol} does not have mount ${mountSymbol} installed.`, {
      shipSymbol: ship.symbol,
      mountSymbol,
    });
  checkRoom(ship, mountSymbol, 1);
  return modify(game, agent, ship, here, 'mounts', mountSymbol, 'removeMount', 4248, () => {
    ship.mounts.splice(index, 1);
    addCargo(ship, mountSymbol, 1);
  });
}

function installModule(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const moduleSymbol = stringField(body, 'symbol');
  const ship = ownShip(game, agent, symbol);
  const here = atShipyard(game, ship, 4266);
  const module = own(MODULES, moduleSymbol);
  if (!module)
    throw badRequest(`${moduleSymbol} is not a ship module.`, {
      symbol: ['symbol must be a module, e.g. MODULE_CARGO_HOLD_I'],
    });
  checkCargo(ship, moduleSymbol, 1);
  const slots = module.requirements.slots ?? 0;
  const used = shipLoad(ship).slots;
  if (used + slots > ship.frame.moduleSlots) {
    throw new GameError(
      400,
      4250,
      `Ship ${ship.symbol} lacks module slots: ${slots} needed, ${ship.frame.moduleSlots - used} free.`,
      { shipSymbol: ship.symbol, slotsRequired: slots, slotsAvailable: ship.frame.moduleSlots - used },
    );
  }
  checkCapacity(ship, module.requirements);
  return modify(game, agent, ship, here, 'modules', moduleSymbol, 'installModule', 4268, () => {
    removeCargo(ship, moduleSymbol, 1);
    ship.modules.push(structuredClone(module));
    applyModule(ship, module, 1);
  });
}

function removeModule(game: Game, agent: AgentState, symbol: string, body: unknown) {
  const moduleSymbol = stringField(body, 'symbol');
  const ship = ownShip(game, agent, symbol);
  const here = atShipyard(game, ship, 4266);
  const index = ship.modules.findIndex((m) => m.symbol === moduleSymbol);
  if (index === -1)
    throw new GameError(400, 4267, `Ship ${ship.symbol} does not have module ${moduleSymbol} installed.`, {
      shipSymbol: ship.symbol,
      moduleSymbol,
    });
  const module = ship.modules[index]!;
  const holds = moduleSymbol.startsWith('MODULE_CARGO_HOLD') ? (module.capacity ?? 0) : 0;
  checkRoom(ship, moduleSymbol, 1, ship.cargo.capacity - holds);
  const quarters = moduleSymbol.startsWith('MODULE_CREW_QUARTERS') ? (module.capacity ?? 0) : 0;
  if (ship.crew.current > ship.crew.capacity - quarters) {
    throw new GameError(400, 4252, `Ship ${ship.symbol} would not have quarters for its ${ship.crew.current} crew.`, {
      shipSymbol: ship.symbol,
      crewRequired: ship.crew.current,
      crewAvailable: ship.crew.capacity - quarters,
    });
  }
  return modify(game, agent, ship, here, 'modules', moduleSymbol, 'removeModule', 4268, () => {
    ship.modules.splice(index, 1);
    applyModule(ship, module, -1);
    addCargo(ship, moduleSymbol, 1);
  });
}

/** Docked (4244, or 4214 in transit) at a waypoint with the SHIPYARD trait (`code` otherwise). */
export function atShipyard(game: Game, ship: Ship, code: number): WaypointState {
  mustBeDocked(game, ship);
  const here = waypoint(game, ship.nav.waypointSymbol);
  if (!here.traits.includes('SHIPYARD'))
    throw new GameError(400, code, `Waypoint ${here.symbol} has no shipyard.`, { waypointSymbol: here.symbol });
  return here;
}

/** The reactor's power and the crew quarters must cover what is installed plus the new part. */
function checkCapacity(ship: Ship, requirements: S['ShipRequirements']): void {
  const load = shipLoad(ship);
  const power = load.power + (requirements.power ?? 0);
  if (power > ship.reactor.powerOutput) {
    throw new GameError(
      400,
      4249,
      `Ship ${ship.symbol}'s reactor cannot power it: ${power} needed, ${ship.reactor.powerOutput} available.`,
      { shipSymbol: ship.symbol, powerRequired: power, powerAvailable: ship.reactor.powerOutput },
    );
  }
  const crew = load.crew + (requirements.crew ?? 0);
  if (crew > ship.crew.capacity) {
    throw new GameError(
      400,
      4252,
      `Ship ${ship.symbol} lacks crew quarters: ${crew} crew needed, room for ${ship.crew.capacity}.`,
      { shipSymbol: ship.symbol, crewRequired: crew, crewAvailable: ship.crew.capacity },
    );
  }
}

/** Cargo holds add cargo capacity and crew quarters crew capacity; `sign` is +1 to install, -1 to remove. */
function applyModule(ship: Ship, module: S['ShipModule'], sign: 1 | -1): void {
  if (module.symbol.startsWith('MODULE_CARGO_HOLD')) ship.cargo.capacity += sign * (module.capacity ?? 0);
  if (module.symbol.startsWith('MODULE_CREW_QUARTERS')) ship.crew.capacity += sign * (module.capacity ?? 0);
}

/** Charges the shipyard's fee (`feeCode` when the agent cannot pay it), applies `change`, and answers as every modification does. */
function modify<K extends 'mounts' | 'modules'>(
  game: Game,
  agent: AgentState,
  ship: Ship,
  here: WaypointState,
  kind: K,
  part: string,
  action: string,
  feeCode: number,
  change: () => void,
) {
  const owner = game.world.agents[agent.symbol]!;
  if (owner.credits < MODIFICATIONS_FEE) {
    throw new GameError(
      400,
      feeCode,
      `Agent has insufficient funds for the shipyard's fee: ${MODIFICATIONS_FEE} credits needed, ${owner.credits} available.`,
      { agentCredits: owner.credits, totalPrice: MODIFICATIONS_FEE },
    );
  }
  owner.credits -= MODIFICATIONS_FEE;
  change();
  countAction(game.world, action, ship.symbol);
  countCredits(game.world, agent.symbol, 'MODIFICATION', -MODIFICATIONS_FEE);
  const transaction: S['ShipModificationTransaction'] = {
    waypointSymbol: here.symbol,
    shipSymbol: ship.symbol,
    tradeSymbol: part,
    totalPrice: MODIFICATIONS_FEE,
    timestamp: game.timestamp(),
  };
  return { agent: { ...owner }, [kind]: ship[kind], cargo: ship.cargo, transaction } as {
    agent: AgentState;
    cargo: S['ShipCargo'];
    transaction: S['ShipModificationTransaction'];
  } & Record<K, Ship[K]>;
}

export const OUTFITTING_ROUTES: Route[] = [
  route('GET', '/my/ships/{}/mounts', (game, c) => ok(mounts(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/mounts/install', (game, c) =>
    ok(installMount(game, me(game, c), c.params[0]!, c.body), 201),
  ),
  route('POST', '/my/ships/{}/mounts/remove', (game, c) =>
    ok(removeMount(game, me(game, c), c.params[0]!, c.body), 201),
  ),
  route('GET', '/my/ships/{}/modules', (game, c) => ok(modules(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/modules/install', (game, c) =>
    ok(installModule(game, me(game, c), c.params[0]!, c.body), 201),
  ),
  route('POST', '/my/ships/{}/modules/remove', (game, c) =>
    ok(removeModule(game, me(game, c), c.params[0]!, c.body), 201),
  ),
];
