import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { FlightMode } from '../../domain/navigation/flight-mode.js';
import type { Ship, ShipNav } from '../../domain/fleet/ship.js';
import { apiErrorFrom, OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type {
  AgentDto,
  ContractDto,
  CooldownDto,
  ExtractionDto,
  ShipCargoDto,
  ShipFuelDto,
  ShipyardDto,
  SurveyDto,
  JumpGateDto,
  JumpResult,
  MarketDto,
  MarketTransactionDto,
  NavigateResult,
  RefuelResult,
  RegisterResult,
  ServerStatus,
  ShipDto,
  ShipNavDto,
  SpaceTradersApi,
  SystemDto,
  TradeResult,
  Urgency,
  WaypointDto,
} from '../../ports/spacetraders-api.js';
import type { RateLimiter } from './rate-limiter.js';
import { cooldownUntil, toMoved, toShip, toShipFuel, toShipNav } from './ship-mapping.js';
import { type RawTrade, toMarketSnapshot, toMarketTrade, toTradeResult } from './market-mapping.js';

export interface ClientOptions {
  baseUrl: string;
  timeoutMs: number;
  limiter: RateLimiter;
  /** Retries of transient failures (5xx, network, headerless 429); a 429 with retry-after is not counted. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface Call<T> {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  urgency?: Urgency;
  /**
   * For a move or a spend: after an ambiguous failure (timeout, dropped connection, 5xx once the
   * request was sent) read the state back and return the outcome if the server applied it, or
   * `undefined` if it certainly did not (then it is sent again). Without it such a call is never
   * re-sent. Idempotent calls (GETs, orbit, dock, flight mode) simply retry.
   */
  reconcile?: () => Promise<T | undefined>;
  idempotent: boolean;
}

/** A navigation, warp or flight-mode response as sent. */
type RawMove = { nav: ShipNavDto; fuel: ShipFuelDto };

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
/** How far behind ours the server's clock may run when its records are matched to our requests. */
const CLOCK_SKEW_MS = 5_000;
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** The SpaceTraders API over axios: rate-limited, retrying what is safe, reconciling what is not. */
export class AxiosSpaceTradersClient implements SpaceTradersApi {
  private readonly http: AxiosInstance;
  private readonly maxRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: ClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent: new HttpsAgent({ keepAlive: true }),
      headers: { accept: 'application/json' },
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
    this.maxRetries = options.maxRetries ?? 5;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  getStatus(): Promise<ServerStatus> {
    return this.call({ method: 'GET', path: '/', idempotent: true, unwrap: false } as Call<ServerStatus> & {
      unwrap: false;
    });
  }

  async register(accountToken: string, symbol: string, faction: string): Promise<RegisterResult> {
    const result = await this.call<Omit<RegisterResult, 'ships'> & { ships: ShipDto[] }>({
      method: 'POST',
      path: '/register',
      token: accountToken,
      body: { symbol, faction },
      idempotent: false,
    });
    return { ...result, ships: result.ships.map(toShip) };
  }

  getMyAgent(token: string): Promise<AgentDto> {
    return this.call({ method: 'GET', path: '/my/agent', token, idempotent: true });
  }

  async listShips(token: string, urgency?: Urgency): Promise<Ship[]> {
    return (await this.all<ShipDto>('/my/ships', token, urgency)).map(toShip);
  }

  async getShip(token: string, ship: string, urgency?: Urgency): Promise<Ship> {
    return toShip(await this.shipDto(token, ship, urgency));
  }

  /** A ship as the server describes it: what the read-backs after a lost answer compare. */
  private shipDto(token: string, ship: string, urgency?: Urgency): Promise<ShipDto> {
    return this.call({ method: 'GET', path: `/my/ships/${ship}`, token, urgency, idempotent: true });
  }

  orbit(token: string, ship: string, urgency?: Urgency): Promise<ShipNav> {
    return this.changeStatus('orbit', token, ship, urgency);
  }

  dock(token: string, ship: string, urgency?: Urgency): Promise<ShipNav> {
    return this.changeStatus('dock', token, ship, urgency);
  }

  /** Orbit and dock: idempotent on the server, so simply retried. */
  private async changeStatus(action: 'orbit' | 'dock', token: string, ship: string, urgency?: Urgency) {
    const result = await this.call<{ nav: ShipNavDto }>({
      method: 'POST',
      path: `/my/ships/${ship}/${action}`,
      token,
      urgency,
      idempotent: true,
    });
    return toShipNav(result.nav);
  }

  async setFlightMode(token: string, ship: string, flightMode: FlightMode, urgency?: Urgency): Promise<NavigateResult> {
    return toMoved(
      await this.call<RawMove>({
        method: 'PATCH',
        path: `/my/ships/${ship}/nav`,
        token,
        body: { flightMode },
        urgency,
        idempotent: true,
      }),
    );
  }

  navigate(token: string, ship: string, waypointSymbol: string, urgency?: Urgency): Promise<NavigateResult> {
    return this.travel('navigate', token, ship, waypointSymbol, urgency);
  }

  /** A navigation within a system or a warp to another: a move, read back after a lost answer. */
  private async travel(
    action: 'navigate' | 'warp',
    token: string,
    ship: string,
    waypointSymbol: string,
    urgency?: Urgency,
  ): Promise<NavigateResult> {
    return toMoved(
      await this.call<RawMove>({
        method: 'POST',
        path: `/my/ships/${ship}/${action}`,
        token,
        body: { waypointSymbol },
        urgency,
        idempotent: false,
        // Applied if the ship is now headed for (or at) the destination: had it been there before,
        // the server would have refused with 4204 instead.
        reconcile: async () => {
          const current = await this.shipDto(token, ship, urgency);
          const applied =
            current.nav.route.destination.symbol === waypointSymbol &&
            current.nav.route.origin.symbol !== waypointSymbol;
          return applied ? { nav: current.nav, fuel: current.fuel } : undefined;
        },
      }),
    );
  }

  async jump(token: string, ship: string, waypointSymbol: string, urgency?: Urgency): Promise<JumpResult> {
    const result = await this.call<{ nav: ShipNavDto; cooldown: CooldownDto; agent: AgentDto }>({
      method: 'POST',
      path: `/my/ships/${ship}/jump`,
      token,
      body: { waypointSymbol },
      urgency,
      idempotent: false,
      reconcile: async () => {
        const current = await this.shipDto(token, ship, urgency);
        if (current.nav.waypointSymbol !== waypointSymbol) return undefined;
        return { nav: current.nav, cooldown: current.cooldown, agent: await this.getMyAgent(token) };
      },
    });
    return {
      nav: toShipNav(result.nav),
      cooldownUntil: cooldownUntil(result.cooldown),
      cooldownSeconds: result.cooldown.remainingSeconds,
      agent: result.agent,
    };
  }

  async refuel(token: string, ship: string, units?: number, urgency?: Urgency): Promise<RefuelResult> {
    const sentAt = Date.now();
    const result = await this.call<{ agent: AgentDto; fuel: ShipFuelDto; transaction: MarketTransactionDto | null }>({
      method: 'POST',
      path: `/my/ships/${ship}/refuel`,
      token,
      body: units === undefined ? {} : { units },
      urgency,
      idempotent: false,
      // A fill-up is done once the tank is full, whoever filled it; a partial refuel cannot be told
      // apart from one that did not happen, so it is never sent twice. What it cost comes from the
      // market's own record of the purchase, or stays unknown (null): never a guess.
      reconcile:
        units !== undefined
          ? undefined
          : async () => {
              const current = await this.shipDto(token, ship, urgency);
              if (current.fuel.current < current.fuel.capacity) return undefined;
              const agent = await this.getMyAgent(token);
              const transaction = await this.fuelPurchaseSince(token, current, sentAt).catch(() => null);
              return { agent, fuel: current.fuel, transaction };
            },
    });
    const transaction = result.transaction ? toMarketTrade(result.transaction) : null;
    return { agent: result.agent, fuel: toShipFuel(result.fuel), transaction };
  }

  /** The market's record of this ship's one fuel purchase since a moment, if it shows exactly one. */
  private async fuelPurchaseSince(token: string, ship: ShipDto, since: number): Promise<MarketTransactionDto | null> {
    const market = await this.getMarket(token, ship.nav.systemSymbol, ship.nav.waypointSymbol);
    // A few seconds' grace for the server's clock running behind ours.
    const purchases = (market.transactions ?? []).filter(
      (t) =>
        t.shipSymbol === ship.symbol &&
        t.tradeSymbol === 'FUEL' &&
        t.type === 'PURCHASE' &&
        Date.parse(t.timestamp) >= since - CLOCK_SKEW_MS,
    );
    return purchases.length === 1 ? purchases[0]! : null;
  }

  purchase(token: string, ship: string, tradeSymbol: string, units: number): Promise<TradeResult> {
    return this.trade('purchase', token, ship, tradeSymbol, units);
  }

  sell(token: string, ship: string, tradeSymbol: string, units: number): Promise<TradeResult> {
    return this.trade('sell', token, ship, tradeSymbol, units);
  }

  /** A spend or a sale: never re-sent after a lost answer (no reconcile: the caller reports it). */
  private async trade(kind: 'purchase' | 'sell', token: string, ship: string, symbol: string, units: number) {
    const path = `/my/ships/${ship}/${kind}`;
    return toTradeResult(
      await this.call<RawTrade>({ method: 'POST', path, token, body: { symbol, units }, idempotent: false }),
    );
  }

  getSystem(token: string, system: string): Promise<SystemDto> {
    return this.call({ method: 'GET', path: `/systems/${system}`, token, idempotent: true });
  }

  listWaypoints(
    token: string,
    system: string,
    filter: { type?: string; traits?: string[] } = {},
  ): Promise<WaypointDto[]> {
    return this.all<WaypointDto>(`/systems/${system}/waypoints`, token, 'interactive', {
      type: filter.type,
      traits: filter.traits?.join(','),
    });
  }

  getMarket(token: string, system: string, waypoint: string): Promise<MarketDto> {
    return this.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/market`,
      token,
      idempotent: true,
    });
  }

  async readMarket(token: string, system: string, waypoint: string) {
    return toMarketSnapshot(await this.getMarket(token, system, waypoint));
  }

  getJumpGate(token: string, system: string, waypoint: string): Promise<JumpGateDto> {
    return this.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/jump-gate`,
      token,
      idempotent: true,
    });
  }

  getShipyard(token: string, system: string, waypoint: string): Promise<ShipyardDto> {
    return this.call({
      method: 'GET',
      path: `/systems/${system}/waypoints/${waypoint}/shipyard`,
      token,
      idempotent: true,
    });
  }

  async buyShip(token: string, shipType: string, waypointSymbol: string): Promise<{ agent: AgentDto; ship: Ship }> {
    // A purchase: never re-sent blindly (no reconcile: the player checks `ship list`).
    const result = await this.call<{ agent: AgentDto; ship: ShipDto }>({
      method: 'POST',
      path: '/my/ships',
      token,
      body: { shipType, waypointSymbol },
      idempotent: false,
    });
    return { agent: result.agent, ship: toShip(result.ship) };
  }

  warp(token: string, ship: string, waypointSymbol: string): Promise<NavigateResult> {
    return this.travel('warp', token, ship, waypointSymbol, 'navigation');
  }

  async jettison(token: string, ship: string, tradeSymbol: string, units: number): Promise<ShipCargoDto> {
    return (
      await this.call<{ cargo: ShipCargoDto }>({
        method: 'POST',
        path: `/my/ships/${ship}/jettison`,
        token,
        body: { symbol: tradeSymbol, units },
        idempotent: false,
      })
    ).cargo;
  }

  survey(token: string, ship: string): Promise<{ cooldown: CooldownDto; surveys: SurveyDto[] }> {
    return this.call({
      method: 'POST',
      path: `/my/ships/${ship}/survey`,
      token,
      urgency: 'background',
      idempotent: false,
    });
  }

  extract(
    token: string,
    ship: string,
    survey?: SurveyDto,
  ): Promise<{ extraction: ExtractionDto; cooldown: CooldownDto; cargo: ShipCargoDto }> {
    return survey
      ? this.call({
          method: 'POST',
          path: `/my/ships/${ship}/extract/survey`,
          token,
          body: survey,
          urgency: 'background',
          idempotent: false,
        })
      : this.call({
          method: 'POST',
          path: `/my/ships/${ship}/extract`,
          token,
          urgency: 'background',
          idempotent: false,
        });
  }

  listContracts(token: string): Promise<ContractDto[]> {
    return this.all<ContractDto>('/my/contracts', token);
  }

  getContract(token: string, id: string): Promise<ContractDto> {
    return this.call({ method: 'GET', path: `/my/contracts/${id}`, token, idempotent: true });
  }

  acceptContract(token: string, id: string): Promise<{ agent: AgentDto; contract: ContractDto }> {
    return this.contractStep('accept', token, id, (contract) => contract.accepted);
  }

  /** Accept or fulfil: a step whose lost answer the contract's own state confirms. */
  private contractStep(
    step: 'accept' | 'fulfill',
    token: string,
    id: string,
    done: (contract: ContractDto) => boolean,
  ): Promise<{ agent: AgentDto; contract: ContractDto }> {
    return this.call({
      method: 'POST',
      path: `/my/contracts/${id}/${step}`,
      token,
      idempotent: false,
      reconcile: async () => {
        const contract = await this.getContract(token, id);
        return done(contract) ? { contract, agent: await this.getMyAgent(token) } : undefined;
      },
    });
  }

  deliverContract(
    token: string,
    id: string,
    shipSymbol: string,
    tradeSymbol: string,
    units: number,
  ): Promise<{ contract: ContractDto; cargo: ShipCargoDto }> {
    return this.call({
      method: 'POST',
      path: `/my/contracts/${id}/deliver`,
      token,
      body: { shipSymbol, tradeSymbol, units },
      idempotent: false,
    });
  }

  fulfillContract(token: string, id: string): Promise<{ agent: AgentDto; contract: ContractDto }> {
    return this.contractStep('fulfill', token, id, (contract) => contract.fulfilled);
  }

  async negotiateContract(token: string, ship: string): Promise<ContractDto> {
    return (
      await this.call<{ contract: ContractDto }>({
        method: 'POST',
        path: `/my/ships/${ship}/negotiate/contract`,
        token,
        idempotent: false,
      })
    ).contract;
  }

  /** Every page of a paged list, 20 at a time. */
  private async all<T>(
    path: string,
    token: string,
    urgency: Urgency = 'interactive',
    query: Record<string, string | undefined> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const body = await this.call<{ data: T[]; meta: { total: number } }>({
        method: 'GET',
        path,
        token,
        urgency,
        idempotent: true,
        query: { ...query, page, limit: 20 },
        unwrap: false,
      } as Call<{ data: T[]; meta: { total: number } }> & { unwrap: false });
      items.push(...body.data);
      if (body.data.length === 0 || items.length >= body.meta.total) return items;
    }
  }

  private async call<T>(call: Call<T> & { unwrap?: boolean }): Promise<T> {
    let failures = 0;
    for (;;) {
      await this.options.limiter.acquire(call.urgency ?? 'interactive');
      let response: AxiosResponse;
      try {
        response = await this.http.request({
          method: call.method,
          url: call.path,
          data: call.body,
          params: call.query,
          headers: call.token ? { authorization: `Bearer ${call.token}` } : {},
        });
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERROR';
        const outcome = await this.afterAmbiguousFailure(
          call,
          NEVER_SENT.has(code),
          ++failures,
          `cannot reach ${this.host()} (${code})`,
        );
        if (outcome.done) return outcome.value;
        continue;
      }
      this.options.limiter.observe(
        header(response, 'x-ratelimit-remaining'),
        Date.parse(String(response.headers['x-ratelimit-reset'] ?? '')),
      );
      if (response.status === 429) {
        const retryAfter =
          header(response, 'retry-after') ??
          (response.data as { error?: { data?: { retryAfter?: number } } })?.error?.data?.retryAfter;
        if (retryAfter !== undefined) {
          this.options.limiter.pause(retryAfter * 1000);
          continue;
        }
        if (++failures > this.maxRetries) throw apiErrorFrom(429, response.data);
        await this.backoff(failures);
        continue;
      }
      if (TRANSIENT_STATUS.has(response.status)) {
        const outcome = await this.afterAmbiguousFailure(
          call,
          false,
          ++failures,
          `the server answered HTTP ${response.status}`,
          response,
        );
        if (outcome.done) return outcome.value;
        continue;
      }
      if (response.status >= 400) throw apiErrorFrom(response.status, response.data);
      if (response.status === 204) return undefined as T;
      return (call.unwrap === false ? response.data : (response.data as { data: T }).data) as T;
    }
  }

  /** Decides what follows a failure after which the request may or may not have been applied. */
  private async afterAmbiguousFailure<T>(
    call: Call<T>,
    neverSent: boolean,
    failures: number,
    reason: string,
    response?: AxiosResponse,
  ): Promise<{ done: true; value: T } | { done: false }> {
    const mayHaveBeenApplied = !neverSent && !call.idempotent;
    if (failures > this.maxRetries) {
      if (mayHaveBeenApplied)
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}; it may have been applied (gave up after ${this.maxRetries} retries)`,
        );
      if (response) throw apiErrorFrom(response.status, response.data);
      throw new ServerUnavailableError(0, 0, `${reason}; gave up after ${this.maxRetries} retries`);
    }
    if (mayHaveBeenApplied) {
      if (!call.reconcile) {
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}; it may have been applied, so it was not sent again — check the state before retrying`,
        );
      }
      await this.backoff(failures);
      let applied: T | undefined;
      try {
        applied = await call.reconcile();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}, and reading the state back failed too (${why}); it may have been applied`,
        );
      }
      if (applied !== undefined) return { done: true, value: applied };
      return { done: false };
    }
    await this.backoff(failures);
    return { done: false };
  }

  private backoff(failures: number): Promise<void> {
    const cap = Math.min(8_000, 250 * 2 ** failures);
    return this.sleep(cap / 2 + this.random() * (cap / 2));
  }

  private host(): string {
    return new URL(this.options.baseUrl).host;
  }
}

function header(response: AxiosResponse, name: string): number | undefined {
  const value = response.headers[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
