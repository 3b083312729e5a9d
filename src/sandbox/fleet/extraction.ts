import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { randomUUID } from 'node:crypto';
import { type Game, STREAMS } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { ASTEROID_YIELDS } from '../world/catalog.js';
import { list, oneOf, optional, problemsOf, shape, summary, symbol, timestamp } from '../world/check.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, type AgentState, type ShipState } from '../world/world.js';
import { addCargo } from './cargo.js';
import { readyShip, startCooldown } from './ships.js';

type S = components['schemas'];
type Ship = S['Ship'];

/** Waypoint types a mining laser or a surveyor works at. */
const MINABLE = new Set(['ASTEROID', 'ASTEROID_FIELD', 'ENGINEERED_ASTEROID', 'ASTEROID_BASE']);
/** What a gas giant yields; hydrogen is the most common (the sandbox's choice: the server publishes no odds). */
const GAS_YIELDS = ['LIQUID_HYDROGEN', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN', 'HYDROCARBON'];
/** A survey stays usable this long (game time); the real server varies it, the sandbox keeps it fixed. */
const SURVEY_LIFETIME_MS = 15 * 60_000;
/** A survey lists MIN_SURVEY_DEPOSITS to MIN + EXTRA_SURVEY_DEPOSITS deposits (the sandbox's choice). */
const MIN_SURVEY_DEPOSITS = 3;
const EXTRA_SURVEY_DEPOSITS = 3;
/*
 * The cooldown after a survey, extraction, siphon or scan: the live server's grows with the mounts
 * used but it publishes no formula; the sandbox's is a base plus a share per unit of their power.
 */
const MOUNT_COOLDOWN_BASE_SECONDS = 60;
const MOUNT_COOLDOWN_SECONDS_PER_POWER = 10;
/**
 * Units one extraction or siphon yields: 1 plus up to half the mounts' total strength, at random (the
 * sandbox's choice: the live server's yields grow with strength, but it publishes no formula).
 */
const YIELD_PER_STRENGTH = 0.5;

/** A survey as a client sends it back to extract with: the server's own shape. */
const SURVEY = shape({
  signature: symbol,
  symbol,
  deposits: list(shape({ symbol }), true),
  expiration: timestamp,
  size: optional(oneOf(['SMALL', 'MODERATE', 'LARGE'])),
});

/** The installed mounts whose symbol starts with `prefix`, e.g. MOUNT_GAS_SIPHON. */
export function mountsOf(ship: Ship, prefix: string): S['ShipMount'][] {
  return ship.mounts.filter((m) => m.symbol.startsWith(prefix));
}

/** The cooldown survey, extract, siphon and scans share, by the power of the mounts used. */
export function mountCooldownSeconds(mounts: S['ShipMount'][]): number {
  const power = mounts.reduce((sum, m) => sum + (m.requirements.power ?? 0), 0);
  return MOUNT_COOLDOWN_BASE_SECONDS + MOUNT_COOLDOWN_SECONDS_PER_POWER * power;
}

/** In orbit, cooled down, with at least one `prefix` mount (`code` otherwise): what survey, extract and siphon share. */
function readyToWork(game: Game, agent: AgentState, symbol: string, prefix: string, code: number) {
  const { ship, state } = readyShip(game, agent, symbol, true);
  const mounts = mountsOf(ship, prefix);
  if (mounts.length === 0)
    throw new GameError(
      400,
      code,
      `Ship ${ship.symbol} has no ${prefix.slice(6).toLowerCase().replace(/_/g, ' ')} installed.`,
      {
        shipSymbol: ship.symbol,
      },
    );
  return { ship, state, mounts, here: waypoint(game, ship.nav.waypointSymbol) };
}

function atAsteroid(game: Game, agent: AgentState, symbol: string, prefix: string, code: number) {
  const ready = readyToWork(game, agent, symbol, prefix, code);
  const { ship, here } = ready;
  if (!MINABLE.has(here.type))
    throw new GameError(400, 4205, `Ship ${ship.symbol} cannot extract or survey at ${here.symbol} (${here.type}).`, {
      waypointSymbol: here.symbol,
    });
  return ready;
}

function mustHaveRoom(ship: Ship): void {
  if (ship.cargo.units >= ship.cargo.capacity)
    throw new GameError(400, 4228, `Ship ${ship.symbol} has a full cargo hold.`, { shipSymbol: ship.symbol });
}

/** The units one pull of mounts of total `strength` brings, as much as fits in the hold. */
function yieldUnits(game: Game, ship: Ship, strength: number, stream: number): number {
  const random = game.random(stream);
  const pull = 1 + random.int(0, Math.max(1, Math.floor(strength * YIELD_PER_STRENGTH)));
  return Math.min(ship.cargo.capacity - ship.cargo.units, pull);
}

function strengthOf(mounts: S['ShipMount'][]): number {
  return mounts.reduce((sum, m) => sum + (m.strength ?? 0), 0);
}

function finish(game: Game, state: ShipState, mounts: S['ShipMount'][], action: string) {
  countAction(game.world, action, state.ship.symbol);
  return startCooldown(game, state, mountCooldownSeconds(mounts));
}

function survey(game: Game, agent: AgentState, symbol: string) {
  const { state, mounts, here } = atAsteroid(game, agent, symbol, 'MOUNT_SURVEYOR', 4240);
  const random = game.random(STREAMS.operations);
  const cooldown = finish(game, state, mounts, 'survey');
  const surveys: S['Survey'][] = mounts.map(() => ({
    signature: `${here.symbol}-${randomUUID().slice(0, 5).toUpperCase()}`,
    symbol: here.symbol,
    deposits: Array.from({ length: MIN_SURVEY_DEPOSITS + random.int(0, EXTRA_SURVEY_DEPOSITS) }, () => ({
      symbol: random.pick(ASTEROID_YIELDS) as S['SurveyDeposit']['symbol'],
    })),
    expiration: new Date(game.clock.now() + SURVEY_LIFETIME_MS).toISOString(),
    size: random.pick(['SMALL', 'MODERATE', 'LARGE'] as const),
  }));
  return { cooldown, surveys };
}

function extract(game: Game, agent: AgentState, symbol: string, survey?: unknown) {
  if (survey !== undefined) {
    const problems = problemsOf(SURVEY, survey, 'survey');
    if (problems.length > 0) throw badRequest(`Invalid survey: ${summary(problems)}.`, { survey: problems });
  }
  const given = survey as S['Survey'] | undefined;
  const { ship, state, mounts, here } = atAsteroid(game, agent, symbol, 'MOUNT_MINING_LASER', 4243);
  mustHaveRoom(ship);
  if (given && given.symbol !== here.symbol)
    throw new GameError(400, 4220, `Survey ${given.signature} is for ${given.symbol}, not ${here.symbol}.`, {
      surveySymbol: given.symbol,
    });
  if (given && Date.parse(given.expiration) < game.clock.now())
    throw new GameError(400, 4221, `Survey ${given.signature} has expired.`, { signature: given.signature });
  const random = game.random(STREAMS.operations);
  const good = given ? random.pick(given.deposits).symbol : random.pick(ASTEROID_YIELDS);
  const units = yieldUnits(game, ship, strengthOf(mounts), STREAMS.operations);
  addCargo(ship, good, units);
  const cooldown = finish(game, state, mounts, 'extract');
  return {
    extraction: { shipSymbol: ship.symbol, yield: { symbol: good as S['TradeSymbol'], units } },
    cooldown,
    cargo: ship.cargo,
    modifiers: [],
    events: [],
  };
}

function siphon(game: Game, agent: AgentState, symbol: string) {
  const { ship, state, mounts, here } = readyToWork(game, agent, symbol, 'MOUNT_GAS_SIPHON', 4258);
  if (here.type !== 'GAS_GIANT')
    throw new GameError(
      400,
      4259,
      `Ship ${ship.symbol} cannot siphon at ${here.symbol} (${here.type}): only gas giants can be siphoned.`,
      { waypointSymbol: here.symbol },
    );
  mustHaveRoom(ship);
  const good = game.random(STREAMS.siphon).pick(GAS_YIELDS);
  const units = yieldUnits(game, ship, strengthOf(mounts), STREAMS.siphon);
  addCargo(ship, good, units);
  const cooldown = finish(game, state, mounts, 'siphon');
  return {
    siphon: { shipSymbol: ship.symbol, yield: { symbol: good as S['TradeSymbol'], units } },
    cooldown,
    cargo: ship.cargo,
    events: [],
  };
}

/** Surveying and mining asteroids, siphoning gas giants. */
export const EXTRACTION_ROUTES: Route[] = [
  route('POST', '/my/ships/{}/survey', (game, c) => ok(survey(game, me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/extract', (game, c) => ok(extract(game, me(game, c), c.params[0]!), 201)),
  route('POST', '/my/ships/{}/extract/survey', (game, c) =>
    ok(extract(game, me(game, c), c.params[0]!, c.body ?? null), 201),
  ),
  route('POST', '/my/ships/{}/siphon', (game, c) => ok(siphon(game, me(game, c), c.params[0]!), 201)),
];
