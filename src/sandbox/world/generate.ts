import { distance } from '../../domain/navigation/flight-mode.js';
import { routePoint } from '../systems/views.js';
import { ASTEROID_YIELDS, RECRUITING_FACTIONS, TRADE_GOODS, type ShipTemplate } from './catalog.js';
import { Random } from '../../domain/random.js';
import { depositTrait } from './deposits.js';
import { newGood } from '../markets/economy.js';
import { MODERATE } from '../markets/prices.js';
import {
  emptyWorld,
  type MarketGoodState,
  type SystemState,
  type TradeType,
  type WaypointState,
  type WorldState,
} from './world.js';

export interface GenerateOptions {
  seed: number;
  systems: number;
  /** Extra asteroids in the first system, for a large one (benchmarks); 0 by default. */
  extraWaypoints?: number;
  resetDate: string;
  now: number;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SYSTEM_TYPES = ['RED_STAR', 'ORANGE_STAR', 'BLUE_STAR', 'YOUNG_STAR', 'WHITE_DWARF', 'NEUTRON_STAR'] as const;
const FINISHED_GOODS = [
  'FOOD',
  'FABRICS',
  'MACHINERY',
  'ELECTRONICS',
  'MEDICINE',
  'EQUIPMENT',
  'IRON',
  'COPPER',
  'ALUMINUM',
];
/** What the home planet's shipyard builds: the types the home system's three live yards share out (ECONOMY.md §6, snap). */
const HOME_SHIPYARD = [
  'SHIP_PROBE',
  'SHIP_MINING_DRONE',
  'SHIP_SIPHON_DRONE',
  'SHIP_SURVEYOR',
  'SHIP_LIGHT_SHUTTLE',
  'SHIP_LIGHT_HAULER',
] as const;
/** What markets import: what asteroids yield, and hydrogen. */
const RAW_GOODS = [...ASTEROID_YIELDS, 'LIQUID_HYDROGEN'];

/**
 * A deterministic universe: systems with planets (and moons or stations orbiting them at distance
 * 0), gas giants, asteroids, a fuel station and a jump gate; markets with exports, imports and
 * exchange goods, FUEL only where it is really traded; shipyards; gates linking each system to its
 * nearest neighbours (a few still under construction); the recruiting factions' headquarters.
 */
export function generateWorld(options: GenerateOptions): WorldState {
  const random = new Random(options.seed);
  // Deposit traits draw from their own stream (seed + 101), so the rest of a seeded universe is unchanged.
  const deposits = new Random(options.seed + 101);
  const world = emptyWorld(options.seed, options.resetDate);
  const used = new Set<string>();
  for (let i = 0; i < options.systems; i++) {
    let symbol: string;
    do symbol = `X1-${random.pick([...LETTERS])}${random.pick([...LETTERS])}${random.int(1, 99)}`;
    while (used.has(symbol));
    used.add(symbol);
    const system: SystemState = {
      symbol,
      sectorSymbol: 'X1',
      type: random.pick(SYSTEM_TYPES),
      x: random.int(-3000, 3000),
      y: random.int(-3000, 3000),
      waypoints: [],
      factions: [],
    };
    world.systems[symbol] = system;
    generateWaypoints(world, system, random, deposits, options.now);
  }
  const first = Object.values(world.systems)[0]!;
  for (let i = 0; i < (options.extraWaypoints ?? 0); i++) {
    const symbol = `${first.symbol}-X${i + 1}`;
    const sellsFuel = random.chance(0.1);
    world.waypoints[symbol] = {
      symbol,
      systemSymbol: first.symbol,
      type: sellsFuel ? 'ORBITAL_STATION' : 'ASTEROID',
      x: random.int(-800, 800),
      y: random.int(-800, 800),
      orbitals: [],
      traits: sellsFuel ? ['MARKETPLACE'] : [depositTrait(deposits)],
      isUnderConstruction: false,
      ...(sellsFuel ? { market: market(random, options.now, { exports: [], imports: [], fuel: true }) } : {}),
    };
    first.waypoints.push(symbol);
  }
  linkGates(world, random);
  const systems = Object.values(world.systems);
  RECRUITING_FACTIONS.forEach((faction, i) => {
    const system = systems[i % systems.length]!;
    const hq = world.waypoints[system.waypoints[0]!]!;
    hq.faction = faction.symbol;
    if (!system.factions.includes(faction.symbol)) system.factions.push(faction.symbol);
    world.factions[faction.symbol] = { symbol: faction.symbol, name: faction.name, headquarters: hq.symbol };
  });
  return world;
}

function generateWaypoints(
  world: WorldState,
  system: SystemState,
  random: Random,
  deposits: Random,
  now: number,
): void {
  let counter = 0;
  const add = (
    type: WaypointState['type'],
    x: number,
    y: number,
    extra: Partial<WaypointState> = {},
  ): WaypointState => {
    counter += 1;
    const symbol = `${system.symbol}-${LETTERS[(counter - 1) % LETTERS.length]}${counter}`;
    const waypoint: WaypointState = {
      symbol,
      systemSymbol: system.symbol,
      type,
      x,
      y,
      orbitals: [],
      traits: [],
      isUnderConstruction: false,
      ...extra,
    };
    world.waypoints[symbol] = waypoint;
    system.waypoints.push(symbol);
    return waypoint;
  };
  const position = (radius: number) => [random.int(-radius, radius), random.int(-radius, radius)] as const;

  const planets = random.int(2, 3);
  for (let p = 0; p < planets; p++) {
    const [x, y] = position(90);
    const planet = add('PLANET', x, y, {
      traits: ['MARKETPLACE', random.pick(['TEMPERATE', 'ROCKY', 'OCEAN', 'FROZEN'] as const)],
    });
    planet.market = market(random, now, {
      exports: pickSome(random, FINISHED_GOODS, 2),
      imports: pickSome(random, RAW_GOODS, 2),
      fuel: p === 0 || random.chance(0.5),
    });
    if (p === 0) {
      planet.traits.push('SHIPYARD');
      planet.shipyard = [...HOME_SHIPYARD];
    }
    const orbitals = random.int(0, 2);
    for (let o = 0; o < orbitals; o++) {
      const type = random.chance(0.5) ? 'MOON' : 'ORBITAL_STATION';
      const orbital = add(type, x, y, {
        orbits: planet.symbol,
        traits: type === 'ORBITAL_STATION' ? ['MARKETPLACE'] : ['BARREN'],
      });
      if (type === 'ORBITAL_STATION')
        orbital.market = market(random, now, {
          exports: pickSome(random, FINISHED_GOODS, 1),
          imports: pickSome(random, FINISHED_GOODS, 2),
          fuel: random.chance(0.6),
        });
      planet.orbitals.push(orbital.symbol);
    }
  }
  const [gx, gy] = position(140);
  add('GAS_GIANT', gx, gy, { traits: ['JOVIAN'] });
  const asteroids = random.int(2, 3);
  for (let a = 0; a < asteroids; a++) {
    const [x, y] = position(160);
    // The first asteroid of a system holds common metals, as every live home system's do (snap).
    const trait = a === 0 ? 'COMMON_METAL_DEPOSITS' : depositTrait(deposits);
    add(random.chance(0.3) ? 'ENGINEERED_ASTEROID' : 'ASTEROID', x, y, { traits: [trait] });
  }
  const [fx, fy] = position(150);
  const station = add('FUEL_STATION', fx, fy, { traits: ['MARKETPLACE'] });
  station.market = market(random, now, { exports: [], imports: [], fuel: true });
  const [jx, jy] = position(120);
  add('JUMP_GATE', jx, jy, { gate: [] });
}

function pickSome(random: Random, from: readonly string[], count: number): string[] {
  const pool = [...from];
  const picked: string[] = [];
  while (picked.length < count && pool.length > 0)
    picked.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]!);
  return picked;
}

/**
 * Trade volume by class of good, as seen on the live server (ECONOMY.md §1 tradeVolume, snap): 6 for ship
 * parts, plating and components, 60 for raw goods, metals and FOOD, 180 for exchange goods (ANTIMATTER 18),
 * 20 for other manufactured goods.
 */
function tradeVolumeOf(symbol: string, type: TradeType): number {
  if (type === 'EXCHANGE') return symbol === 'ANTIMATTER' ? 18 : 180;
  if (/^(SHIP_PARTS|SHIP_PLATING|FRAME_|REACTOR_|ENGINE_|MOUNT_|MODULE_)/.test(symbol)) return 6;
  if (RAW_TRADE_VOLUME.has(symbol) || symbol.endsWith('_ORE')) return 60;
  return 20;
}
const RAW_TRADE_VOLUME = new Set([
  ...RAW_GOODS,
  'LIQUID_NITROGEN',
  'HYDROCARBON',
  'FUEL',
  'FOOD',
  'IRON',
  'COPPER',
  'ALUMINUM',
  'SILVER',
  'GOLD',
  'PLATINUM',
  'URANITE',
  'MERITIUM',
]);
/** The activity a generated good shows at rest, drawn per good (the sandbox's spread; all start at MODERATE supply). */
const ACTIVITIES = ['WEAK', 'GROWING', 'GROWING', 'STRONG'] as const;

function market(
  random: Random,
  now: number,
  goods: { exports: string[]; imports: string[]; fuel: boolean },
): Record<string, MarketGoodState> {
  const result: Record<string, MarketGoodState> = {};
  const add = (symbol: string, type: TradeType) => {
    const basePrice = Math.round(TRADE_GOODS[symbol]!.basePrice * (0.85 + random.next() * 0.3));
    const activity = random.pick(ACTIVITIES);
    result[symbol] = newGood(type, basePrice, tradeVolumeOf(symbol, type), now, MODERATE, activity);
  };
  for (const symbol of goods.exports) add(symbol, 'EXPORT');
  for (const symbol of goods.imports) add(symbol, 'IMPORT');
  if (goods.fuel) add('FUEL', 'EXCHANGE');
  return result;
}

function linkGates(world: WorldState, random: Random): void {
  const systems = Object.values(world.systems);
  const gateOf = (system: SystemState) =>
    world.waypoints[system.waypoints.find((w) => world.waypoints[w]!.type === 'JUMP_GATE')!]!;
  systems.forEach((system, index) => {
    const nearest = systems
      .filter((other) => other !== system)
      .sort((a, b) => distance(system, a) - distance(system, b))
      .slice(0, 3);
    const gate = gateOf(system);
    // The first systems (faction homes) always have working gates so every agent can leave home.
    gate.isUnderConstruction = index >= 5 && random.chance(0.15);
    if (gate.isUnderConstruction) gate.traits.push('UNDER_CONSTRUCTION');
    for (const other of nearest) {
      const otherGate = gateOf(other);
      if (!gate.gate!.includes(otherGate.symbol)) gate.gate!.push(otherGate.symbol);
      if (!otherGate.gate!.includes(gate.symbol)) otherGate.gate!.push(gate.symbol);
    }
  });
}

/** A ship fresh from the yard, docked at a waypoint. */
export function buildShip(symbol: string, template: ShipTemplate, faction: string, at: WaypointState, now: number) {
  const iso = new Date(now).toISOString();
  const point = routePoint(at);
  return {
    symbol,
    registration: { name: symbol, factionSymbol: faction, role: template.role },
    nav: {
      systemSymbol: at.systemSymbol,
      waypointSymbol: at.symbol,
      route: { origin: point, destination: point, departureTime: iso, arrival: iso },
      status: 'DOCKED' as const,
      flightMode: 'CRUISE' as const,
    },
    crew: {
      current: template.crew.required,
      required: template.crew.required,
      capacity: template.crew.capacity,
      rotation: 'STRICT' as const,
      morale: 100,
      wages: 0,
    },
    frame: structuredClone(template.frame),
    reactor: structuredClone(template.reactor),
    engine: structuredClone(template.engine),
    modules: structuredClone(template.modules),
    mounts: structuredClone(template.mounts),
    cargo: { capacity: template.cargoCapacity, units: 0, inventory: [] },
    fuel: {
      current: template.frame.fuelCapacity,
      capacity: template.frame.fuelCapacity,
      consumed: { amount: 0, timestamp: iso },
    },
    cooldown: { shipSymbol: symbol, totalSeconds: 0, remainingSeconds: 0 },
  };
}
