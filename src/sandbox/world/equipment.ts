import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { cargoHold, laser, MINING_LASER_STRENGTH, surveyor, TRADE_GOODS, warpDrive } from './catalog.js';
import { SURVEYOR_DEPOSITS } from './deposits.js';

type S = components['schemas'];

/** What a shipyard charges to install or remove one mount or module (its `modificationsFee`; live shipyards each post their own, the sandbox charges one flat fee). */
export const MODIFICATIONS_FEE = 100;

function mount(
  symbol: S['ShipMount']['symbol'],
  name: string,
  strength: number,
  power: number,
  crew: number,
): S['ShipMount'] {
  return { symbol, name, description: name, strength, requirements: { power, crew } };
}

function module(
  symbol: S['ShipModule']['symbol'],
  name: string,
  power: number,
  crew: number,
  slots: number,
  extra: { capacity?: number; range?: number } = {},
): S['ShipModule'] {
  return { symbol, name, description: name, ...extra, requirements: { power, crew, slots } };
}

/**
 * Mounts a ship can carry as cargo and have installed; the tier I ones are the very ones the ship templates use.
 * Strengths and needs of the tier II ones are the live frigate's (FloWi st_client.rs registration dump,
 * 2024-02; ECONOMY.md §3): GAS_SIPHON_II 20, MINING_LASER_II 5, SURVEYOR_II 2 (power 3, crew 4). Surveyors
 * list the deposits they can find, as live ones do.
 */
export const MOUNTS: Partial<Record<S['ShipMount']['symbol'], S['ShipMount']>> = {
  MOUNT_GAS_SIPHON_I: mount('MOUNT_GAS_SIPHON_I', 'Gas Siphon I', 10, 1, 0),
  MOUNT_GAS_SIPHON_II: mount('MOUNT_GAS_SIPHON_II', 'Gas Siphon II', 20, 2, 2),
  MOUNT_SURVEYOR_I: surveyor,
  MOUNT_SURVEYOR_II: {
    ...mount('MOUNT_SURVEYOR_II', 'Surveyor II', 2, 3, 4),
    deposits: [...SURVEYOR_DEPOSITS.MOUNT_SURVEYOR_II!],
  },
  MOUNT_SENSOR_ARRAY_I: mount('MOUNT_SENSOR_ARRAY_I', 'Sensor Array I', 1, 1, 0),
  MOUNT_SENSOR_ARRAY_II: mount('MOUNT_SENSOR_ARRAY_II', 'Sensor Array II', 2, 2, 2),
  MOUNT_MINING_LASER_I: laser,
  MOUNT_MINING_LASER_II: mount('MOUNT_MINING_LASER_II', 'Mining Laser II', MINING_LASER_STRENGTH.II, 2, 2),
};

export const MODULES: Partial<Record<S['ShipModule']['symbol'], S['ShipModule']>> = {
  MODULE_CARGO_HOLD_I: cargoHold,
  MODULE_CARGO_HOLD_II: module('MODULE_CARGO_HOLD_II', 'Cargo Hold II', 2, 2, 2, { capacity: 40 }),
  MODULE_CREW_QUARTERS_I: module('MODULE_CREW_QUARTERS_I', 'Crew Quarters I', 1, 2, 1, { capacity: 40 }),
  MODULE_MINERAL_PROCESSOR_I: module('MODULE_MINERAL_PROCESSOR_I', 'Mineral Processor I', 1, 0, 2),
  MODULE_GAS_PROCESSOR_I: module('MODULE_GAS_PROCESSOR_I', 'Gas Processor I', 1, 0, 2),
  MODULE_ORE_REFINERY_I: module('MODULE_ORE_REFINERY_I', 'Ore Refinery I', 1, 0, 1),
  MODULE_FUEL_REFINERY_I: module('MODULE_FUEL_REFINERY_I', 'Fuel Refinery I', 1, 0, 1),
  MODULE_MICRO_REFINERY_I: module('MODULE_MICRO_REFINERY_I', 'Micro Refinery I', 1, 0, 1),
  MODULE_WARP_DRIVE_I: warpDrive,
};

/** What each good a refinery produces is made from. */
export const REFINING_INPUT: Record<string, string> = {
  IRON: 'IRON_ORE',
  COPPER: 'COPPER_ORE',
  SILVER: 'SILVER_ORE',
  GOLD: 'GOLD_ORE',
  ALUMINUM: 'ALUMINUM_ORE',
  PLATINUM: 'PLATINUM_ORE',
  URANITE: 'URANITE_ORE',
  MERITIUM: 'MERITIUM_ORE',
  FUEL: 'HYDROCARBON',
};

const METALS = ['IRON', 'COPPER', 'SILVER', 'GOLD', 'ALUMINUM', 'PLATINUM', 'URANITE', 'MERITIUM'];

/** The goods each refinery module can produce. */
export const REFINERIES: Record<string, string[]> = {
  MODULE_ORE_REFINERY_I: METALS,
  MODULE_MICRO_REFINERY_I: METALS,
  MODULE_FUEL_REFINERY_I: ['FUEL'],
};

/** One refining run: this many units of the input make REFINED_OUTPUT units of the product (the spec: "100 basic goods will be converted into 10 processed goods"). */
export const REFINING_INPUT_UNITS = 100;
export const REFINED_OUTPUT_UNITS = 10;

/** A ship's worth: the market base prices of its frame, reactor, engine, mounts and modules. */
export function shipValue(ship: S['Ship']): number {
  const parts = [
    ship.frame.symbol,
    ship.reactor.symbol,
    ship.engine.symbol,
    ...ship.mounts.map((m) => m.symbol),
    ...ship.modules.map((m) => m.symbol),
  ];
  return parts.reduce((sum, symbol) => sum + (TRADE_GOODS[symbol]?.basePrice ?? 0), 0);
}

/** The components whose condition wears and is repaired. */
export function wearingParts(ship: S['Ship']): Array<S['ShipFrame'] | S['ShipReactor'] | S['ShipEngine']> {
  return [ship.frame, ship.reactor, ship.engine];
}

/** Sum of a ship's installed components' power and crew needs, and its module slots in use. */
export function shipLoad(ship: S['Ship']): { power: number; crew: number; slots: number } {
  const parts = [
    ship.frame.requirements,
    ship.engine.requirements,
    ...ship.mounts.map((m) => m.requirements),
    ...ship.modules.map((m) => m.requirements),
  ];
  return {
    power: parts.reduce((sum, r) => sum + (r.power ?? 0), 0),
    crew: parts.reduce((sum, r) => sum + (r.crew ?? 0), 0),
    slots: ship.modules.reduce((sum, m) => sum + (m.requirements.slots ?? 0), 0),
  };
}
