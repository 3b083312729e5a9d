import { randomUUID } from 'node:crypto';
import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';

type S = components['schemas'];
export type TradeType = 'EXPORT' | 'IMPORT' | 'EXCHANGE';

/** One good of one market; markets/economy.ts holds the rules that move it. */
export interface MarketGoodState {
  type: TradeType;
  /** The ask at MODERATE supply (an import's bid is a markup of it: markets/prices.ts). */
  basePrice: number;
  /** Supply as a continuous level: 0 SCARCE, 1 LIMITED, 2 MODERATE, 3 HIGH, 4 ABUNDANT. */
  supply: number;
  /** The level supply drifts back to when nobody trades (a factory's export: moved by how fed it is). */
  baseSupply: number;
  /** The activity shown when nothing starves or feeds the good; none for exchange goods. */
  baseActivity?: S['ActivityLevel'];
  /** Units per transaction now; starts at `baseTradeVolume` and grows with sustained trade (exports only). */
  tradeVolume: number;
  baseTradeVolume: number;
  /** Decaying sum of units of sustained trade with the factory, what grows an export's trade volume. */
  volume: number;
  /** Game-clock ms up to which the market's evolution has been applied. */
  updatedAt: number;
}

/** How much a shipyard sold of one ship type lately: a decaying count of purchases. */
interface ShipSalesState {
  purchases: number;
  updatedAt: number;
}

export interface WaypointState {
  symbol: string;
  systemSymbol: string;
  type: S['WaypointType'];
  x: number;
  y: number;
  orbits?: string;
  orbitals: string[];
  traits: S['WaypointTraitSymbol'][];
  faction?: S['FactionSymbol'];
  isUnderConstruction: boolean;
  /** Goods traded here, when the waypoint has a marketplace. */
  market?: Record<string, MarketGoodState>;
  /** Recent trades at the market, newest last. */
  transactions?: S['MarketTransaction'][];
  shipyard?: S['ShipType'][];
  /** Per ship type, the shipyard's recent sales (what raises its price). */
  shipSales?: Record<string, ShipSalesState>;
  /** Recent ship purchases at the shipyard, newest last. */
  shipTransactions?: S['ShipyardTransaction'][];
  /** Systems this jump gate connects to. */
  gate?: string[];
  /** Who charted the waypoint and when; absent for waypoints charted from the start. */
  chart?: { submittedBy: string; submittedOn: string };
  /** A construction site's materials, once anyone supplied it (until then the default bill applies). */
  construction?: ConstructionState;
  /** An asteroid's recent extractions, as a leaky bucket (fleet/instability.ts); absent until first mined. */
  strain?: { level: number; updatedAt: number };
}

/** A survey the server issued, as it remembers it: what it handed out, and how much is left to extract. */
export interface SurveyState {
  symbol: string;
  deposits: string[];
  expiration: string;
  size: 'SMALL' | 'MODERATE' | 'LARGE';
  /** Units still extractable with it (fleet/surveys.ts); 0 once exhausted. */
  remaining: number;
}

export interface ConstructionState {
  materials: S['ConstructionMaterial'][];
  isComplete: boolean;
}

export interface SystemState {
  symbol: string;
  sectorSymbol: string;
  type: S['SystemType'];
  x: number;
  y: number;
  waypoints: string[];
  factions: S['FactionSymbol'][];
}

export interface AgentState {
  accountId: string;
  symbol: string;
  headquarters: string;
  credits: number;
  startingFaction: string;
  shipCount: number;
}

export interface ShipState {
  owner: string;
  ship: S['Ship'];
  /** Epoch ms (game clock) when the ship's cooldown ends. */
  cooldownUntil: number;
  cooldownTotal: number;
}

interface FactionState {
  symbol: S['FactionSymbol'];
  name: string;
  headquarters: string;
}

/** Everything the sandbox knows; plain JSON so it can be saved, loaded and dumped. */
export interface WorldState {
  seed: number;
  resetDate: string;
  /** Signs agent tokens; kept in the state so a saved world keeps its tokens valid. */
  secret: string;
  systems: Record<string, SystemState>;
  waypoints: Record<string, WaypointState>;
  factions: Record<string, FactionState>;
  agents: Record<string, AgentState>;
  ships: Record<string, ShipState>;
  contracts: Record<string, { owner: string; contract: S['Contract'] }>;
  /** Actions applied per ship symbol, for tests ("exactly one navigation was applied"). */
  stats: Record<string, Record<string, number>>;
  /** When each agent registered (ISO); optional so states saved by older versions still load. */
  registeredAt?: Record<string, string>;
  /** Recent events per agent symbol, newest last (GET /my/agent/events). */
  events?: Record<string, S['AgentEvent'][]>;
  /** Surveys issued and not long expired, by signature; optional so older saved states still load. */
  surveys?: Record<string, SurveyState>;
}

export function emptyWorld(seed: number, resetDate: string): WorldState {
  return {
    seed,
    resetDate,
    secret: `sandbox-${seed}`,
    systems: {},
    waypoints: {},
    factions: {},
    agents: {},
    ships: {},
    contracts: {},
    stats: {},
  };
}

/** Most events kept per agent: the endpoint shows recent events, not a full history (how many the live server keeps is not published). */
const EVENTS_KEPT = 100;

export function recordEvent(
  world: WorldState,
  agentSymbol: string,
  type: string,
  message: string,
  data: Record<string, unknown>,
  at: number,
): void {
  const events = ((world.events ??= {})[agentSymbol] ??= []);
  events.push({ id: randomUUID(), type, message, data, createdAt: new Date(at).toISOString() });
  if (events.length > EVENTS_KEPT) events.splice(0, events.length - EVENTS_KEPT);
}

/** Counts `amount` (1 by default: one action) under `action` and `key` in the stats the admin API shows. */
export function countAction(world: WorldState, action: string, key: string, amount = 1): void {
  const perAction = (world.stats[action] ??= {});
  perAction[key] = (perAction[key] ?? 0) + amount;
}

/**
 * Books a credit movement the server applied, for the admin stats: `transactions` counts them and
 * `credits` sums them (signed: spent is negative), keyed "AGENT:KIND" with the ledger's kinds
 * (PURCHASE, SALE, FUEL, ANTIMATTER, SHIP, CONTRACT; and CHART, REPAIR, SCRAP, MODIFICATION), so a
 * test can hold a client's books against what the server did, row count and credits.
 */
export function countCredits(world: WorldState, agentSymbol: string, kind: string, credits: number): void {
  countAction(world, 'transactions', `${agentSymbol}:${kind}`);
  countAction(world, 'credits', `${agentSymbol}:${kind}`, credits);
}

/**
 * The entry of `record` under a key a client chose, or undefined: never a member of Object.prototype
 * (`constructor`, `__proto__`, `toString`…), which a plain `record[key]` would hand back.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
