import { randomUUID } from 'node:crypto';
import type { components } from '../api-schema/generated/spacetraders-api-schema.js';
import { removeCargo } from './fleet/cargo.js';
import { mustBeDocked, notInTransit, ownShip } from './fleet/ships.js';
import { type Game, STREAMS } from './game.js';
import { me, ok, page, route, type Route } from './server/router.js';
import { waypoint } from './systems/systems.js';
import { ASTEROID_YIELDS } from './world/catalog.js';
import { GameError } from './world/errors.js';
import { stringField, unitsField } from './world/payload.js';
import { countAction, own, type AgentState } from './world/world.js';

type S = components['schemas'];

/*
 * The real server's contracts vary; the sandbox offers one kind, a procurement of raw goods, on fixed
 * terms chosen to be worth doing. A new agent gets one for IRON_ORE at its headquarters.
 */
const DAY_MS = 86_400_000;
/** Days from the offer to the deadline of the delivery. */
const DEADLINE_DAYS = 7;
/** Days the offer stays open to accept. */
const ACCEPT_DAYS = 1;
const PAYMENT = { onAccepted: 10_000, onFulfilled: 40_000 };
const UNITS_REQUIRED = 40;

export function offerContract(
  game: Game,
  agent: AgentState,
  tradeSymbol = 'IRON_ORE',
  destination = agent.headquarters,
): S['Contract'] {
  const now = game.clock.now();
  const contract: S['Contract'] = {
    id: randomUUID(),
    factionSymbol: agent.startingFaction,
    type: 'PROCUREMENT',
    terms: {
      deadline: new Date(now + DEADLINE_DAYS * DAY_MS).toISOString(),
      payment: { ...PAYMENT },
      deliver: [{ tradeSymbol, destinationSymbol: destination, unitsRequired: UNITS_REQUIRED, unitsFulfilled: 0 }],
    },
    accepted: false,
    fulfilled: false,
    expiration: new Date(now + ACCEPT_DAYS * DAY_MS).toISOString(),
    deadlineToAccept: new Date(now + ACCEPT_DAYS * DAY_MS).toISOString(),
  };
  game.world.contracts[contract.id] = { owner: agent.symbol, contract };
  return structuredClone(contract);
}

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

function accept(game: Game, agent: AgentState, id: string) {
  const found = contract(game, agent, id);
  if (found.accepted) throw new GameError(400, 4501, `Contract ${id} has already been accepted.`, { contractId: id });
  found.accepted = true;
  const owner = game.world.agents[agent.symbol]!;
  owner.credits += found.terms.payment.onAccepted;
  return { agent: { ...owner }, contract: found };
}

/** A contract one may deliver on or fulfil: accepted (4501) and not yet fulfilled (4504). */
function mustBeOpen(found: S['Contract']): S['Contract'] {
  if (!found.accepted)
    throw new GameError(400, 4501, `Contract ${found.id} has not been accepted.`, { contractId: found.id });
  if (found.fulfilled)
    throw new GameError(400, 4504, `Contract ${found.id} has already been fulfilled.`, { contractId: found.id });
  return found;
}

function deliver(game: Game, agent: AgentState, contractId: string, body: unknown) {
  const found = contract(game, agent, contractId);
  const ship = ownShip(game, agent, stringField(body, 'shipSymbol'));
  const tradeSymbol = stringField(body, 'tradeSymbol');
  const units = unitsField(body);
  mustBeOpen(found);
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
      {
        contractId: found.id,
        destinationSymbol: term.destinationSymbol,
      },
    );
  if (term.unitsFulfilled + units > term.unitsRequired)
    throw new GameError(
      400,
      4509,
      `Delivery exceeds the ${term.unitsRequired - term.unitsFulfilled} units still required.`,
      {
        contractId: found.id,
        tradeSymbol,
      },
    );
  removeCargo(ship, tradeSymbol, units);
  term.unitsFulfilled += units;
  countAction(game.world, 'deliver', ship.symbol);
  return { contract: found, cargo: ship.cargo };
}

function fulfill(game: Game, agent: AgentState, contractId: string) {
  const found = mustBeOpen(contract(game, agent, contractId));
  if (found.terms.deliver?.some((t) => t.unitsFulfilled < t.unitsRequired))
    throw new GameError(400, 4502, `Contract ${found.id} terms are not met yet.`, { contractId: found.id });
  found.fulfilled = true;
  const owner = game.world.agents[agent.symbol]!;
  owner.credits += found.terms.payment.onFulfilled;
  return { contract: found, agent: { ...owner } };
}

/** A new contract from the faction at the ship's waypoint, while the agent has no open one. */
function negotiate(game: Game, agent: AgentState, symbol: string) {
  const ship = ownShip(game, agent, symbol);
  notInTransit(game, ship);
  const now = game.clock.now();
  const open = contractsOf(game, agent).find(
    (c) => !c.fulfilled && (c.accepted || Date.parse(c.deadlineToAccept ?? c.expiration) > now),
  );
  if (open)
    throw new GameError(400, 4511, `Agent ${agent.symbol} already has an open contract ${open.id}.`, {
      contractId: open.id,
    });
  const here = waypoint(game, ship.nav.waypointSymbol);
  if (!here.faction)
    throw new GameError(400, 4700, `There is no faction at ${here.symbol} to negotiate with.`, {
      waypointSymbol: here.symbol,
    });
  const good = game.random(STREAMS.operations).pick(ASTEROID_YIELDS);
  return { contract: offerContract(game, agent, good, here.symbol) };
}

export const CONTRACT_ROUTES: Route[] = [
  route('GET', '/my/contracts', (game, c) => page(contractsOf(game, me(game, c)), c)),
  route('GET', '/my/contracts/{}', (game, c) => ok(contract(game, me(game, c), c.params[0]!))),
  route('POST', '/my/contracts/{}/accept', (game, c) => ok(accept(game, me(game, c), c.params[0]!))),
  route('POST', '/my/contracts/{}/deliver', (game, c) => ok(deliver(game, me(game, c), c.params[0]!, c.body))),
  route('POST', '/my/contracts/{}/fulfill', (game, c) => ok(fulfill(game, me(game, c), c.params[0]!))),
  route('POST', '/my/ships/{}/negotiate/contract', (game, c) => ok(negotiate(game, me(game, c), c.params[0]!), 201)),
];
