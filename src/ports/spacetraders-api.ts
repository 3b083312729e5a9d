import type { components } from './generated/spacetraders-api-schema.js';

/** The game's own data shapes, generated from the vendored OpenAPI spec (npm run spec:types). */
export type Schemas = components['schemas'];
export type AgentDto = Schemas['Agent'];
export type ShipDto = Schemas['Ship'];
export type ContractDto = Schemas['Contract'];
export type FactionDto = Schemas['Faction'];

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
  ships: ShipDto[];
}

/**
 * The SpaceTraders HTTP API as the application sees it. Tokens are passed per call so one client
 * (and one rate budget) serves every player on the machine.
 */
export interface SpaceTradersApi {
  getStatus(): Promise<ServerStatus>;
  register(accountToken: string, symbol: string, faction: string): Promise<RegisterResult>;
  getMyAgent(agentToken: string): Promise<AgentDto>;
}
