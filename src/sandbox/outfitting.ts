import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { MODIFICATIONS_FEE, MODULES, MOUNTS, shipLoad, shipValue, wearingParts } from './equipment.js';
import { badRequest, GameError } from './errors.js';
import type { Game } from './game.js';
import { stringField } from './payload.js';
import { addCargo, checkCargo, checkRoom, removeCargo } from './ship-support.js';
import { countAction, recordEvent, type AgentState, type WaypointState } from './world.js';

type S = components['schemas'];
type Ship = S['Ship'];

/** A full repair costs this share of the ship's value for a ship at condition 0. */
const REPAIR_SHARE = 0.25;
/** Scrapping returns this share of the ship's value, scaled by its condition. */
const SCRAP_SHARE = 0.5;
/** Each point of condition a repair restores costs this much integrity ("as condition is repaired, integrity decreases"). */
const INTEGRITY_LOSS_PER_REPAIR = 0.1;

/** Shipyard services: mounts and modules in and out, repairs, scrapping. All need the ship docked at a shipyard. */
export class Outfitting {
  constructor(private readonly game: Game) {}

  mounts(agent: AgentState, symbol: string): S['ShipMount'][] {
    return this.game.ship(agent, symbol).mounts;
  }

  modules(agent: AgentState, symbol: string): S['ShipModule'][] {
    return this.game.ship(agent, symbol).modules;
  }

  installMount(agent: AgentState, symbol: string, body: unknown) {
    const mountSymbol = stringField(body, 'symbol');
    const ship = this.game.ship(agent, symbol);
    const here = this.atShipyard(ship, 4246);
    const mount = MOUNTS[mountSymbol as S['ShipMount']['symbol']];
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
    this.checkCapacity(ship, mount.requirements);
    const owner = this.fee(agent, 4248);
    owner.credits -= MODIFICATIONS_FEE;
    removeCargo(ship, mountSymbol, 1);
    ship.mounts.push(structuredClone(mount));
    return {
      agent: { ...owner },
      mounts: ship.mounts,
      cargo: ship.cargo,
      transaction: this.modification(ship, here, mountSymbol, 'installMount'),
    };
  }

  removeMount(agent: AgentState, symbol: string, body: unknown) {
    const mountSymbol = stringField(body, 'symbol');
    const ship = this.game.ship(agent, symbol);
    const here = this.atShipyard(ship, 4246);
    const index = ship.mounts.findIndex((m) => m.symbol === mountSymbol);
    if (index === -1)
      throw new GameError(400, 4247, `Ship ${ship.symbol} does not have mount ${mountSymbol} installed.`, {
        shipSymbol: ship.symbol,
        mountSymbol,
      });
    checkRoom(ship, mountSymbol, 1);
    const owner = this.fee(agent, 4248);
    owner.credits -= MODIFICATIONS_FEE;
    ship.mounts.splice(index, 1);
    addCargo(ship, mountSymbol, 1);
    return {
      agent: { ...owner },
      mounts: ship.mounts,
      cargo: ship.cargo,
      transaction: this.modification(ship, here, mountSymbol, 'removeMount'),
    };
  }

  installModule(agent: AgentState, symbol: string, body: unknown) {
    const moduleSymbol = stringField(body, 'symbol');
    const ship = this.game.ship(agent, symbol);
    const here = this.atShipyard(ship, 4266);
    const module = MODULES[moduleSymbol as S['ShipModule']['symbol']];
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
    this.checkCapacity(ship, module.requirements);
    const owner = this.fee(agent, 4268);
    owner.credits -= MODIFICATIONS_FEE;
    removeCargo(ship, moduleSymbol, 1);
    ship.modules.push(structuredClone(module));
    this.applyModule(ship, module, 1);
    return {
      agent: { ...owner },
      modules: ship.modules,
      cargo: ship.cargo,
      transaction: this.modification(ship, here, moduleSymbol, 'installModule'),
    };
  }

  removeModule(agent: AgentState, symbol: string, body: unknown) {
    const moduleSymbol = stringField(body, 'symbol');
    const ship = this.game.ship(agent, symbol);
    const here = this.atShipyard(ship, 4266);
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
    const owner = this.fee(agent, 4268);
    owner.credits -= MODIFICATIONS_FEE;
    ship.modules.splice(index, 1);
    this.applyModule(ship, module, -1);
    addCargo(ship, moduleSymbol, 1);
    return {
      agent: { ...owner },
      modules: ship.modules,
      cargo: ship.cargo,
      transaction: this.modification(ship, here, moduleSymbol, 'removeModule'),
    };
  }

  repairQuote(agent: AgentState, symbol: string) {
    return { transaction: this.quote(agent, symbol, 'repair').transaction };
  }

  repair(agent: AgentState, symbol: string) {
    const { ship, transaction } = this.quote(agent, symbol, 'repair');
    const owner = this.game.world.agents[agent.symbol]!;
    if (owner.credits < transaction.totalPrice) {
      throw new GameError(
        400,
        4265,
        `Agent has insufficient funds to repair ${ship.symbol}: ${transaction.totalPrice} credits needed, ${owner.credits} available.`,
        { agentCredits: owner.credits, totalPrice: transaction.totalPrice },
      );
    }
    owner.credits -= transaction.totalPrice;
    for (const part of wearingParts(ship)) {
      part.integrity = Math.max(0, round4(part.integrity - (1 - part.condition) * INTEGRITY_LOSS_PER_REPAIR));
      part.condition = 1;
    }
    countAction(this.game.world, 'repair', ship.symbol);
    return { agent: { ...owner }, ship, transaction };
  }

  scrapQuote(agent: AgentState, symbol: string) {
    return { transaction: this.quote(agent, symbol, 'scrap').transaction };
  }

  scrap(agent: AgentState, symbol: string) {
    const { ship, here, transaction } = this.quote(agent, symbol, 'scrap');
    const owner = this.game.world.agents[agent.symbol]!;
    delete this.game.world.ships[ship.symbol];
    owner.credits += transaction.totalPrice;
    countAction(this.game.world, 'scrap', ship.symbol);
    recordEvent(
      this.game.world,
      agent.symbol,
      'SHIP_SCRAPPED',
      `Ship ${ship.symbol} was scrapped at ${here.symbol} for ${transaction.totalPrice} credits.`,
      { shipSymbol: ship.symbol, waypointSymbol: here.symbol, totalPrice: transaction.totalPrice },
      this.game.clock.now(),
    );
    return { agent: { ...owner }, transaction };
  }

  /** Docked (4244, or 4214 in transit) at a waypoint with the SHIPYARD trait (`code` otherwise). */
  private atShipyard(ship: Ship, code: number): WaypointState {
    this.game.mustBeDocked(ship);
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    if (!here.traits.includes('SHIPYARD'))
      throw new GameError(400, code, `Waypoint ${here.symbol} has no shipyard.`, { waypointSymbol: here.symbol });
    return here;
  }

  /** The reactor's power and the crew quarters must cover what is installed plus the new part. */
  private checkCapacity(ship: Ship, requirements: S['ShipRequirements']): void {
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

  /** The agent, once it is known to afford the shipyard's modification fee. */
  private fee(agent: AgentState, code: number): AgentState {
    const owner = this.game.world.agents[agent.symbol]!;
    if (owner.credits < MODIFICATIONS_FEE) {
      throw new GameError(
        400,
        code,
        `Agent has insufficient funds for the shipyard's fee: ${MODIFICATIONS_FEE} credits needed, ${owner.credits} available.`,
        { agentCredits: owner.credits, totalPrice: MODIFICATIONS_FEE },
      );
    }
    return owner;
  }

  private modification(
    ship: Ship,
    here: WaypointState,
    tradeSymbol: string,
    action: string,
  ): S['ShipModificationTransaction'] {
    countAction(this.game.world, action, ship.symbol);
    return {
      waypointSymbol: here.symbol,
      shipSymbol: ship.symbol,
      tradeSymbol,
      totalPrice: MODIFICATIONS_FEE,
      timestamp: new Date(this.game.clock.now()).toISOString(),
    };
  }

  /** Cargo holds add cargo capacity and crew quarters crew capacity; `sign` is +1 to install, -1 to remove. */
  private applyModule(ship: Ship, module: S['ShipModule'], sign: 1 | -1): void {
    if (module.symbol.startsWith('MODULE_CARGO_HOLD')) ship.cargo.capacity += sign * (module.capacity ?? 0);
    if (module.symbol.startsWith('MODULE_CREW_QUARTERS')) ship.crew.capacity += sign * (module.capacity ?? 0);
  }

  /**
   * What a shipyard charges to repair a ship (a share of its value, by the wear of its parts) or pays to
   * scrap it (a share of its value, by their condition). Needs the ship docked at a shipyard.
   */
  private quote(
    agent: AgentState,
    symbol: string,
    service: 'repair' | 'scrap',
  ): { ship: Ship; here: WaypointState; transaction: S['RepairTransaction'] } {
    const ship = this.game.ship(agent, symbol);
    const here = this.atShipyard(ship, service === 'repair' ? 4264 : 4263);
    const parts = wearingParts(ship);
    const condition = parts.reduce((sum, p) => sum + p.condition, 0) / parts.length;
    const share = service === 'repair' ? REPAIR_SHARE * (1 - condition) : SCRAP_SHARE * condition;
    const transaction = {
      waypointSymbol: here.symbol,
      shipSymbol: ship.symbol,
      totalPrice: Math.round(shipValue(ship) * share),
      timestamp: new Date(this.game.clock.now()).toISOString(),
    };
    return { ship, here, transaction };
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
