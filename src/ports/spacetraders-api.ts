import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import type { Contract } from '../domain/contracts/contract.js';
import type { Ship, ShipCargo, ShipFuel, ShipNav } from '../domain/fleet/ship.js';
import type { MarketSnapshot, MarketTrade } from '../domain/market/market.js';
import type { FlightMode } from '../domain/navigation/flight-mode.js';
import type { Extraction } from '../domain/mining/extraction.js';
import type { Survey } from '../domain/mining/survey.js';
import type { ShipyardSnapshot } from '../domain/shipyard/shipyard.js';
import type { BudgetUse } from './budget-store.js';

/** The game's own data shapes, generated from the vendored OpenAPI spec (npm run spec:types). */
export type Schemas = components['schemas'];
export type AgentDto = Schemas['Agent'];
export type ShipDto = Schemas['Ship'];
export type ShipNavDto = Schemas['ShipNav'];
export type ShipFuelDto = Schemas['ShipFuel'];
export type ShipCargoDto = Schemas['ShipCargo'];
export type ContractDto = Schemas['Contract'];
type FactionDto = Schemas['Faction'];
export type WaypointDto = Schemas['Waypoint'];
export type SystemDto = Schemas['System'];
export type MarketDto = Schemas['Market'];
export type JumpGateDto = Schemas['JumpGate'];
export type MarketTransactionDto = Schemas['MarketTransaction'];
export type CooldownDto = Schemas['Cooldown'];
export type ShipyardDto = Schemas['Shipyard'];
export type ShipyardTransactionDto = Schemas['ShipyardTransaction'];

export interface ServerStatus {
  status: string;
  version: string;
  resetDate: string;
  serverResets: { next: string; frequency: string };
}

export interface RegisterResult {
  token: string;
  agent: AgentDto;
  faction: FactionDto;
  contract: ContractDto;
  ships: Ship[];
}

/** What a navigation, warp or flight-mode change leaves: the ship's nav and tank. */
export interface NavigateResult {
  nav: ShipNav;
  fuel: ShipFuel;
}

export interface RefuelResult {
  agent: AgentDto;
  fuel: ShipFuel;
  /**
   * The server's record of the purchase; null when its answer was lost and the purchase was
   * confirmed by reading the ship back, but the price could not be recovered: never a guess.
   */
  transaction: MarketTrade | null;
}

export interface JumpResult {
  nav: ShipNav;
  /** Epoch ms when the jump's cooldown ends, and its length. */
  cooldownUntil: number;
  cooldownSeconds: number;
  agent: AgentDto;
  /**
   * The server's record of the unit of antimatter the jump bought; null when its answer was lost and the
   * jump was confirmed by reading the ship back: never a guess.
   */
  transaction: MarketTrade | null;
}

/** What a purchase or sale leaves: the agent, the ship's hold, and the server's record of the trade. */
export interface TradeResult {
  agent: AgentDto;
  cargo: ShipCargo;
  transaction: MarketTrade;
}

/** Who is asking, and how urgently (the rate limiter serves interactive requests first). */
export type Urgency = 'interactive' | 'navigation' | 'background';

/**
 * The SpaceTraders HTTP API as the application sees it. The agent token is passed per call, so one
 * client (and one rate budget) serves every player on the machine. Ships come back as domain ships.
 *
 * A move or a spend whose answer was lost is read back; when even that fails, the call throws
 * `OutcomeUnknownError` (ports/api-errors.ts): the action may or may not have been applied.
 */
export interface SpaceTradersApi {
  /** How much of the rate budget the client used while requests waited for it (absent from test doubles). */
  budgetUse?(): Promise<BudgetUse>;
  getStatus(): Promise<ServerStatus>;
  register(accountToken: string, symbol: string, faction: string): Promise<RegisterResult>;
  getMyAgent(agentToken: string): Promise<AgentDto>;
  listShips(agentToken: string, urgency?: Urgency): Promise<Ship[]>;
  getShip(agentToken: string, shipSymbol: string, urgency?: Urgency): Promise<Ship>;
  orbit(agentToken: string, shipSymbol: string, urgency?: Urgency): Promise<ShipNav>;
  dock(agentToken: string, shipSymbol: string, urgency?: Urgency): Promise<ShipNav>;
  setFlightMode(agentToken: string, shipSymbol: string, mode: FlightMode, urgency?: Urgency): Promise<NavigateResult>;
  navigate(agentToken: string, shipSymbol: string, waypointSymbol: string, urgency?: Urgency): Promise<NavigateResult>;
  jump(agentToken: string, shipSymbol: string, waypointSymbol: string, urgency?: Urgency): Promise<JumpResult>;
  refuel(agentToken: string, shipSymbol: string, units?: number, urgency?: Urgency): Promise<RefuelResult>;
  purchase(agentToken: string, shipSymbol: string, tradeSymbol: string, units: number): Promise<TradeResult>;
  sell(agentToken: string, shipSymbol: string, tradeSymbol: string, units: number): Promise<TradeResult>;
  getSystem(agentToken: string, systemSymbol: string): Promise<SystemDto>;
  listWaypoints(
    agentToken: string,
    systemSymbol: string,
    filter?: { type?: string; traits?: string[] },
  ): Promise<WaypointDto[]>;
  getMarket(agentToken: string, systemSymbol: string, waypointSymbol: string): Promise<MarketDto>;
  /** A market in domain terms: its listing, and prices when one of the agent's ships is there. */
  readMarket(
    agentToken: string,
    systemSymbol: string,
    waypointSymbol: string,
    urgency?: Urgency,
  ): Promise<MarketSnapshot>;
  getJumpGate(agentToken: string, systemSymbol: string, waypointSymbol: string): Promise<JumpGateDto>;
  getShipyard(agentToken: string, systemSymbol: string, waypointSymbol: string): Promise<ShipyardDto>;
  /** A shipyard in domain terms: the types it sells, and offers with prices when one of the agent's ships is there. */
  readShipyard(agentToken: string, systemSymbol: string, waypointSymbol: string): Promise<ShipyardSnapshot>;
  /** A purchase: the agent after it, the new ship, and the server's own record of the price and time. */
  buyShip(
    agentToken: string,
    shipType: string,
    waypointSymbol: string,
  ): Promise<{ agent: AgentDto; ship: Ship; transaction: { price: number; at: number } }>;
  warp(agentToken: string, shipSymbol: string, waypointSymbol: string): Promise<NavigateResult>;
  jettison(agentToken: string, shipSymbol: string, tradeSymbol: string, units: number): Promise<ShipCargoDto>;
  /** Moves cargo to another of the agent's ships: both holds after it. */
  transfer(
    agentToken: string,
    shipSymbol: string,
    targetShipSymbol: string,
    tradeSymbol: string,
    units: number,
  ): Promise<{ cargo: ShipCargoDto; targetCargo: ShipCargoDto }>;
  /** Surveys the asteroid the ship orbits: the surveys found and when the ship's cooldown ends (epoch ms). */
  survey(agentToken: string, shipSymbol: string): Promise<{ surveys: Survey[]; cooldownUntil: number }>;
  /** One extraction, with a survey when given (the whole survey is sent back, as the server requires). */
  extract(
    agentToken: string,
    shipSymbol: string,
    survey?: Survey,
  ): Promise<{ extraction: Extraction; cooldownUntil: number; cargo: ShipCargo }>;
  /** Contracts come back as domain contracts (adapters/spacetraders-api/contract-mapping.ts). */
  listContracts(agentToken: string): Promise<Contract[]>;
  getContract(agentToken: string, contractId: string): Promise<Contract>;
  /** A lost answer is settled by reading the contract back (accepted or not); OutcomeUnknownError when that fails. */
  acceptContract(agentToken: string, contractId: string): Promise<{ agent: AgentDto; contract: Contract }>;
  /** Never re-sent after a lost answer: OutcomeUnknownError, and the caller reads the contract back. */
  deliverContract(
    agentToken: string,
    contractId: string,
    shipSymbol: string,
    tradeSymbol: string,
    units: number,
  ): Promise<{ contract: Contract; cargo: ShipCargo }>;
  /** Like accept: a lost answer is settled by reading the contract back. */
  fulfillContract(agentToken: string, contractId: string): Promise<{ agent: AgentDto; contract: Contract }>;
  negotiateContract(agentToken: string, shipSymbol: string): Promise<Contract>;
}
