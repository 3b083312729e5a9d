import { randomUUID } from 'node:crypto';
import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import {
  distance,
  fuelCost,
  isFlightMode,
  jumpCooldownSeconds,
  marketUnitsForFuel,
  travelSeconds,
  type FlightMode,
} from '../domain/navigation/flight-mode.js';
import { RECRUITING_FACTIONS, SHIP_TEMPLATES, TRADE_GOODS } from './catalog.js';
import type { SandboxClock } from './clock.js';
import { badRequest, GameError, notFound } from './errors.js';
import { buildShip } from './generate.js';
import { signToken, verifyToken, type TokenClaims } from './tokens.js';
import { marketView, prices, routePoint } from './views.js';
import { countAction, type AgentState, type ShipState, type WaypointState, type WorldState } from './world.js';

type S = components['schemas'];
type Ship = S['Ship'];

const AGENT_SYMBOL = /^[A-Za-z0-9_-]{3,14}$/;
/** How far one purchase or sale moves a good's price, per unit, relative to its trade volume. */
const PRICE_IMPACT = 0.02;
/** Market pressure halves every this many game milliseconds. */
const PRICE_RECOVERY_HALF_LIFE = 10 * 60_000;

/** The game's rules applied to the world state. Every method either changes state or throws GameError. */
export class Game {
  /** Tokens whose signature was already checked (the HMAC is most of a request's cost). */
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    private current: WorldState,
    readonly clock: SandboxClock,
    private readonly accountToken?: string,
  ) {}

  get world(): WorldState {
    return this.current;
  }

  /** A new world (layout, loaded state, reset): tokens are checked afresh against it. */
  set world(world: WorldState) {
    this.current = world;
    this.verified.clear();
  }

  // ---- agents -------------------------------------------------------------------------------

  register(authorization: string | undefined, body: unknown) {
    const account = bearer(authorization);
    if (!account || (this.accountToken !== undefined && account !== this.accountToken)) {
      throw new GameError(
        401,
        4100,
        'Missing or invalid account token in request. Generate an account token at my.spacetraders.io.',
      );
    }
    const { symbol, faction } = (body ?? {}) as { symbol?: unknown; faction?: unknown };
    if (typeof symbol !== 'string' || !AGENT_SYMBOL.test(symbol)) {
      throw badRequest('Request could not be processed due to an invalid payload.', {
        symbol: ['symbol must be 3-14 characters of A-Z, 0-9, - and _'],
      });
    }
    if (typeof faction !== 'string')
      throw badRequest('Request could not be processed due to an invalid payload.', {
        faction: ['faction is required'],
      });
    const agentSymbol = symbol.toUpperCase();
    const factionState = this.world.factions[faction.toUpperCase()];
    if (!factionState) {
      throw new GameError(
        400,
        4112,
        `Faction ${faction.toUpperCase()} is not recruiting new agents. Recruiting: ${RECRUITING_FACTIONS.map((f) => f.symbol).join(', ')}.`,
      );
    }
    if (this.world.agents[agentSymbol])
      throw new GameError(409, 4111, `Agent symbol ${agentSymbol} has already been claimed.`, { agentSymbol });

    const hq = this.waypoint(factionState.headquarters);
    const agent: AgentState = {
      accountId: randomUUID(),
      symbol: agentSymbol,
      headquarters: hq.symbol,
      credits: 175_000,
      startingFaction: factionState.symbol,
      shipCount: 0,
    };
    this.world.agents[agentSymbol] = agent;
    (this.world.registeredAt ??= {})[agentSymbol] = new Date(this.clock.now()).toISOString();
    const ships = [this.addShip(agent, 'SHIP_COMMAND_FRIGATE', hq), this.addShip(agent, 'SHIP_PROBE', hq)];
    const contract = this.offerContract(agent);
    const token = signToken(
      {
        identifier: agentSymbol,
        version: 'v2.3.0',
        reset_date: this.world.resetDate,
        iat: Math.floor(Date.now() / 1000),
        sub: 'agent-token',
      },
      this.world.secret,
    );
    return { token, agent: { ...agent }, faction: this.factionView(factionState.symbol), contract, ships };
  }

  /** The agent a request's bearer token belongs to; 401 as the real server words it otherwise. */
  authenticate(authorization: string | undefined): AgentState {
    const token = bearer(authorization);
    if (!token)
      throw new GameError(
        401,
        401,
        'Missing authorization token. Please provide a valid agent token in the Authorization header.',
      );
    let claims = this.verified.get(token);
    if (!claims) {
      claims = verifyToken(token, this.world.secret);
      if (claims && this.verified.size < 10_000) this.verified.set(token, claims);
    }
    if (!claims) throw new GameError(401, 401, 'Failed to parse token. Token is invalid or malformed.');
    if (claims.reset_date !== this.world.resetDate) {
      throw new GameError(
        401,
        401,
        'Failed to parse token. Token reset_date does not match the server. Server resets happen on a weekly to bi-weekly frequency during beta. Please register a new agent.',
        { expected: this.world.resetDate, actual: claims.reset_date },
      );
    }
    const agent = this.world.agents[claims.identifier];
    if (!agent) throw new GameError(401, 401, 'Failed to parse token. Agent not found.');
    return agent;
  }

  factionView(symbol: string): S['Faction'] {
    const faction = this.world.factions[symbol];
    if (!faction) throw notFound(`Faction ${symbol}`);
    return {
      symbol: faction.symbol,
      name: faction.name,
      description: faction.name,
      headquarters: faction.headquarters,
      traits: [],
      isRecruiting: true,
    };
  }

  // ---- ships --------------------------------------------------------------------------------

  addShip(agent: AgentState, type: S['ShipType'], at: WaypointState): Ship {
    const template = SHIP_TEMPLATES[type];
    if (!template) throw badRequest(`Ship type ${type} is not built in the sandbox.`);
    agent.shipCount += 1;
    const symbol = `${agent.symbol}-${agent.shipCount.toString(16).toUpperCase()}`;
    const ship = buildShip(symbol, template, agent.startingFaction, at, this.clock.now()) as Ship;
    this.world.ships[symbol] = { owner: agent.symbol, ship, cooldownUntil: 0, cooldownTotal: 0 };
    return structuredClone(ship);
  }

  shipsOf(agent: AgentState): Ship[] {
    return Object.values(this.world.ships)
      .filter((state) => state.owner === agent.symbol)
      .map((state) => this.refresh(state));
  }

  /** A ship of the agent's, brought up to the present (arrival, cooldown). */
  ship(agent: AgentState, symbol: string): Ship {
    return this.refresh(this.shipState(agent, symbol));
  }

  private shipState(agent: AgentState, symbol: string): ShipState {
    const state = this.world.ships[symbol.toUpperCase()];
    if (!state || state.owner !== agent.symbol)
      throw new GameError(404, 404, `Ship ${symbol.toUpperCase()} not found.`);
    return state;
  }

  private refresh(state: ShipState): Ship {
    const now = this.clock.now();
    const nav = state.ship.nav;
    if (nav.status === 'IN_TRANSIT' && Date.parse(nav.route.arrival) <= now) nav.status = 'IN_ORBIT';
    const remaining = Math.max(0, Math.ceil((state.cooldownUntil - now) / 1000));
    state.ship.cooldown = {
      shipSymbol: state.ship.symbol,
      totalSeconds: remaining > 0 ? state.cooldownTotal : 0,
      remainingSeconds: remaining,
      ...(remaining > 0 ? { expiration: new Date(state.cooldownUntil).toISOString() } : {}),
    };
    return state.ship;
  }

  cooldown(agent: AgentState, symbol: string): S['Cooldown'] | undefined {
    const ship = this.ship(agent, symbol);
    return ship.cooldown.remainingSeconds > 0 ? ship.cooldown : undefined;
  }

  notInTransit(ship: Ship): void {
    if (ship.nav.status !== 'IN_TRANSIT') return;
    const now = this.clock.now();
    throw new GameError(
      400,
      4214,
      `Ship ${ship.symbol} is currently in-transit from ${ship.nav.route.origin.symbol} to ${ship.nav.route.destination.symbol} and arrives in ${Math.ceil((Date.parse(ship.nav.route.arrival) - now) / 1000)} seconds.`,
      {
        departureSymbol: ship.nav.route.origin.symbol,
        destinationSymbol: ship.nav.route.destination.symbol,
        arrival: ship.nav.route.arrival,
        departureTime: ship.nav.route.departureTime,
        secondsToArrival: Math.max(0, Math.ceil((Date.parse(ship.nav.route.arrival) - now) / 1000)),
      },
    );
  }

  mustBeInOrbit(ship: Ship): void {
    this.notInTransit(ship);
    if (ship.nav.status !== 'IN_ORBIT')
      throw new GameError(
        400,
        4236,
        `Ship action failed. Ship ${ship.symbol} is not currently in orbit at ${ship.nav.waypointSymbol}.`,
        { waypointSymbol: ship.nav.waypointSymbol },
      );
  }

  mustBeDocked(ship: Ship): void {
    this.notInTransit(ship);
    if (ship.nav.status !== 'DOCKED')
      throw new GameError(
        400,
        4244,
        `Ship action failed. Ship ${ship.symbol} is not currently docked at ${ship.nav.waypointSymbol}.`,
        { waypointSymbol: ship.nav.waypointSymbol },
      );
  }

  orbit(agent: AgentState, symbol: string): { nav: S['ShipNav'] } {
    const ship = this.ship(agent, symbol);
    this.notInTransit(ship);
    ship.nav.status = 'IN_ORBIT';
    return { nav: ship.nav };
  }

  dock(agent: AgentState, symbol: string): { nav: S['ShipNav'] } {
    const ship = this.ship(agent, symbol);
    this.notInTransit(ship);
    ship.nav.status = 'DOCKED';
    return { nav: ship.nav };
  }

  navigate(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.ship(agent, symbol);
    const target = (body as { waypointSymbol?: unknown } | undefined)?.waypointSymbol;
    if (typeof target !== 'string' || target === '')
      throw badRequest('Request could not be processed due to an invalid payload.', {
        waypointSymbol: ['waypointSymbol is required'],
      });
    this.mustBeInOrbit(ship);
    const destination = this.world.waypoints[target.toUpperCase()];
    if (!destination) throw new GameError(404, 4201, `Destination ${target.toUpperCase()} does not exist.`);
    if (destination.systemSymbol !== ship.nav.systemSymbol) {
      throw new GameError(
        400,
        4202,
        `Navigate request failed. Destination ${destination.symbol} is in another system; use warp or jump.`,
      );
    }
    if (destination.symbol === ship.nav.waypointSymbol) {
      throw new GameError(
        400,
        4204,
        `Navigate request failed. Ship ${ship.symbol} is currently located at the destination.`,
        { destinationSymbol: destination.symbol },
      );
    }
    const origin = this.waypoint(ship.nav.waypointSymbol);
    const mode = ship.nav.flightMode as FlightMode;
    const d = distance(origin, destination);
    const fuel = fuelCost(d, mode, ship.fuel.capacity);
    if (fuel > ship.fuel.current) {
      throw new GameError(
        400,
        4203,
        `Navigate request failed. Ship ${ship.symbol} requires ${fuel} more fuel for navigation.`,
        { shipSymbol: ship.symbol, fuelRequired: fuel, fuelAvailable: ship.fuel.current },
      );
    }
    const now = this.clock.now();
    const seconds = travelSeconds(d, mode, ship.engine.speed);
    ship.fuel.current -= fuel;
    ship.fuel.consumed = { amount: fuel, timestamp: new Date(now).toISOString() };
    ship.nav = {
      systemSymbol: destination.systemSymbol,
      waypointSymbol: destination.symbol,
      status: 'IN_TRANSIT',
      flightMode: ship.nav.flightMode,
      route: {
        origin: routePoint(origin),
        destination: routePoint(destination),
        departureTime: new Date(now).toISOString(),
        arrival: new Date(now + this.clock.scaled(seconds * 1000)).toISOString(),
      },
    };
    countAction(this.world, 'navigate', ship.symbol);
    return { nav: ship.nav, fuel: ship.fuel, events: [] };
  }

  setFlightMode(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.ship(agent, symbol);
    const mode = (body as { flightMode?: unknown } | undefined)?.flightMode;
    if (typeof mode !== 'string' || !isFlightMode(mode)) {
      throw badRequest('Request could not be processed due to an invalid payload.', {
        flightMode: ['flightMode must be one of DRIFT, STEALTH, CRUISE, BURN'],
      });
    }
    ship.nav.flightMode = mode;
    return { nav: ship.nav, fuel: ship.fuel, events: [] };
  }

  jump(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.ship(agent, symbol);
    const target = (body as { waypointSymbol?: unknown } | undefined)?.waypointSymbol;
    if (typeof target !== 'string')
      throw badRequest('Request could not be processed due to an invalid payload.', {
        waypointSymbol: ['waypointSymbol is required'],
      });
    this.mustBeInOrbit(ship);
    const now = this.clock.now();
    const state = this.shipState(agent, symbol);
    if (state.cooldownUntil > now) throw this.cooldownError(state, now);
    const here = this.waypoint(ship.nav.waypointSymbol);
    const there = this.world.waypoints[target.toUpperCase()];
    if (here.type !== 'JUMP_GATE')
      throw new GameError(400, 4254, `Ship ${ship.symbol} is not at a jump gate.`, { waypointSymbol: here.symbol });
    if (!there || there.type !== 'JUMP_GATE' || !here.gate?.includes(there.symbol))
      throw new GameError(400, 4255, `Jump gate ${here.symbol} has no connection to ${target.toUpperCase()}.`, {
        waypointSymbol: target.toUpperCase(),
      });
    if (here.isUnderConstruction)
      throw new GameError(400, 4256, `Jump gate ${here.symbol} is under construction.`, {
        waypointSymbol: here.symbol,
      });
    if (there.isUnderConstruction)
      throw new GameError(400, 4262, `Jump gate ${there.symbol} is under construction.`, {
        waypointSymbol: there.symbol,
      });
    const cost = prices(this.antimatter(here)).purchasePrice;
    const owner = this.world.agents[agent.symbol]!;
    if (owner.credits < cost)
      throw new GameError(400, 4600, `Agent has insufficient funds for the antimatter of the jump.`, {
        agentCredits: owner.credits,
        totalPrice: cost,
      });
    owner.credits -= cost;
    const seconds = jumpCooldownSeconds(
      distance(this.world.systems[here.systemSymbol]!, this.world.systems[there.systemSymbol]!),
    );
    state.cooldownTotal = seconds;
    state.cooldownUntil = now + this.clock.scaled(seconds * 1000);
    ship.nav = {
      systemSymbol: there.systemSymbol,
      waypointSymbol: there.symbol,
      status: 'IN_ORBIT',
      flightMode: ship.nav.flightMode,
      route: {
        origin: routePoint(here),
        destination: routePoint(there),
        departureTime: new Date(now).toISOString(),
        arrival: new Date(now).toISOString(),
      },
    };
    countAction(this.world, 'jump', ship.symbol);
    const transaction = {
      waypointSymbol: here.symbol,
      shipSymbol: ship.symbol,
      tradeSymbol: 'ANTIMATTER',
      type: 'PURCHASE' as const,
      units: 1,
      pricePerUnit: cost,
      totalPrice: cost,
      timestamp: new Date(now).toISOString(),
    };
    return { nav: ship.nav, cooldown: this.refresh(state).cooldown, transaction, agent: { ...owner } };
  }

  private antimatter(gate: WaypointState) {
    return {
      type: 'EXCHANGE' as const,
      basePrice: TRADE_GOODS.ANTIMATTER!.basePrice,
      pressure: 0,
      tradeVolume: 1,
      updatedAt: 0,
      ...(gate.market?.ANTIMATTER ?? {}),
    };
  }

  cooldownError(state: ShipState, now: number): GameError {
    const remainingSeconds = Math.ceil((state.cooldownUntil - now) / 1000);
    return new GameError(409, 4000, `Ship action is still on cooldown for ${remainingSeconds} second(s).`, {
      cooldown: {
        shipSymbol: state.ship.symbol,
        totalSeconds: state.cooldownTotal,
        remainingSeconds,
        expiration: new Date(state.cooldownUntil).toISOString(),
      },
    });
  }

  refuel(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.ship(agent, symbol);
    this.mustBeDocked(ship);
    const requested = (body as { units?: unknown } | undefined)?.units;
    if (requested !== undefined && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1)) {
      throw badRequest('Request could not be processed due to an invalid payload.', {
        units: ['units must be a positive integer'],
      });
    }
    const here = this.waypoint(ship.nav.waypointSymbol);
    const good = here.market?.FUEL;
    if (!good)
      throw new GameError(
        400,
        4226,
        `Ship ${ship.symbol} could not be refueled: the market at ${here.symbol} does not sell fuel.`,
        { waypointSymbol: here.symbol },
      );
    const units = Math.min(requested ?? ship.fuel.capacity - ship.fuel.current, ship.fuel.capacity - ship.fuel.current);
    const marketUnits = marketUnitsForFuel(units);
    const pricePerUnit = prices(good).purchasePrice;
    const totalPrice = marketUnits * pricePerUnit;
    const owner = this.world.agents[agent.symbol]!;
    if (owner.credits < totalPrice)
      throw new GameError(
        400,
        4600,
        `Agent has insufficient funds to refuel: ${totalPrice} credits needed, ${owner.credits} available.`,
        {
          agentCredits: owner.credits,
          totalPrice,
          tradeSymbol: 'FUEL',
          units: marketUnits,
          purchasePrice: pricePerUnit,
        },
      );
    owner.credits -= totalPrice;
    ship.fuel.current += units;
    countAction(this.world, 'refuel', ship.symbol);
    const transaction = {
      waypointSymbol: here.symbol,
      shipSymbol: ship.symbol,
      tradeSymbol: 'FUEL',
      type: 'PURCHASE' as const,
      units: marketUnits,
      pricePerUnit,
      totalPrice,
      timestamp: new Date(this.clock.now()).toISOString(),
    };
    return { agent: { ...owner }, fuel: ship.fuel, cargo: ship.cargo, transaction };
  }

  trade(agent: AgentState, symbol: string, body: unknown, type: 'PURCHASE' | 'SELL') {
    const ship = this.ship(agent, symbol);
    const { symbol: tradeSymbol, units } = (body ?? {}) as { symbol?: unknown; units?: unknown };
    if (typeof tradeSymbol !== 'string' || typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
      throw badRequest('Request could not be processed due to an invalid payload.', {
        symbol: ['symbol and a positive integer units are required'],
      });
    }
    this.mustBeDocked(ship);
    const here = this.waypoint(ship.nav.waypointSymbol);
    if (!here.market)
      throw new GameError(400, 4603, `Market not found at ${here.symbol}.`, { waypointSymbol: here.symbol });
    const good = here.market[tradeSymbol];
    if (!good)
      throw new GameError(
        400,
        type === 'PURCHASE' ? 4601 : 4602,
        `Market ${here.symbol} does not trade ${tradeSymbol}.`,
        { waypointSymbol: here.symbol, tradeSymbol },
      );
    if (units > good.tradeVolume)
      throw new GameError(
        400,
        4604,
        `Market transaction failed. Trade volume limit of ${good.tradeVolume} units exceeded.`,
        { waypointSymbol: here.symbol, tradeSymbol, units, tradeVolume: good.tradeVolume },
      );
    this.recover(good);
    const owner = this.world.agents[agent.symbol]!;
    const quote = prices(good);
    const pricePerUnit = type === 'PURCHASE' ? quote.purchasePrice : quote.sellPrice;
    const totalPrice = pricePerUnit * units;
    const item = ship.cargo.inventory.find((i) => i.symbol === tradeSymbol);
    if (type === 'PURCHASE') {
      if (owner.credits < totalPrice)
        throw new GameError(
          400,
          4600,
          `Agent has insufficient funds: ${totalPrice} credits needed, ${owner.credits} available.`,
          { agentCredits: owner.credits, totalPrice, tradeSymbol, units, purchasePrice: pricePerUnit },
        );
      if (ship.cargo.units + units > ship.cargo.capacity)
        throw new GameError(
          400,
          4217,
          `Ship ${ship.symbol} cargo would exceed its capacity of ${ship.cargo.capacity}.`,
          { shipSymbol: ship.symbol, tradeSymbol, cargoUnits: units, cargoCapacity: ship.cargo.capacity },
        );
      owner.credits -= totalPrice;
      if (item) item.units += units;
      else
        ship.cargo.inventory.push({
          symbol: tradeSymbol as S['TradeSymbol'],
          name: TRADE_GOODS[tradeSymbol]?.name ?? tradeSymbol,
          description: tradeSymbol,
          units,
        });
      ship.cargo.units += units;
      good.pressure = Math.min(1, good.pressure + ((PRICE_IMPACT * units) / good.tradeVolume) * 10);
    } else {
      if (!item || item.units < units)
        throw new GameError(400, 4218, `Ship ${ship.symbol} does not have ${units} units of ${tradeSymbol}.`, {
          shipSymbol: ship.symbol,
          tradeSymbol,
          cargoUnits: item?.units ?? 0,
          unitsToRemove: units,
        });
      owner.credits += totalPrice;
      item.units -= units;
      ship.cargo.units -= units;
      ship.cargo.inventory = ship.cargo.inventory.filter((i) => i.units > 0);
      good.pressure = Math.max(-0.5, good.pressure - ((PRICE_IMPACT * units) / good.tradeVolume) * 10);
    }
    good.updatedAt = this.clock.now();
    countAction(this.world, type === 'PURCHASE' ? 'purchase' : 'sell', ship.symbol);
    const transaction = {
      waypointSymbol: here.symbol,
      shipSymbol: ship.symbol,
      tradeSymbol,
      type,
      units,
      pricePerUnit,
      totalPrice,
      timestamp: new Date(this.clock.now()).toISOString(),
    };
    return { agent: { ...owner }, cargo: ship.cargo, transaction };
  }

  /** Prices drift back towards their base as game time passes. */
  private recover(good: { pressure: number; updatedAt: number }): void {
    const elapsed = this.clock.now() - good.updatedAt;
    if (elapsed > 0) good.pressure *= 0.5 ** (elapsed / this.clock.scaled(PRICE_RECOVERY_HALF_LIFE));
    good.updatedAt = this.clock.now();
  }

  // ---- systems ------------------------------------------------------------------------------

  waypoint(symbol: string): WaypointState {
    const waypoint = this.world.waypoints[symbol.toUpperCase()];
    if (!waypoint) throw new GameError(404, 404, `Waypoint ${symbol.toUpperCase()} not found.`);
    return waypoint;
  }

  waypointIn(systemSymbol: string, symbol: string): WaypointState {
    const waypoint = this.waypoint(symbol);
    if (waypoint.systemSymbol !== systemSymbol.toUpperCase())
      throw new GameError(
        404,
        404,
        `Waypoint ${symbol.toUpperCase()} not found in system ${systemSymbol.toUpperCase()}.`,
      );
    return waypoint;
  }

  market(agent: AgentState | undefined, systemSymbol: string, symbol: string): S['Market'] {
    const waypoint = this.waypointIn(systemSymbol, symbol);
    if (!waypoint.market)
      throw new GameError(404, 4603, `Market not found at ${waypoint.symbol}.`, { waypointSymbol: waypoint.symbol });
    for (const good of Object.values(waypoint.market)) this.recover(good);
    const present =
      agent !== undefined &&
      this.shipsOf(agent).some(
        (ship) => ship.nav.waypointSymbol === waypoint.symbol && ship.nav.status !== 'IN_TRANSIT',
      );
    return marketView(waypoint, present);
  }

  // ---- contracts ----------------------------------------------------------------------------

  offerContract(agent: AgentState, tradeSymbol = 'IRON_ORE', destination = agent.headquarters): S['Contract'] {
    const now = this.clock.now();
    const contract: S['Contract'] = {
      id: randomUUID(),
      factionSymbol: agent.startingFaction,
      type: 'PROCUREMENT',
      terms: {
        deadline: new Date(now + 7 * 86_400_000).toISOString(),
        payment: { onAccepted: 10_000, onFulfilled: 40_000 },
        deliver: [{ tradeSymbol, destinationSymbol: destination, unitsRequired: 40, unitsFulfilled: 0 }],
      },
      accepted: false,
      fulfilled: false,
      expiration: new Date(now + 86_400_000).toISOString(),
      deadlineToAccept: new Date(now + 86_400_000).toISOString(),
    };
    this.world.contracts[contract.id] = { owner: agent.symbol, contract };
    return structuredClone(contract);
  }

  contractsOf(agent: AgentState): S['Contract'][] {
    return Object.values(this.world.contracts)
      .filter((c) => c.owner === agent.symbol)
      .map((c) => c.contract);
  }

  contract(agent: AgentState, id: string): S['Contract'] {
    const entry = this.world.contracts[id];
    if (!entry || entry.owner !== agent.symbol) throw new GameError(404, 404, `Contract ${id} not found.`);
    return entry.contract;
  }

  acceptContract(agent: AgentState, id: string) {
    const contract = this.contract(agent, id);
    if (contract.accepted)
      throw new GameError(400, 4501, `Contract ${id} has already been accepted.`, { contractId: id });
    contract.accepted = true;
    const owner = this.world.agents[agent.symbol]!;
    owner.credits += contract.terms.payment.onAccepted;
    return { agent: { ...owner }, contract };
  }
}

function bearer(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return match?.[1]?.trim() || undefined;
}
