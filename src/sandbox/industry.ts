import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { REFINED_OUTPUT_UNITS, REFINERIES, REFINING_INPUT, REFINING_INPUT_UNITS } from './equipment.js';
import { badRequest, GameError } from './errors.js';
import type { Game } from './game.js';
import { stringField, unitsField } from './payload.js';
import { Random } from './random.js';
import {
  addCargo,
  checkCargo,
  checkRoom,
  mountCooldownSeconds,
  mountsOf,
  mustBeCool,
  removeCargo,
  startCooldown,
} from './ship-support.js';
import { countAction, type AgentState } from './world.js';

type S = components['schemas'];

/** What a gas giant yields; hydrogen is the most common. */
const GAS_YIELDS = ['LIQUID_HYDROGEN', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN', 'HYDROCARBON'];
/** Seconds a refining run keeps the ship busy. */
const REFINE_COOLDOWN_SECONDS = 180;

/** Producing and moving goods: siphoning gas, refining, and transfers between one agent's ships. */
export class Industry {
  private readonly random: Random;

  constructor(private readonly game: Game) {
    this.random = new Random(game.world.seed + 29);
  }

  siphon(agent: AgentState, symbol: string) {
    const ship = this.game.ship(agent, symbol);
    this.game.mustBeInOrbit(ship);
    const state = this.game.world.ships[ship.symbol]!;
    mustBeCool(this.game, state);
    const siphons = mountsOf(ship, 'MOUNT_GAS_SIPHON');
    if (siphons.length === 0)
      throw new GameError(400, 4258, `Ship ${ship.symbol} has no gas siphon installed.`, { shipSymbol: ship.symbol });
    const here = this.game.waypoint(ship.nav.waypointSymbol);
    if (here.type !== 'GAS_GIANT')
      throw new GameError(
        400,
        4259,
        `Ship ${ship.symbol} cannot siphon at ${here.symbol} (${here.type}): only gas giants can be siphoned.`,
        { waypointSymbol: here.symbol },
      );
    if (ship.cargo.units >= ship.cargo.capacity)
      throw new GameError(400, 4228, `Ship ${ship.symbol} has a full cargo hold.`, { shipSymbol: ship.symbol });
    const strength = siphons.reduce((sum, m) => sum + (m.strength ?? 0), 0);
    const good = this.random.pick(GAS_YIELDS);
    const units = Math.min(
      ship.cargo.capacity - ship.cargo.units,
      1 + this.random.int(0, Math.max(1, Math.floor(strength / 2))),
    );
    addCargo(ship, good, units);
    const cooldown = startCooldown(this.game.clock, state, mountCooldownSeconds(siphons));
    countAction(this.game.world, 'siphon', ship.symbol);
    return {
      siphon: { shipSymbol: ship.symbol, yield: { symbol: good as S['TradeSymbol'], units } },
      cooldown,
      cargo: ship.cargo,
      events: [],
    };
  }

  refine(agent: AgentState, symbol: string, body: unknown) {
    const produce = (body as { produce?: unknown } | undefined)?.produce;
    if (typeof produce !== 'string' || !REFINING_INPUT[produce]) {
      throw badRequest('Request could not be processed due to an invalid payload.', {
        produce: [`produce must be one of ${Object.keys(REFINING_INPUT).join(', ')}`],
      });
    }
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    const state = this.game.world.ships[ship.symbol]!;
    mustBeCool(this.game, state);
    const refineries = ship.modules.filter((m) => REFINERIES[m.symbol]);
    if (refineries.length === 0)
      throw new GameError(400, 4239, `Ship ${ship.symbol} has no refinery module installed.`, {
        shipSymbol: ship.symbol,
      });
    if (!refineries.some((m) => REFINERIES[m.symbol]!.includes(produce))) {
      throw new GameError(400, 4238, `Ship ${ship.symbol} has no refinery that can produce ${produce}.`, {
        shipSymbol: ship.symbol,
        produce,
        refineries: refineries.map((m) => m.symbol),
      });
    }
    const input = REFINING_INPUT[produce]!;
    removeCargo(ship, input, REFINING_INPUT_UNITS, 4219);
    addCargo(ship, produce, REFINED_OUTPUT_UNITS);
    const cooldown = startCooldown(this.game.clock, state, REFINE_COOLDOWN_SECONDS);
    countAction(this.game.world, 'refine', ship.symbol);
    return {
      cargo: ship.cargo,
      cooldown,
      produced: [{ tradeSymbol: produce as S['TradeSymbol'], units: REFINED_OUTPUT_UNITS }],
      consumed: [{ tradeSymbol: input as S['TradeSymbol'], units: REFINING_INPUT_UNITS }],
    };
  }

  transfer(agent: AgentState, symbol: string, body: unknown) {
    const tradeSymbol = stringField(body, 'tradeSymbol');
    const units = unitsField(body);
    const targetSymbol = stringField(body, 'shipSymbol');
    const ship = this.game.ship(agent, symbol);
    this.game.notInTransit(ship);
    if (targetSymbol === ship.symbol)
      throw new GameError(400, 4233, `Ship ${ship.symbol} cannot transfer cargo to itself.`, {
        shipSymbol: ship.symbol,
      });
    const targetState = this.game.world.ships[targetSymbol];
    if (!targetState)
      throw new GameError(404, 4231, `Ship ${targetSymbol} to transfer cargo to was not found.`, {
        shipSymbol: targetSymbol,
      });
    if (targetState.owner !== agent.symbol)
      throw new GameError(400, 4232, `Ship ${targetSymbol} belongs to another agent.`, {
        shipSymbol: targetSymbol,
        agentSymbol: agent.symbol,
      });
    const target = this.game.ship(agent, targetSymbol);
    if (target.nav.status === 'IN_TRANSIT' || target.nav.waypointSymbol !== ship.nav.waypointSymbol) {
      throw new GameError(
        400,
        4234,
        `Ship ${target.symbol} is not at ${ship.nav.waypointSymbol}, where ${ship.symbol} is.`,
        {
          shipSymbol: ship.symbol,
          targetShipSymbol: target.symbol,
          waypointSymbol: ship.nav.waypointSymbol,
          targetWaypointSymbol: target.nav.waypointSymbol,
        },
      );
    }
    if (target.nav.status !== ship.nav.status) {
      throw new GameError(
        400,
        4271,
        `Ships ${ship.symbol} and ${target.symbol} must both be docked or both be in orbit to transfer cargo.`,
        {
          shipSymbol: ship.symbol,
          shipStatus: ship.nav.status,
          targetShipSymbol: target.symbol,
          targetShipStatus: target.nav.status,
        },
      );
    }
    checkCargo(ship, tradeSymbol, units);
    checkRoom(target, tradeSymbol, units);
    removeCargo(ship, tradeSymbol, units);
    addCargo(target, tradeSymbol, units);
    countAction(this.game.world, 'transfer', ship.symbol);
    return { cargo: ship.cargo, targetCargo: target.cargo };
  }
}
