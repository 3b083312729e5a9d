import { FLIGHT_MODES } from '../../domain/navigation/flight-mode.js';
import {
  amount,
  anything,
  between,
  bool,
  type Check,
  count,
  day,
  list,
  num,
  oneOf,
  optional,
  positive,
  problemsOf,
  record,
  shape,
  symbol,
  text,
  timestamp,
} from './check.js';
import { upgradeSavedGood } from '../markets/economy.js';
import { SUPPLY_CEILING, SUPPLY_FLOOR } from '../markets/prices.js';
import type { WorldState } from './world.js';

/*
 * The shape of a world state: every field a rule of the game reads, with the type that rule needs, so a
 * state that passes cannot make a later request fail. Fields the game does not read are left free.
 */
const requirements = shape({ power: optional(num), crew: optional(num), slots: optional(num) });
const wear = { condition: between(0, 1), integrity: between(0, 1), requirements };
const point = shape({ symbol, type: text, systemSymbol: symbol, x: num, y: num });

const SHIP: Check = shape({
  symbol,
  registration: shape({ name: text, factionSymbol: text, role: text }),
  nav: shape({
    systemSymbol: symbol,
    waypointSymbol: symbol,
    status: oneOf(['IN_TRANSIT', 'IN_ORBIT', 'DOCKED']),
    flightMode: oneOf(FLIGHT_MODES),
    route: shape({ origin: point, destination: point, departureTime: timestamp, arrival: timestamp }),
  }),
  crew: shape({ current: count, required: count, capacity: count }),
  frame: shape({ symbol, moduleSlots: count, mountingPoints: count, fuelCapacity: count, ...wear }),
  reactor: shape({ symbol, powerOutput: count, ...wear }),
  engine: shape({ symbol, speed: positive, ...wear }),
  modules: list(shape({ symbol, requirements, capacity: optional(count) })),
  mounts: list(shape({ symbol, requirements, strength: optional(num) })),
  cargo: shape({ capacity: count, units: count, inventory: list(shape({ symbol, units: count })) }),
  fuel: shape({ current: amount, capacity: amount }),
});

const good = shape({
  type: oneOf(['EXPORT', 'IMPORT', 'EXCHANGE']),
  basePrice: amount,
  supply: between(SUPPLY_FLOOR, SUPPLY_CEILING),
  baseSupply: between(SUPPLY_FLOOR, SUPPLY_CEILING),
  baseActivity: optional(oneOf(['WEAK', 'GROWING', 'STRONG', 'RESTRICTED'])),
  tradeVolume: positive,
  baseTradeVolume: positive,
  volume: amount,
  updatedAt: num,
});
const timestamped = shape({ timestamp: timestamp });

const WORLD: Check = shape({
  seed: num,
  resetDate: day,
  secret: symbol,
  systems: record(
    shape({ symbol, sectorSymbol: text, type: text, x: num, y: num, waypoints: list(symbol), factions: list(text) }),
  ),
  waypoints: record(
    shape({
      symbol,
      systemSymbol: symbol,
      type: text,
      x: num,
      y: num,
      orbits: optional(symbol),
      orbitals: list(symbol),
      traits: list(text),
      faction: optional(text),
      isUnderConstruction: bool,
      market: optional(record(good)),
      transactions: optional(list(timestamped)),
      shipyard: optional(list(text)),
      shipSales: optional(record(shape({ purchases: amount, updatedAt: num }))),
      shipTransactions: optional(list(timestamped)),
      gate: optional(list(symbol)),
      chart: optional(shape({ submittedBy: text, submittedOn: timestamp })),
      construction: optional(
        shape({ materials: list(shape({ tradeSymbol: symbol, required: count, fulfilled: count })), isComplete: bool }),
      ),
      strain: optional(shape({ level: amount, updatedAt: num })),
    }),
  ),
  factions: record(shape({ symbol, name: text, headquarters: symbol })),
  agents: record(
    shape({
      accountId: optional(text),
      symbol,
      headquarters: text,
      credits: num,
      startingFaction: text,
      shipCount: count,
    }),
  ),
  ships: record(shape({ owner: symbol, ship: SHIP, cooldownUntil: num, cooldownTotal: num })),
  contracts: record(
    shape({
      owner: symbol,
      contract: shape({
        id: symbol,
        factionSymbol: text,
        type: text,
        terms: shape({
          deadline: timestamp,
          payment: shape({ onAccepted: num, onFulfilled: num }),
          deliver: optional(
            list(
              shape({ tradeSymbol: symbol, destinationSymbol: symbol, unitsRequired: count, unitsFulfilled: count }),
            ),
          ),
        }),
        accepted: bool,
        fulfilled: bool,
        expiration: timestamp,
        deadlineToAccept: optional(timestamp),
      }),
    }),
  ),
  stats: record(record(num)),
  registeredAt: optional(record(timestamp)),
  events: optional(record(list(shape({ id: text, type: text, message: text, data: anything, createdAt: timestamp })))),
  surveys: optional(
    record(
      shape({
        symbol,
        deposits: list(symbol),
        expiration: timestamp,
        size: oneOf(['SMALL', 'MODERATE', 'LARGE']),
        remaining: amount,
      }),
    ),
  ),
});

/** Records are keyed by their entry's symbol (or id), and everything a rule looks up by symbol exists. */
function references(world: WorldState): string[] {
  const problems: string[] = [];
  const has = (table: Record<string, unknown>, key: string) => Object.hasOwn(table, key);
  const keyed = (name: string, table: Record<string, unknown>, keyOf: (entry: never) => string) => {
    for (const [key, entry] of Object.entries(table))
      if (keyOf(entry as never) !== key)
        problems.push(`${name}.${key} is filed under ${key} but names ${keyOf(entry as never)}`);
  };
  keyed('systems', world.systems, (s: { symbol: string }) => s.symbol);
  keyed('waypoints', world.waypoints, (w: { symbol: string }) => w.symbol);
  keyed('factions', world.factions, (f: { symbol: string }) => f.symbol);
  keyed('agents', world.agents, (a: { symbol: string }) => a.symbol);
  keyed('ships', world.ships, (s: { ship: { symbol: string } }) => s.ship.symbol);
  keyed('contracts', world.contracts, (c: { contract: { id: string } }) => c.contract.id);
  const missing = (where: string, what: string, table: Record<string, unknown>, key: string) => {
    if (!has(table, key)) problems.push(`${where}: ${key} is not ${what}`);
  };
  for (const system of Object.values(world.systems))
    for (const [i, w] of system.waypoints.entries())
      missing(`systems.${system.symbol}.waypoints[${i}]`, 'a waypoint', world.waypoints, w);
  for (const waypoint of Object.values(world.waypoints))
    missing(`waypoints.${waypoint.symbol}.systemSymbol`, 'a system', world.systems, waypoint.systemSymbol);
  for (const faction of Object.values(world.factions))
    missing(`factions.${faction.symbol}.headquarters`, 'a waypoint', world.waypoints, faction.headquarters);
  for (const [key, { owner, ship }] of Object.entries(world.ships)) {
    missing(`ships.${key}.owner`, 'an agent', world.agents, owner);
    missing(`ships.${key}.ship.nav.waypointSymbol`, 'a waypoint', world.waypoints, ship.nav.waypointSymbol);
    missing(`ships.${key}.ship.nav.systemSymbol`, 'a system', world.systems, ship.nav.systemSymbol);
  }
  for (const [key, { owner }] of Object.entries(world.contracts))
    missing(`contracts.${key}.owner`, 'an agent', world.agents, owner);
  return problems;
}

/** Market goods of states saved by older versions are brought to the present shape before the check. */
function upgradeSavedGoods(candidate: unknown): void {
  const waypoints = (candidate as { waypoints?: unknown } | null)?.waypoints;
  if (typeof waypoints !== 'object' || waypoints === null) return;
  for (const waypoint of Object.values(waypoints as Record<string, { market?: unknown }>)) {
    const market = waypoint?.market;
    if (typeof market !== 'object' || market === null) continue;
    for (const good of Object.values(market as Record<string, unknown>))
      if (typeof good === 'object' && good !== null) upgradeSavedGood(good as Record<string, unknown>);
  }
}

/** What is wrong with a would-be world state: shape first, then references; none means it is safe to play. */
export function worldProblems(candidate: unknown): string[] {
  upgradeSavedGoods(candidate);
  const problems = problemsOf(WORLD, candidate, 'state');
  return problems.length > 0 ? problems : references(candidate as WorldState);
}
