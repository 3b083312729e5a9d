import type { BudgetUse } from '../../ports/budget-store.js';
import type { FlightMode } from '../../domain/navigation/flight-mode.js';
import type { Ship, ShipCargo, ShipNav } from '../../domain/fleet/ship.js';
import type { Extraction } from '../../domain/mining/extraction.js';
import type { Survey } from '../../domain/mining/survey.js';
import type {
  AgentDto,
  CooldownDto,
  ShipCargoDto,
  ShipFuelDto,
  Schemas,
  JumpResult,
  MarketTransactionDto,
  NavigateResult,
  RefuelResult,
  ShipDto,
  ShipNavDto,
  ShipyardTransactionDto,
  SpaceTradersApi,
  TradeResult,
  Urgency,
} from '../../ports/spacetraders-api.js';
import { cooldownUntil, toMoved, toShip, toShipCargo, toShipFuel, toShipNav } from './ship-mapping.js';
import { toExtraction, toSurvey, toSurveyDto } from './mining-mapping.js';
import { AgentsSystemsContracts } from './agents-systems-contracts.js';
import { type RawTrade, toMarketSnapshot, toMarketTrade, toTradeResult } from './market-mapping.js';
import { toShipyardSnapshot } from './shipyard-mapping.js';
import { type ClientOptions, SpaceTradersHttp } from './http-transport.js';

/** A navigation, warp or flight-mode response as sent. */
type RawMove = { nav: ShipNavDto; fuel: ShipFuelDto };

/** How far behind ours the server's clock may run when its records are matched to our requests. */
const CLOCK_SKEW_MS = 5_000;

/** The SpaceTraders API over axios: rate-limited, retrying what is safe, reconciling what is not. */
export class AxiosSpaceTradersClient extends AgentsSystemsContracts implements SpaceTradersApi {
  constructor(private readonly options: ClientOptions) {
    super(new SpaceTradersHttp(options));
  }

  async budgetUse(): Promise<BudgetUse> {
    return this.options.limiter.budgetUse();
  }

  async listShips(token: string, urgency?: Urgency): Promise<Ship[]> {
    return (await this.http.all<ShipDto>('/my/ships', token, urgency)).map(toShip);
  }

  async getShip(token: string, ship: string, urgency?: Urgency): Promise<Ship> {
    return toShip(await this.shipDto(token, ship, urgency));
  }

  /** A ship as the server describes it: what the read-backs after a lost answer compare. */
  private shipDto(token: string, ship: string, urgency?: Urgency): Promise<ShipDto> {
    return this.http.call({ method: 'GET', path: `/my/ships/${ship}`, token, urgency, idempotent: true });
  }

  orbit(token: string, ship: string, urgency?: Urgency): Promise<ShipNav> {
    return this.changeStatus('orbit', token, ship, urgency);
  }

  dock(token: string, ship: string, urgency?: Urgency): Promise<ShipNav> {
    return this.changeStatus('dock', token, ship, urgency);
  }

  /** Orbit and dock: idempotent on the server, so simply retried. */
  private async changeStatus(action: 'orbit' | 'dock', token: string, ship: string, urgency?: Urgency) {
    const result = await this.http.call<{ nav: ShipNavDto }>({
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
      await this.http.call<RawMove>({
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
      await this.http.call<RawMove>({
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
    const result = await this.http.call<{
      nav: ShipNavDto;
      cooldown: CooldownDto;
      agent: AgentDto;
      transaction?: MarketTransactionDto;
    }>({
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
      // The antimatter's price, from the server's own record (absent only after a read-back).
      transaction: result.transaction ? toMarketTrade(result.transaction) : null,
    };
  }

  async refuel(token: string, ship: string, units?: number, urgency?: Urgency): Promise<RefuelResult> {
    const sentAt = Date.now();
    const result = await this.http.call<{
      agent: AgentDto;
      fuel: ShipFuelDto;
      transaction: MarketTransactionDto | null;
    }>({
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
      await this.http.call<RawTrade>({ method: 'POST', path, token, body: { symbol, units }, idempotent: false }),
    );
  }

  async readMarket(token: string, system: string, waypoint: string) {
    return toMarketSnapshot(await this.getMarket(token, system, waypoint));
  }

  async readShipyard(token: string, system: string, waypoint: string) {
    return toShipyardSnapshot(await this.getShipyard(token, system, waypoint));
  }

  async buyShip(token: string, shipType: string, waypointSymbol: string) {
    // A purchase: never re-sent blindly (no reconcile: the caller reports an unknown outcome).
    const result = await this.http.call<{ agent: AgentDto; ship: ShipDto; transaction: ShipyardTransactionDto }>({
      method: 'POST',
      path: '/my/ships',
      token,
      body: { shipType, waypointSymbol },
      idempotent: false,
    });
    const { price, timestamp } = result.transaction;
    return { agent: result.agent, ship: toShip(result.ship), transaction: { price, at: Date.parse(timestamp) } };
  }

  warp(token: string, ship: string, waypointSymbol: string): Promise<NavigateResult> {
    return this.travel('warp', token, ship, waypointSymbol, 'navigation');
  }

  async jettison(token: string, ship: string, tradeSymbol: string, units: number): Promise<ShipCargoDto> {
    return (
      await this.http.call<{ cargo: ShipCargoDto }>({
        method: 'POST',
        path: `/my/ships/${ship}/jettison`,
        token,
        body: { symbol: tradeSymbol, units },
        idempotent: false,
      })
    ).cargo;
  }

  /** Never re-sent after a lost answer (no reconcile: the caller reports it). */
  transfer(token: string, ship: string, target: string, tradeSymbol: string, units: number) {
    return this.http.call<{ cargo: ShipCargoDto; targetCargo: ShipCargoDto }>({
      method: 'POST',
      path: `/my/ships/${ship}/transfer`,
      token,
      body: { tradeSymbol, units, shipSymbol: target },
      idempotent: false,
    });
  }

  async survey(token: string, ship: string): Promise<{ surveys: Survey[]; cooldownUntil: number }> {
    const result = await this.http.call<{ cooldown: CooldownDto; surveys: Schemas['Survey'][] }>({
      method: 'POST',
      path: `/my/ships/${ship}/survey`,
      token,
      urgency: 'background',
      idempotent: false,
    });
    return { surveys: result.surveys.map(toSurvey), cooldownUntil: cooldownUntil(result.cooldown) };
  }

  async extract(
    token: string,
    ship: string,
    survey?: Survey,
  ): Promise<{ extraction: Extraction; cooldownUntil: number; cargo: ShipCargo }> {
    const result = await this.http.call<{
      extraction: Schemas['Extraction'];
      cooldown: CooldownDto;
      cargo: ShipCargoDto;
    }>({
      method: 'POST',
      path: survey ? `/my/ships/${ship}/extract/survey` : `/my/ships/${ship}/extract`,
      token,
      ...(survey ? { body: toSurveyDto(survey) } : {}),
      urgency: 'background',
      idempotent: false,
    });
    return {
      extraction: toExtraction(result.extraction),
      cooldownUntil: cooldownUntil(result.cooldown),
      cargo: toShipCargo(result.cargo),
    };
  }
}
