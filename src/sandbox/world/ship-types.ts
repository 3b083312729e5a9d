import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { cargoHold, engine, frame, laser, reactor, type ShipTemplate, surveyor } from './catalog.js';
import { MODULES, MOUNTS } from './equipment.js';

type S = components['schemas'];

const siphon = MOUNTS.MOUNT_GAS_SIPHON_I!;
const cargoHoldII = MODULES.MODULE_CARGO_HOLD_II!;
const crewQuarters = MODULES.MODULE_CREW_QUARTERS_I!;
const none = { required: 0, capacity: 0 };

/*
 * Ship types the sandbox builds. Cargo, fuel, speed and the drones' mounts follow ECONOMY.md §2's table
 * (eStatic, snap); `price` is a yard's price with no recent sales, inside the range players saw
 * (markets/shipyards.ts moves it). Reactors' power, crews and module slots are the sandbox's fill.
 */
export const SHIP_TEMPLATES: Partial<Record<S['ShipType'], ShipTemplate>> = {
  /**
   * Cargo 40, fuel 400, speed 36 (§6, snap). The live frigate's loadout (§6 snap 2025-04; FloWi st_client.rs
   * registration dump 2024-02): mounts SENSOR_ARRAY_II, GAS_SIPHON_II, MINING_LASER_II, SURVEYOR_II; modules
   * CARGO_HOLD_II, two CREW_QUARTERS_I, MINERAL_PROCESSOR_I, GAS_PROCESSOR_I (its 8 module slots) — no warp
   * drive. No yard price is known (§2 "?"): 200,000 is the sandbox's.
   */
  SHIP_COMMAND_FRIGATE: {
    name: 'Command Frigate',
    role: 'COMMAND',
    price: 200_000,
    frame: frame('FRAME_FRIGATE', 400, 8, 5),
    engine: engine('ENGINE_ION_DRIVE_II', 36),
    reactor: reactor('REACTOR_FISSION_I', 31),
    cargoCapacity: 40,
    mounts: [
      MOUNTS.MOUNT_SENSOR_ARRAY_II!,
      MOUNTS.MOUNT_GAS_SIPHON_II!,
      MOUNTS.MOUNT_MINING_LASER_II!,
      MOUNTS.MOUNT_SURVEYOR_II!,
    ],
    modules: [
      cargoHoldII,
      crewQuarters,
      crewQuarters,
      MODULES.MODULE_MINERAL_PROCESSOR_I!,
      MODULES.MODULE_GAS_PROCESSOR_I!,
    ],
    crew: { required: 25, capacity: 80 },
  },
  /** Solar, no cargo, no tank, speed 9; 20–22k (snap: 20,012 at a fresh yard). */
  SHIP_PROBE: {
    name: 'Probe',
    role: 'SATELLITE',
    price: 20_000,
    frame: frame('FRAME_PROBE', 0, 0, 0),
    engine: engine('ENGINE_IMPULSE_DRIVE_I', 9),
    reactor: reactor('REACTOR_SOLAR_I', 3),
    cargoCapacity: 0,
    mounts: [],
    modules: [],
    crew: none,
  },
  /** One SURVEYOR_I (eStatic), no cargo, fuel 80, speed 9; 28–34k. */
  SHIP_SURVEYOR: {
    name: 'Surveyor',
    role: 'SURVEYOR',
    price: 30_000,
    frame: frame('FRAME_DRONE', 80, 2, 2),
    engine: engine('ENGINE_IMPULSE_DRIVE_I', 9),
    reactor: reactor('REACTOR_CHEMICAL_I', 15),
    cargoCapacity: 0,
    mounts: [surveyor],
    modules: [],
    crew: none,
  },
  /** One MINING_LASER_I (eStatic), cargo 15, fuel 80, speed 9; 39–42k. */
  SHIP_MINING_DRONE: {
    name: 'Mining Drone',
    role: 'EXCAVATOR',
    price: 40_000,
    frame: frame('FRAME_DRONE', 80, 2, 2),
    engine: engine('ENGINE_IMPULSE_DRIVE_I', 9),
    reactor: reactor('REACTOR_CHEMICAL_I', 15),
    cargoCapacity: 15,
    mounts: [laser],
    modules: [cargoHold],
    crew: none,
  },
  /** One GAS_SIPHON_I (eStatic), cargo 15, fuel 80, speed 9; 40–47k. */
  SHIP_SIPHON_DRONE: {
    name: 'Siphon Drone',
    role: 'EXCAVATOR',
    price: 42_000,
    frame: frame('FRAME_DRONE', 80, 2, 2),
    engine: engine('ENGINE_IMPULSE_DRIVE_I', 9),
    reactor: reactor('REACTOR_CHEMICAL_I', 15),
    cargoCapacity: 15,
    mounts: [siphon],
    modules: [cargoHold],
    crew: none,
  },
  /** Cargo 40, fuel 300, speed 15; 83–89k (eTODO: 83,956 → 88,259). */
  SHIP_LIGHT_SHUTTLE: {
    name: 'Light Shuttle',
    role: 'TRANSPORT',
    price: 84_000,
    frame: frame('FRAME_SHUTTLE', 300, 3, 1),
    engine: engine('ENGINE_ION_DRIVE_I', 15),
    reactor: reactor('REACTOR_CHEMICAL_I', 15),
    cargoCapacity: 40,
    mounts: [],
    modules: [cargoHoldII],
    crew: { required: 2, capacity: 5 },
  },
  /** Cargo 80, fuel 600, speed 15; 273–360k. */
  SHIP_LIGHT_HAULER: {
    name: 'Light Hauler',
    role: 'HAULER',
    price: 300_000,
    frame: frame('FRAME_LIGHT_FREIGHTER', 600, 6, 1),
    engine: engine('ENGINE_ION_DRIVE_I', 15),
    reactor: reactor('REACTOR_CHEMICAL_I', 15),
    cargoCapacity: 80,
    mounts: [],
    modules: [cargoHoldII, cargoHoldII],
    crew: { required: 4, capacity: 10 },
  },
};
