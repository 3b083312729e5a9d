import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { offerContract } from './contract-offers.js';
import { removeCargo } from './fleet/cargo.js';
import { mustBeDocked, notInTransit, ownShip } from './fleet/ships.js';
import type { Game } from './game.js';
import { me, ok, page, route, type Route } from './server/router.js';
import { waypoint } from './systems/systems.js';
import { GameError } from './world/errors.js';
import { stringField, unitsField } from './world/payload.js';
import { countAction, countCredits, own, type AgentState } from './world/world.js';

type S = components['schemas'];

/*
 * Contract rules and their error codes as the real server has them (ECONOMY.md §4, errs, the live
 * /error-codes): 4501 already accepted, 4502 terms unmet, 4503 deadline passed, 4504 already fulfilled,
 * 4505 not accepted, 4508 wrong good, 4509 more units than still required, 4510 wrong place, 4511 one
 * open contract at a time, 4700 no faction to negotiate with. Offers: contract-offers.ts.
 */

/** Most contracts offered or accepted and not done at once: the spec's "currently … 1". */
const MAX_OPEN_CONTRACTS = 1;

function contractsOf(game: Game, agent: AgentState): S['Contract'][] {
  return Object.values(game.world.contracts)
    .filter((c) => c.owner === agent.symbol)
    .map((c) => c.contract);
}

function contract(game: Game, agent: AgentState, id: string): S['Contract'] {
  const entry = own(game.world.contracts, id);
  if (!entry || entry.owner !== agent.symbol) throw new GameError(404, 404, `Contract ${id} not found.`);
  return entry.contract;
}

const passed = (game: Game, iso: string | undefined) => iso !== undefined && Date.parse(iso) <= game.clock.now();

/**
 * Whether a contract still counts against MAX_OPEN_CONTRACTS: an offer until its deadline to accept, an
 * accepted one until it is fulfilled or its deadline passes (then it can never be fulfilled: the
 * sandbox lets it go, the real server's handling of expired contracts is not published).
 */
function isOpen(game: Game, found: S['Contract']): boolean {
  if (found.fulfilled) return false;
  if (found.accepted) return !passed(game, found.terms.deadline);
  return !passed(game, found.deadlineToAccept ?? found.expiration);
}

function accept(game: Game, agent: AgentState, id: string) {
  const found = contract(game, agent, id);
  if (found.accepted) throw new GameError(400, 4501, `Contract ${id} has already been accepted.`, { contractId: id });
  if (passed(game, found.deadlineToAccept ?? found.expiration))
    throw new GameError(400, 4503, `Contract ${id} can no longer be accepted: its deadline to accept has passed.`, {
      contractId: id,
      deadlineToAccept: found.deadlineToAccept ?? found.expiration,
    });
  found.accepted = true;
  const owner = game.world.agents[agent.symbol]!;
  owner.credits += found.terms.payment.onAccepted;
  countCredits(game.world, agent.symbol, 'CONTRACT', found.terms.payment.onAccepted);
  return { agent: { ...owner }, contract: found };
}

/** A contract one may deliver on or fulfil: accepted (4505), not yet fulfilled (4504), within its deadline (4503). */
function mustBeOpen(game: Game, found: S['Contract']): S['Contract'] {
  if (found.fulfilled)
    throw new GameError(400, 4504, `Contract ${found.id} has already been fulfilled.`, { contractId: found.id });
  if (!found.accepted)
    throw new GameError(400, 4505, `Contract ${found.id} has not been accepted.`, { contractId: found.id });
  if (passed(game, found.terms.deadline))
    throw new GameError(400, 4503, `Contract ${found.id} has expired: its deadline has passed.`, {
      contractId: found.id,
      deadline: found.terms.deadline,
    });
  return found;
}

function deliver(game: Game, agent: AgentState, contractId: string, body: unknown) {
  const found = contract(game, agent, contractId);
  const ship = ownShip(game, agent, stringField(body, 'shipSymbol'));
  const tradeSymbol = stringField(body, 'tradeSymbol');
  const units = unitsField(body);
  mustBeOpen(game, found);
  const term = found.terms.deliver?.find((t) => t.tradeSymbol === tradeSymbol);
  if (!term)
    throw new GameError(400, 4508, `Contract ${found.id} does not require ${tradeSymbol}.`, {
      contractId: found.id,
      tradeSymbol,
    });
  mustBeDocked(game, ship);
  if (ship.nav.waypointSymbol !== term.destinationSymbol)
    throw new GameError(
      400,
      4510,
      `Ship ${ship.symbol} is not at the delivery destination ${term.destinationSymbol}.`,
      { contractId: found.id, destinationSymbol: term.destinationSymbol },
    );
  if (term.unitsFulfilled + units > term.unitsRequired) {
    countAction(game.world, 'deliveryRefused', ship.symbol);
    throw new GameError(
      400,
      4509,
      `Delivery exceeds the ${term.unitsRequired - term.unitsFulfilled} units still required.`,
      { contractId: found.id, tradeSymbol, unitsRequired: term.unitsRequired, unitsFulfilled: term.unitsFulfilled },
    );
  }
  removeCargo(ship, tradeSymbol, units);
  term.unitsFulfilled += units;
  countAction(game.world, 'deliver', ship.symbol);
  countAction(game.world, 'deliveredUnits', ship.symbol, units);
  return { contract: found, cargo: ship.cargo };
}

function fulfill(game: Game, agent: AgentState, contractId: string) {
  const found = mustBeOpen(game, contract(game, agent, contractId));
  if (found.terms.deliver?.some((t) => t.unitsFulfilled < t.unitsRequired))
    throw new GameError(400, 4502, `Contract ${found.id} terms are not met yet.`, { contractId: found.id });
  found.fulfilled = true;
  const owner = game.world.agents[agent.symbol]!;
  owner.credits += found.terms.payment.onFulfilled;
  countAction(game.world, 'fulfill', agent.symbol);
  countCredits(game.world, agent.symbol, 'CONTRACT', found.terms.payment.onFulfilled);
  return { contract: found, agent: { ...owner } };
}

/**
 * A new offer from the faction at the ship's waypoint, for goods of that system. The spec: the ship must
 * be at a waypoint with a faction present (4700 otherwise), and the agent must not hold an open contract
 * (4511, data {agentSymbol, contractId} as eTODO saw it). Docking is not required by the spec; the
 * sandbox only refuses a ship in transit (4214).
 */
function negotiate(game: Game, agent: AgentState, symbol: string) {
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  const open = contractsOf(game, agent).filter((c) => isOpen(game, c));
  if (open.length >= MAX_OPEN_CONTRACTS)
    throw new GameError(400, 4511, `Agent ${agent.symbol} already has an active contract ${open[0]!.id}.`, {
      agentSymbol: agent.symbol,
      contractId: open[0]!.id,
    });
  const here = waypoint(game, ship.nav.waypointSymbol);
  if (!here.faction)
    throw new GameError(400, 4700, `There is no faction at ${here.symbol} to negotiate with.`, {
      waypointSymbol: here.symbol,
    });
  countAction(game.world, 'negotiate', ship.symbol);
  return { contract: offerContract(game, agent.symbol, here.faction, here.systemSymbol, here.symbol) };
}

export const CONTRACT_ROUTES: Route[] = [
  route('GET', '/my/contracts', (game, c) => page(contractsOf(game, me(game, c)), c)),
  route('GET', '/my/contracts/{}', (game, c) => ok(contract(game, me(game, c), c.params[0]!))),
  route('POST', '/my/contracts/{}/accept', (game, c) => ok(accept(game, me(game, c), c.params[0]!))),
  route('POST', '/my/contracts/{}/deliver', (game, c) => ok(deliver(game, me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/contracts/{}/fulfill', (game, c) => ok(fulfill(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/negotiate/contract', (game, c) => ok(negotiate(game, me(game, c), c.params[0]!), 201)),
];
