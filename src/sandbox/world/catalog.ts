import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';

import { SURVEYOR_DEPOSITS } from './deposits.js';

type S = components['schemas'];

/** Trade goods the sandbox's markets deal in, with base prices (credits per unit). */
export const TRADE_GOODS: Record<string, { name: string; basePrice: number }> = {
  FUEL: { name: 'Fuel', basePrice: 72 },
  ANTIMATTER: { name: 'Antimatter', basePrice: 11_000 },
  IRON_ORE: { name: 'Iron Ore', basePrice: 45 },
  COPPER_ORE: { name: 'Copper Ore', basePrice: 52 },
  ALUMINUM_ORE: { name: 'Aluminum Ore', basePrice: 60 },
  QUARTZ_SAND: { name: 'Quartz Sand', basePrice: 20 },
  SILICON_CRYSTALS: { name: 'Silicon Crystals', basePrice: 38 },
  ICE_WATER: { name: 'Ice Water', basePrice: 15 },
  AMMONIA_ICE: { name: 'Ammonia Ice', basePrice: 40 },
  LIQUID_HYDROGEN: { name: 'Liquid Hydrogen', basePrice: 35 },
  IRON: { name: 'Iron', basePrice: 140 },
  COPPER: { name: 'Copper', basePrice: 160 },
  ALUMINUM: { name: 'Aluminum', basePrice: 170 },
  FOOD: { name: 'Food', basePrice: 110 },
  FABRICS: { name: 'Fabrics', basePrice: 210 },
  MACHINERY: { name: 'Machinery', basePrice: 420 },
  ELECTRONICS: { name: 'Electronics', basePrice: 560 },
  MEDICINE: { name: 'Medicine', basePrice: 650 },
  EQUIPMENT: { name: 'Equipment', basePrice: 900 },
  // Raw and refined goods the sandbox's other operations (siphon, refine, construction) deal in.
  LIQUID_NITROGEN: { name: 'Liquid Nitrogen', basePrice: 30 },
  HYDROCARBON: { name: 'Hydrocarbon', basePrice: 40 },
  SILVER_ORE: { name: 'Silver Ore', basePrice: 70 },
  GOLD_ORE: { name: 'Gold Ore', basePrice: 90 },
  PLATINUM_ORE: { name: 'Platinum Ore', basePrice: 110 },
  URANITE_ORE: { name: 'Uranite Ore', basePrice: 130 },
  MERITIUM_ORE: { name: 'Meritium Ore', basePrice: 160 },
  PRECIOUS_STONES: { name: 'Precious Stones', basePrice: 80 },
  DIAMONDS: { name: 'Diamonds', basePrice: 250 },
  SILVER: { name: 'Silver', basePrice: 220 },
  GOLD: { name: 'Gold', basePrice: 290 },
  PLATINUM: { name: 'Platinum', basePrice: 350 },
  URANITE: { name: 'Uranite', basePrice: 420 },
  MERITIUM: { name: 'Meritium', basePrice: 520 },
  FAB_MATS: { name: 'Fabrication Materials', basePrice: 300 },
  ADVANCED_CIRCUITRY: { name: 'Advanced Circuitry', basePrice: 1_800 },
  QUANTUM_STABILIZERS: { name: 'Quantum Stabilizers', basePrice: 7_000 },
  MICROPROCESSORS: { name: 'Microprocessors', basePrice: 700 },
  PLASTICS: { name: 'Plastics', basePrice: 90 },
  FERTILIZERS: { name: 'Fertilizers', basePrice: 60 },
  POLYNUCLEOTIDES: { name: 'Polynucleotides', basePrice: 250 },
  SHIP_PLATING: { name: 'Ship Plating', basePrice: 1_200 },
  SHIP_PARTS: { name: 'Ship Parts', basePrice: 1_500 },
  // Ship components are goods too: sold at markets, carried as cargo, installed at shipyards.
  FRAME_PROBE: { name: 'Frame Probe', basePrice: 3_000 },
  FRAME_DRONE: { name: 'Frame Drone', basePrice: 8_000 },
  FRAME_LIGHT_FREIGHTER: { name: 'Frame Light Freighter', basePrice: 40_000 },
  FRAME_FRIGATE: { name: 'Frame Frigate', basePrice: 60_000 },
  REACTOR_SOLAR_I: { name: 'Solar Reactor I', basePrice: 5_000 },
  REACTOR_CHEMICAL_I: { name: 'Chemical Reactor I', basePrice: 10_000 },
  REACTOR_FISSION_I: { name: 'Fission Reactor I', basePrice: 25_000 },
  ENGINE_IMPULSE_DRIVE_I: { name: 'Impulse Drive I', basePrice: 6_000 },
  ENGINE_ION_DRIVE_I: { name: 'Ion Drive I', basePrice: 15_000 },
  ENGINE_ION_DRIVE_II: { name: 'Ion Drive II', basePrice: 30_000 },
  MOUNT_GAS_SIPHON_I: { name: 'Gas Siphon I', basePrice: 9_000 },
  MOUNT_GAS_SIPHON_II: { name: 'Gas Siphon II', basePrice: 22_000 },
  MOUNT_SURVEYOR_I: { name: 'Surveyor I', basePrice: 10_000 },
  MOUNT_SURVEYOR_II: { name: 'Surveyor II', basePrice: 25_000 },
  MOUNT_SENSOR_ARRAY_I: { name: 'Sensor Array I', basePrice: 8_000 },
  MOUNT_SENSOR_ARRAY_II: { name: 'Sensor Array II', basePrice: 20_000 },
  MOUNT_MINING_LASER_I: { name: 'Mining Laser I', basePrice: 10_000 },
  MOUNT_MINING_LASER_II: { name: 'Mining Laser II', basePrice: 25_000 },
  MODULE_CARGO_HOLD_I: { name: 'Cargo Hold I', basePrice: 7_000 },
  MODULE_CARGO_HOLD_II: { name: 'Cargo Hold II', basePrice: 16_000 },
  MODULE_CREW_QUARTERS_I: { name: 'Crew Quarters I', basePrice: 9_000 },
  MODULE_MINERAL_PROCESSOR_I: { name: 'Mineral Processor I', basePrice: 15_000 },
  MODULE_GAS_PROCESSOR_I: { name: 'Gas Processor I', basePrice: 15_000 },
  MODULE_ORE_REFINERY_I: { name: 'Ore Refinery I', basePrice: 40_000 },
  MODULE_FUEL_REFINERY_I: { name: 'Fuel Refinery I', basePrice: 40_000 },
  MODULE_MICRO_REFINERY_I: { name: 'Micro Refinery I', basePrice: 20_000 },
  MODULE_WARP_DRIVE_I: { name: 'Warp Drive I', basePrice: 50_000 },
};

/** Raw goods the generator's markets import (what asteroids hold: world/deposits.ts has them by trait). */
export const ASTEROID_YIELDS = [
  'IRON_ORE',
  'COPPER_ORE',
  'ALUMINUM_ORE',
  'QUARTZ_SAND',
  'SILICON_CRYSTALS',
  'ICE_WATER',
  'AMMONIA_ICE',
];

export const RECRUITING_FACTIONS: Array<{ symbol: S['FactionSymbol']; name: string }> = [
  { symbol: 'COSMIC', name: 'Cosmic Engineers' },
  { symbol: 'VOID', name: 'Voidfarers' },
  { symbol: 'GALACTIC', name: 'Galactic Alliance' },
  { symbol: 'QUANTUM', name: 'Quantum Federation' },
  { symbol: 'DOMINION', name: 'Stellar Dominion' },
];

const condition = { condition: 1, integrity: 1, quality: 4 };

export function frame(
  symbol: S['ShipFrame']['symbol'],
  fuelCapacity: number,
  moduleSlots: number,
  mountingPoints: number,
): S['ShipFrame'] {
  return {
    symbol,
    name: symbol,
    description: symbol,
    moduleSlots,
    mountingPoints,
    fuelCapacity,
    requirements: { power: 1, crew: 0 },
    ...condition,
  };
}

export function engine(symbol: S['ShipEngine']['symbol'], speed: number): S['ShipEngine'] {
  return { symbol, name: symbol, description: symbol, speed, requirements: { power: 1, crew: 0 }, ...condition };
}

export function reactor(symbol: S['ShipReactor']['symbol'], powerOutput: number): S['ShipReactor'] {
  return { symbol, name: symbol, description: symbol, powerOutput, requirements: { crew: 0 }, ...condition };
}

export interface ShipTemplate {
  name: string;
  role: S['ShipRole'];
  price: number;
  frame: S['ShipFrame'];
  engine: S['ShipEngine'];
  reactor: S['ShipReactor'];
  cargoCapacity: number;
  mounts: S['ShipMount'][];
  modules: S['ShipModule'][];
  crew: { required: number; capacity: number };
}

/**
 * Mining laser strengths (ECONOMY.md §3, eStatic 2025-04): I = 3 (power 1), II = 5 (power 2). In 2023 they
 * were 10/25/60 for I/II/III (eMine); today's LASER_III is not known, and the sandbox builds none.
 */
export const MINING_LASER_STRENGTH = { I: 3, II: 5 } as const;

export const laser: S['ShipMount'] = {
  symbol: 'MOUNT_MINING_LASER_I',
  name: 'Mining Laser I',
  description: 'laser',
  strength: MINING_LASER_STRENGTH.I,
  requirements: { power: 1, crew: 0 },
};
export const surveyor: S['ShipMount'] = {
  symbol: 'MOUNT_SURVEYOR_I',
  name: 'Surveyor I',
  description: 'surveyor',
  strength: 1,
  deposits: [...SURVEYOR_DEPOSITS.MOUNT_SURVEYOR_I!],
  requirements: { power: 1, crew: 0 },
};
export const cargoHold: S['ShipModule'] = {
  symbol: 'MODULE_CARGO_HOLD_I',
  name: 'Cargo Hold',
  description: 'cargo',
  capacity: 15,
  requirements: { power: 1, crew: 0, slots: 1 },
};
export const warpDrive: S['ShipModule'] = {
  symbol: 'MODULE_WARP_DRIVE_I',
  name: 'Warp Drive I',
  description: 'warp',
  range: 2000,
  requirements: { power: 1, crew: 0, slots: 1 },
};
