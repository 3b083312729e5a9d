import type { LedgerEntry } from '../market/ledger.js';

/** What a ship of the fleet is for: the coordinator's word, else what its job or its frame says. */
export type FleetRole = 'scout' | 'contracts' | 'mining' | 'trading' | 'idle';

/** The role each long command gives the ships it claims. */
const ROLE_OF_COMMAND: Record<string, FleetRole> = {
  ScoutMarkets: 'scout',
  RunContracts: 'contracts',
  MineRun: 'mining',
  FeedContract: 'mining',
  TradeRun: 'trading',
};

/** The role a ship's registration (its frame's purpose) suggests. */
const ROLE_OF_FRAME: Record<string, FleetRole> = {
  SATELLITE: 'scout',
  COMMAND: 'contracts',
  EXCAVATOR: 'mining',
  HAULER: 'trading',
};

function roleOfCommand(commandType: string): FleetRole | undefined {
  return ROLE_OF_COMMAND[commandType];
}

/**
 * A ship's role: the one the coordinator assigned (stored), else the one its running job implies,
 * else the one its frame suggests, else idle.
 */
export function fleetRole(ship: { role: string }, assigned?: string, jobCommand?: string): FleetRole {
  if (assigned && isFleetRole(assigned)) return assigned;
  return (jobCommand && roleOfCommand(jobCommand)) || ROLE_OF_FRAME[ship.role] || 'idle';
}

function isFleetRole(value: string): value is FleetRole {
  return ['scout', 'contracts', 'mining', 'trading', 'idle'].includes(value);
}

export const HOUR_MS = 3_600_000;

/**
 * Credits per hour over the hour before `now` from the ledger's rows: what the rows of the window
 * add up to (a sale +, a purchase or fuel −). A ship bought is an investment, not a running cost, so
 * rows of kind SHIP are left out. Per ship when `ship` is given, else the whole fleet.
 */
export function creditsPerHour(entries: readonly LedgerEntry[], now: number, ship?: string): number {
  let sum = 0;
  for (const entry of entries) {
    if (entry.kind === 'SHIP' || entry.at <= now - HOUR_MS || entry.at > now) continue;
    if (ship !== undefined && entry.ship !== ship) continue;
    sum += entry.credits;
  }
  return Math.round(sum);
}

/** The ship symbol of a claim key `ship:NAME`, or undefined for another kind of resource. */
export function shipOfClaim(claim: string): string | undefined {
  return claim.startsWith('ship:') ? claim.slice('ship:'.length) : undefined;
}

/** Where the coordinator keeps its role assignments (a settings key per agent: JSON {ship: role}). */
export function fleetRolesKey(agentSymbol: string): string {
  return `fleet_roles:${agentSymbol}`;
}

export function parseRoles(text: string | undefined): Record<string, FleetRole> {
  if (!text) return {};
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const roles: Record<string, FleetRole> = {};
    for (const [ship, role] of Object.entries(value))
      if (typeof role === 'string' && isFleetRole(role)) roles[ship] = role;
    return roles;
  } catch {
    return {};
  }
}
