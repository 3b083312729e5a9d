import { randomUUID } from 'node:crypto';
import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { distance, fuelCost, travelSeconds, type FlightMode } from '../domain/navigation/flight-mode.js';
import { ASTEROID_YIELDS, SHIP_TEMPLATES } from './catalog.js';
import { badRequest, GameError } from './errors.js';
import type { Game } from './game.js';
import { stringField, unitsField } from './payload.js';
import { Random } from './random.js';
import { addCargo, removeCargo, startCooldown } from './ship-support.js';
import { routePoint } from './views.js';
import { countAction, type AgentState } from './world.js';

type S = components['schemas'];

const MINABLE = new Set(['ASTEROID', 'ASTEROID_FIELD', 'ENGINEERED_ASTEROID', 'ASTEROID_BASE']);

/**
 * The rest of the game's operations: warp, jettison, survey, extract, contract delivery and
 * fulfilment, negotiation, and buying ships. They share the Game's rules for state, credits and
 * cooldowns.
 */
export class Operations {
  private readonly random: Random;

  constructor(private readonly game: Game) {
    this.random = new Random(game.world.seed + 17);
  }

  warp(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.game.ship(agent, symbol);
    const target = this.game.waypoint(stringField(body, 'waypointSymbol'));
    this.game.mustBeInOrbit(ship);
    if (!ship.modules.some((m) => m.symbol.startsWith('MODULE_WARP_DRIVE')))
      throw new GameError(400, 4241, `Ship ${ship.symbol} has no warp drive installed.`, { shipSymbol: ship.symbol });
    if (target.systemSymbol === ship.nav.systemSymbol)
      throw new GameError(400, 4235, `Ship ${ship.symbol} cannot warp within its own system; navigate instead.`, {
        shipSymbol: ship.symbol,
      });
    const origin = this.game.waypoint(ship.nav.waypointSymbol);
    const d = distance(this.game.world.systems[origin.systemSymbol]!, this.game.world.systems[target.systemSymbol]!);
    const mode = ship.nav.flightMode as FlightMode;
    const fuel = fuelCost(d, mode, ship.fuel.capacity);
    if (fuel > ship.fuel.current)
      throw new GameError(400, 4203, `Warp failed. Ship ${ship.symbol} requires ${fuel} more fuel.`, {
        shipSymbol: ship.symbol,
        fuelRequired: fuel,
        fuelAvailable: ship.fuel.current,
      });
    const now = this.game.clock.now();
    ship.fuel.current -= fuel;
    ship.fuel.consumed = { amount: fuel, timestamp: new Date(now).toISOString() };
    const seconds = travelSeconds(d, mode, ship.engine.speed, 'warp');
    ship.nav = {
      ...ship.nav,
      systemSymbol: target.systemSymbol,
      waypointSymbol: target.symbol,
      status: 'IN_TRANSIT',
      route: {
        origin: routePoint(origin),
        destination: routePoint(target),
        departureTime: new Date(now).toISOString(),
        arrival: new Date(now + this.game.clock.scaled(seconds * 1000)).toISOString(),
      },
    };
    countAction(this.game.world, 'warp', ship.symbol);
    return { nav: ship.nav, fuel: ship.fuel, events: [] };
  }

  jettison(agent: AgentState, symbol: string, body: unknown) {
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    removeCargo(ship, stringField(body, 'symbol'), unitsField(body));
    return { cargo: ship.cargo };
  }

  survey(agent: AgentState, symbol: string) {
    const { ship, state, here } = this.atAsteroid(agent, symbol, 'MOUNT_SURVEYOR');
    const surveyors = ship.mounts.filter((m) => m.symbol.startsWith('MOUNT_SURVEYOR'));
    const cooldown = startCooldown(
      this.game.clock,
      state,
      60 + 10 * surveyors.reduce((sum, m) => sum + (m.requirements.power ?? 0), 0),
    );
    const now = this.game.clock.now();
    const surveys: S['Survey'][] = surveyors.map(() => ({
      signature: `${here.symbol}-${randomUUID().slice(0, 5).toUpperCase()}`,
      symbol: here.symbol,
      deposits: Array.from({ length: 3 + this.random.int(0, 3) }, () => ({
        symbol: this.random.pick(ASTEROID_YIELDS) as S['SurveyDeposit']['symbol'],
      })),
      expiration: new Date(now + 15 * 60_000).toISOString(),
      size: this.random.pick(['SMALL', 'MODERATE', 'LARGE'] as const),
    }));
    countAction(this.game.world, 'survey', ship.symbol);
    return { cooldown, surveys };
  }

  extract(agent: AgentState, symbol: string, body: unknown) {
    const { ship, state, here } = this.atAsteroid(agent, symbol, 'MOUNT_MINING_LASER');
    if (ship.cargo.units >= ship.cargo.capacity)
      throw new GameError(400, 4228, `Ship ${ship.symbol} has a full cargo hold.`, { shipSymbol: ship.symbol });
    const survey = (body as { survey?: S['Survey'] } | undefined)?.survey;
    if (survey && survey.symbol !== here.symbol)
      throw new GameError(400, 4220, `Survey ${survey.signature} is for ${survey.symbol}, not ${here.symbol}.`, {
        surveySymbol: survey.symbol,
      });
    if (survey && Date.parse(survey.expiration) < this.game.clock.now())
      throw new GameError(400, 4221, `Survey ${survey.signature} has expired.`, { signature: survey.signature });
    const lasers = ship.mounts.filter((m) => m.symbol.startsWith('MOUNT_MINING_LASER'));
    const strength = lasers.reduce((sum, m) => sum + (m.strength ?? 0), 0);
    const good = survey ? this.random.pick(survey.deposits).symbol : this.random.pick(ASTEROID_YIELDS);
    const units = Math.min(
      ship.cargo.capacity - ship.cargo.units,
      1 + this.random.int(0, Math.max(1, Math.floor(strength / 2))),
    );
    addCargo(ship, good, units);
    const cooldown = startCooldown(
      this.game.clock,
      state,
      60 + 10 * lasers.reduce((sum, m) => sum + (m.requirements.power ?? 0), 0),
    );
    countAction(this.game.world, 'extract', ship.symbol);
    return {
      extraction: { shipSymbol: ship.symbol, yield: { symbol: good as S['TradeSymbol'], units } },
      cooldown,
      cargo: ship.cargo,
      modifiers: [],
      events: [],
    };
  }

  deliver(agent: AgentState, contractId: string, body: unknown) {
    const contract = this.game.contract(agent, contractId);
    const ship = this.game.ship(agent, stringField(body, 'shipSymbol'));
    const tradeSymbol = stringField(body, 'tradeSymbol');
    const units = unitsField(body);
    if (!contract.accepted)
      throw new GameError(400, 4501, `Contract ${contract.id} has not been accepted.`, { contractId: contract.id });
    if (contract.fulfilled)
      throw new GameError(400, 4504, `Contract ${contract.id} has already been fulfilled.`, {
        contractId: contract.id,
      });
    const term = contract.terms.deliver?.find((t) => t.tradeSymbol === tradeSymbol);
    if (!term)
      throw new GameError(400, 4508, `Contract ${contract.id} does not require ${tradeSymbol}.`, {
        contractId: contract.id,
        tradeSymbol,
      });
    this.game.mustBeDocked(ship);
    if (ship.nav.waypointSymbol !== term.destinationSymbol)
      throw new GameError(
        400,
        4510,
        `Ship ${ship.symbol} is not at the delivery destination ${term.destinationSymbol}.`,
        { contractId: contract.id, destinationSymbol: term.destinationSymbol },
      );
    if (term.unitsFulfilled + units > term.unitsRequired)
      throw new GameError(
        400,
        4509,
        `Delivery exceeds the ${term.unitsRequired - term.unitsFulfilled} units still required.`,
        { contractId: contract.id, tradeSymbol },
      );
    removeCargo(ship, tradeSymbol, units);
    term.unitsFulfilled += units;
    countAction(this.game.world, 'deliver', ship.symbol);
    return { contract, cargo: ship.cargo };
  }

  fulfill(agent: AgentState, contractId: string) {
    const contract = this.game.contract(agent, contractId);
    if (!contract.accepted)
      throw new GameError(400, 4501, `Contract ${contract.id} has not been accepted.`, { contractId: contract.id });
    if (contract.fulfilled)
      throw new GameError(400, 4504, `Contract ${contract.id} has already been fulfilled.`, {
        contractId: contract.id,
      });
    if (contract.terms.deliver?.some((t) => t.unitsFulfilled < t.unitsRequired))
      throw new GameError(400, 4502, `Contract ${contract.id} terms are not met yet.`, { contractId: contract.id });
    contract.fulfilled = true;
    const owner = this.game.world.agents[agent.symbol]!;
    owner.credits += contract.terms.payment.onFulfilled;
    return { contract, agent: { ...owner } };
  }

  negotiate(agent: AgentState, symbol: string) {
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    const open = this.game
      .contractsOf(agent)
      .find(
        (c) => !c.fulfilled && (c.accepted || Date.parse(c.deadlineToAccept ?? c.expiration) > this.game.clock.now()),
      );
    if (open)
      throw new GameError(400, 4511, `Agent ${agent.symbol} already has an open contract ${open.id}.`, {
        contractId: open.id,
      });
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    if (!here.faction)
      throw new GameError(400, 4700, `There is no faction at ${here.symbol} to negotiate with.`, {
        waypointSymbol: here.symbol,
      });
    const good = this.random.pick(ASTEROID_YIELDS);
    const contract = this.game.offerContract(agent, good, here.symbol);
    return { contract };
  }

  buyShip(agent: AgentState, body: unknown) {
    const shipType = stringField(body, 'shipType') as S['ShipType'];
    const at = this.game.waypoint(stringField(body, 'waypointSymbol'));
    if (!at.shipyard) throw new GameError(404, 404, `Shipyard not found at ${at.symbol}.`);
    if (!at.shipyard.includes(shipType))
      throw new GameError(400, 4246, `Shipyard ${at.symbol} does not sell ${shipType}.`, {
        waypointSymbol: at.symbol,
        shipType,
      });
    if (!this.game.shipsOf(agent).some((s) => s.nav.waypointSymbol === at.symbol && s.nav.status !== 'IN_TRANSIT')) {
      throw new GameError(400, 4245, `Agent ${agent.symbol} needs a ship at ${at.symbol} to buy from its shipyard.`, {
        waypointSymbol: at.symbol,
      });
    }
    const template = SHIP_TEMPLATES[shipType];
    if (!template) throw badRequest(`Ship type ${shipType} is not built in the sandbox.`);
    const owner = this.game.world.agents[agent.symbol]!;
    if (owner.credits < template.price)
      throw new GameError(400, 4216, `Agent has insufficient credits for ${shipType}: ${template.price} needed.`, {
        creditsAvailable: owner.credits,
        creditsNeeded: template.price,
      });
    owner.credits -= template.price;
    const ship = this.game.addShip(owner, shipType, at);
    countAction(this.game.world, 'buyShip', agent.symbol);
    const transaction = {
      waypointSymbol: at.symbol,
      shipSymbol: ship.symbol,
      shipType,
      price: template.price,
      agentSymbol: agent.symbol,
      timestamp: new Date(this.game.clock.now()).toISOString(),
    };
    return { agent: { ...owner }, ship, transaction };
  }

  private atAsteroid(agent: AgentState, symbol: string, mount: string) {
    const ship = this.game.ship(agent, symbol);
    this.game.mustBeInOrbit(ship);
    const state = this.game.world.ships[ship.symbol]!;
    const now = this.game.clock.now();
    if (state.cooldownUntil > now) throw this.game.cooldownError(state, now);
    if (!ship.mounts.some((m) => m.symbol.startsWith(mount)))
      throw new GameError(
        400,
        mount.includes('SURVEYOR') ? 4240 : 4243,
        `Ship ${ship.symbol} has no ${mount.toLowerCase().replace(/_/g, ' ')} installed.`,
        { shipSymbol: ship.symbol },
      );
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    if (!MINABLE.has(here.type))
      throw new GameError(400, 4205, `Ship ${ship.symbol} cannot extract or survey at ${here.symbol} (${here.type}).`, {
        waypointSymbol: here.symbol,
      });
    return { ship, state, here };
  }
}
