import type {
  AgentDto,
  ContractDto,
  JumpGateDto,
  MarketDto,
  RegisterResult,
  ServerStatus,
  ShipCargoDto,
  ShipDto,
  ShipyardDto,
  SystemDto,
  WaypointDto,
} from '../../ports/spacetraders-api.js';
import type { Contract } from '../../domain/contracts/contract.js';
import type { ShipCargo } from '../../domain/fleet/ship.js';
import { toContract } from './contract-mapping.js';
import type { Call, SpaceTradersHttp } from './http-transport.js';
import { toShip, toShipCargo } from './ship-mapping.js';

/**
 * The agents, systems and contracts endpoints (the API's own tags); the fleet's are in
 * axios-spacetraders-client.ts, which builds on these for its read-backs.
 */
export class AgentsSystemsContracts {
  constructor(protected readonly http: SpaceTradersHttp) {}

  getStatus(): Promise<ServerStatus> {
    return this.http.call({ method: 'GET', path: '/', idempotent: true, unwrap: false } as Call<ServerStatus> & {
      unwrap: false;
    });
  }

  async register(accountToken: string, symbol: string, faction: string): Promise<RegisterResult> {
    const result = await this.http.call<Omit<RegisterResult, 'ships'> & { ships: ShipDto[] }>({
      method: 'POST',
      path: '/register',
      token: accountToken,
      body: { symbol, faction },
      idempotent: false,
    });
    return { ...result, ships: result.ships.map(toShip) };
  }

  getMyAgent(token: string): Promise<AgentDto> {
    return this.http.call({ method: 'GET', path: '/my/agent', token, idempotent: true });
  }

  getSystem(token: string, system: string): Promise<SystemDto> {
    return this.http.call({ method: 'GET', path: `/systems/${system}`, token, idempotent: true });
  }

  listWaypoints(
    token: string,
    system: string,
    filter: { type?: string; traits?: string[] } = {},
  ): Promise<WaypointDto[]> {
    return this.http.all<WaypointDto>(`/systems/${system}/waypoints`, token, 'interactive', {
      type: filter.type,
      traits: filter.traits?.join(','),
    });
  }

  getMarket(token: string, system: string, waypoint: string): Promise<MarketDto> {
    return this.http.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/market`,
      token,
      idempotent: true,
    });
  }

  getJumpGate(token: string, system: string, waypoint: string): Promise<JumpGateDto> {
    return this.http.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/jump-gate`,
      token,
      idempotent: true,
    });
  }

  getShipyard(token: string, system: string, waypoint: string): Promise<ShipyardDto> {
    return this.http.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/shipyard`,
      token,
      idempotent: true,
    });
  }

  async listContracts(token: string): Promise<Contract[]> {
    return (await this.http.all<ContractDto>('/my/contracts', token)).map(toContract);
  }

  async getContract(token: string, id: string): Promise<Contract> {
    return toContract(await this.contractDto(token, id));
  }

  private contractDto(token: string, id: string): Promise<ContractDto> {
    return this.http.call({ method: 'GET', path: `/my/contracts/${id}`, token, idempotent: true });
  }

  acceptContract(token: string, id: string): Promise<{ agent: AgentDto; contract: Contract }> {
    return this.contractStep('accept', token, id, (contract) => contract.accepted);
  }

  /** Accept or fulfil: a step whose lost answer the contract's own state confirms. */
  protected async contractStep(
    step: 'accept' | 'fulfill',
    token: string,
    id: string,
    done: (contract: Contract) => boolean,
  ): Promise<{ agent: AgentDto; contract: Contract }> {
    const result = await this.http.call<{ agent: AgentDto; contract: ContractDto }>({
      method: 'POST',
      path: `/my/contracts/${id}/${step}`,
      token,
      idempotent: false,
      reconcile: async () => {
        const contract = await this.contractDto(token, id);
        return done(toContract(contract)) ? { contract, agent: await this.getMyAgent(token) } : undefined;
      },
    });
    return { agent: result.agent, contract: toContract(result.contract) };
  }

  async deliverContract(
    token: string,
    id: string,
    shipSymbol: string,
    tradeSymbol: string,
    units: number,
  ): Promise<{ contract: Contract; cargo: ShipCargo }> {
    const result = await this.http.call<{ contract: ContractDto; cargo: ShipCargoDto }>({
      method: 'POST',
      path: `/my/contracts/${id}/deliver`,
      token,
      body: { shipSymbol, tradeSymbol, units },
      idempotent: false,
    });
    return { contract: toContract(result.contract), cargo: toShipCargo(result.cargo) };
  }

  fulfillContract(token: string, id: string): Promise<{ agent: AgentDto; contract: Contract }> {
    return this.contractStep('fulfill', token, id, (contract) => contract.fulfilled);
  }

  async negotiateContract(token: string, ship: string): Promise<Contract> {
    return toContract(
      (
        await this.http.call<{ contract: ContractDto }>({
          method: 'POST',
          path: `/my/ships/${ship}/negotiate/contract`,
          token,
          idempotent: false,
        })
      ).contract,
    );
  }
}
