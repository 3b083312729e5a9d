import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import { type Game, STREAMS } from '../game.js';
import { me, ok, route, type Route } from '../server/router.js';
import { waypoint } from '../systems/systems.js';
import { list, oneOf, optional, problemsOf, shape, summary, symbol, timestamp } from '../world/check.js';
import { MINABLE, plainYieldsOf } from '../world/deposits.js';
import { badRequest, GameError } from '../world/errors.js';
import { countAction, type AgentState, type ShipState } from '../world/world.js';
import { addCargo } from './cargo.js';
import { mustBeStable, strain } from './instability.js';
import { readyShip, startCooldown } from './ships.js';
import { issueSurveys, usableSurvey } from './surveys.js';

type S = components['schemas'];
type Ship = S['Ship'];

/** What a gas giant yields; hydrogen is the most common (the sandbox's choice: the server publishes no odds). */
const GAS_YIELDS = ['LIQUID_HYDROGEN', 'LIQUID_HYDROGEN', 'LIQUID_NITROGEN', 'HYDROCARBON'];
/*
 * The cooldown after a survey, extraction, siphon or scan: 60 s + 10 s per power point of the mounts used
 * (MECHANICS.md "Cooldowns", eseidel mining.dart): a frigate's MINING_LASER_II (power 2) gives 80 s, its
 * SURVEYOR_II (power 3) 90 s, a drone's LASER_I 70 s — the ~70–80 s players see.
 */
const MOUNT_COOLDOWN_BASE_SECONDS = 60;
const MOUNT_COOLDOWN_SECONDS_PER_POWER = 10;
/**
 * A laser extraction yields the sum of the lasers' strengths ± this many units per laser, at random,
 * capped by the free cargo. The rule was measured in 2023 (eMine: ± 5 per laser when LASER_I was 10);
 * scaled to today's LASER_I of 3 (×0.3) it is ± 1.5, which the sandbox rounds to 2.
 */
const YIELD_SPREAD_PER_LASER = 2;
/**
 * Units one siphon yields: 1 plus up to half the siphons' total strength, at random (the sandbox's choice:
 * siphon strengths are 10 / 20 (eStatic), but no siphon yield was measured).
 */
const SIPHON_YIELD_PER_STRENGTH = 0.5;

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

/** The units the lasers bring up: their strengths ± YIELD_SPREAD_PER_LASER each, at least 1, as much as fits. */
function laserYield(game: Game, ship: Ship, lasers: S['ShipMount'][]): number {
  const random = game.random(STREAMS.operations);
  const pull = lasers.reduce(
    (sum, m) => sum + (m.strength ?? 0) + random.int(-YIELD_SPREAD_PER_LASER, YIELD_SPREAD_PER_LASER),
    0,
  );
  return Math.min(ship.cargo.capacity - ship.cargo.units, Math.max(1, pull));
}

/** The units the siphons bring up, as much as fits in the hold. */
function siphonYield(game: Game, ship: Ship, siphons: S['ShipMount'][]): number {
  const strength = siphons.reduce((sum, m) => sum + (m.strength ?? 0), 0);
  const pull = 1 + game.random(STREAMS.siphon).int(0, Math.max(1, Math.floor(strength * SIPHON_YIELD_PER_STRENGTH)));
  return Math.min(ship.cargo.capacity - ship.cargo.units, pull);
}

function finish(game: Game, state: ShipState, mounts: S['ShipMount'][], action: string) {
  countAction(game.world, action, state.ship.symbol);
  return startCooldown(game, state, mountCooldownSeconds(mounts));
}

function survey(game: Game, agent: AgentState, symbol: string) {
  const { state, mounts, here } = atAsteroid(game, agent, symbol, 'MOUNT_SURVEYOR', 4240);
  const surveys = issueSurveys(game, game.random(STREAMS.operations), here, mounts);
  const cooldown = finish(game, state, mounts, 'survey');
  return { cooldown, surveys };
}

function extract(game: Game, agent: AgentState, symbol: string, survey?: unknown) {
  if (survey !== undefined) {
    const problems = problemsOf(SURVEY, survey, 'survey');
    if (problems.length > 0) throw badRequest(`Invalid survey: ${summary(problems)}.`, { survey: problems });
  }
  const { ship, state, mounts, here } = atAsteroid(game, agent, symbol, 'MOUNT_MINING_LASER', 4243);
  mustHaveRoom(ship);
  const used = survey === undefined ? undefined : usableSurvey(game, survey as S['Survey'], here);
  mustBeStable(game, here);
  const random = game.random(STREAMS.operations);
  const good = random.pick(used ? used.deposits : plainYieldsOf(here));
  const units = Math.min(laserYield(game, ship, mounts), used ? used.remaining : Number.POSITIVE_INFINITY);
  if (used) used.remaining -= units;
  addCargo(ship, good, units);
  const modifiers = strain(game, here);
  const cooldown = finish(game, state, mounts, 'extract');
  countAction(game.world, 'extractedUnits', ship.symbol, units);
  return {
    extraction: { shipSymbol: ship.symbol, yield: { symbol: good as S['TradeSymbol'], units } },
    cooldown,
    cargo: ship.cargo,
    modifiers,
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
  const units = siphonYield(game, ship, mounts);
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
