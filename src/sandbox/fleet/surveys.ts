import { randomUUID } from 'node:crypto';
import type { components } from '../../api-schema/generated/spacetraders-api-schema.js';
import type { Random } from '../../domain/random.js';
import type { Game } from '../game.js';
import { DIAMOND_KEEP_CHANCE, depositsOf, SURVEY_ONLY_GOODS, SURVEYOR_DEPOSITS } from '../world/deposits.js';
import { GameError } from '../world/errors.js';
import { own, type SurveyState, type WaypointState } from '../world/world.js';

type S = components['schemas'];
type Size = SurveyState['size'];

/*
 * Surveys as the real server hands them out (ECONOMY.md §3, spec): each lists deposits (a deposit listed
 * more than once is more likely), a size that caps what can be extracted before it is exhausted, and an
 * expiry; any ship may use it; the server checks the whole survey against what it issued.
 */

/** Surveys per action: the sum of the surveyors' strengths (eMine, fsim): a SURVEYOR_II gives 2. */
const surveysPerAction = (surveyors: S['ShipMount'][]) =>
  Math.max(
    1,
    surveyors.reduce((sum, m) => sum + (m.strength ?? 0), 0),
  );

/** Deposits per survey, uniformly in this range: a SURVEYOR_II averages ~5.0 (eSim); the spread is the sandbox's. */
const SURVEY_DEPOSITS = { min: 3, max: 7 } as const;

/**
 * Units a survey yields before it is exhausted, by size. Measured in 2023 with lasers of strength 10/25/60
 * (eseidel, kitz): SMALL 275–322 on average, MODERATE 477–761, LARGE 754–1688. Today's lasers are weaker
 * (LASER_II 25 → 5, ×0.2), so the sandbox scales the middles by 0.2: the same number of extractions
 * (~9 / 17 / 22 then, 12 / 24 / 48 frigate pulls now) drain a survey.
 */
export const SURVEY_POOL_UNITS: Readonly<Record<Size, number>> = { SMALL: 60, MODERATE: 120, LARGE: 240 };

/** How often each size comes up: not published; the sandbox's (small ones most common). */
const SIZE_ODDS: ReadonlyArray<readonly [Size, number]> = [
  ['SMALL', 0.5],
  ['MODERATE', 0.35],
  ['LARGE', 0.15],
];

/**
 * A survey's lifetime in game minutes, uniformly in this range. Not published: eseidel drops surveys with
 * under a minute left, FloWi's simulator guesses 5–60 minutes (ECONOMY.md §3 "[?]"); the sandbox's range.
 */
const SURVEY_LIFETIME_MINUTES = { min: 15, max: 60 } as const;

/** How long the server still recognises a survey after it expired (to answer 4221 rather than 4220): the sandbox's. */
const REMEMBERED_AFTER_EXPIRY_MS = 3_600_000;

function pickSize(random: Random): Size {
  let roll = random.next();
  for (const [size, odds] of SIZE_ODDS) if ((roll -= odds) < 0) return size;
  return 'SMALL';
}

/** One deposit: from the asteroid's goods; survey-only goods only if a surveyor lists them, DIAMONDS rarely. */
function drawDeposit(random: Random, goods: string[], findable: Set<string>): string {
  const allowed = goods.filter((good) => !SURVEY_ONLY_GOODS.has(good) || findable.has(good));
  const pool = allowed.length > 0 ? allowed : goods;
  const good = random.pick(pool);
  if (good !== 'DIAMONDS' || random.chance(DIAMOND_KEEP_CHANCE)) return good;
  const rest = pool.filter((g) => g !== 'DIAMONDS');
  return rest.length > 0 ? random.pick(rest) : good;
}

/** Forget surveys long expired, so the world does not grow without bound. */
function forgetOld(game: Game, now: number): void {
  const surveys = game.world.surveys ?? {};
  for (const [signature, survey] of Object.entries(surveys))
    if (Date.parse(survey.expiration) + game.clock.scaled(REMEMBERED_AFTER_EXPIRY_MS) < now) delete surveys[signature];
}

/** The surveys one action of `surveyors` at `here` yields; the server remembers each. */
export function issueSurveys(game: Game, random: Random, here: WaypointState, surveyors: S['ShipMount'][]) {
  const now = game.clock.now();
  forgetOld(game, now);
  const findable = new Set(surveyors.flatMap((m) => m.deposits ?? SURVEYOR_DEPOSITS[m.symbol] ?? []));
  const goods = depositsOf(here);
  const remembered = (game.world.surveys ??= {});
  return Array.from({ length: surveysPerAction(surveyors) }, (): S['Survey'] => {
    const size = pickSize(random);
    const minutes = random.int(SURVEY_LIFETIME_MINUTES.min, SURVEY_LIFETIME_MINUTES.max);
    const survey: S['Survey'] = {
      signature: `${here.symbol}-${randomUUID().slice(0, 5).toUpperCase()}`,
      symbol: here.symbol,
      deposits: Array.from({ length: random.int(SURVEY_DEPOSITS.min, SURVEY_DEPOSITS.max) }, () => ({
        symbol: drawDeposit(random, goods, findable) as S['TradeSymbol'],
      })),
      expiration: new Date(now + game.clock.scaled(minutes * 60_000)).toISOString(),
      size,
    };
    remembered[survey.signature] = {
      symbol: survey.symbol,
      deposits: survey.deposits.map((d) => d.symbol),
      expiration: survey.expiration,
      size,
      remaining: SURVEY_POOL_UNITS[size],
    };
    return survey;
  });
}

/** Whether the survey a client sent is, field for field, the one the server issued. */
function same(given: S['Survey'], issued: SurveyState): boolean {
  return (
    given.symbol === issued.symbol &&
    given.expiration === issued.expiration &&
    given.size === issued.size &&
    given.deposits.length === issued.deposits.length &&
    given.deposits.every((d, i) => d.symbol === issued.deposits[i])
  );
}

/**
 * The issued survey a client sent back to extract with at `here`: 4220 if it was altered or never
 * issued, 4270 at another waypoint, 4221 once expired, 4224 (HTTP 409) once exhausted (codes: errs,
 * eseidel exceptions.dart, the live /error-codes).
 */
export function usableSurvey(game: Game, given: S['Survey'], here: WaypointState): SurveyState {
  const issued = own(game.world.surveys, given.signature);
  const now = game.clock.now();
  const data = { signature: given.signature };
  if (!issued && Date.parse(given.expiration) <= now)
    throw new GameError(400, 4221, `Survey ${given.signature} has expired.`, { ...data, expiration: given.expiration });
  if (!issued || !same(given, issued))
    throw new GameError(400, 4220, `Survey ${given.signature} failed verification: it was not issued as sent.`, data);
  if (issued.symbol !== here.symbol)
    throw new GameError(400, 4270, `Survey ${given.signature} is for ${issued.symbol}, not ${here.symbol}.`, {
      ...data,
      surveySymbol: issued.symbol,
      waypointSymbol: here.symbol,
    });
  if (Date.parse(issued.expiration) <= now)
    throw new GameError(400, 4221, `Survey ${given.signature} has expired.`, {
      ...data,
      expiration: issued.expiration,
    });
  if (issued.remaining <= 0) throw new GameError(409, 4224, `Survey ${given.signature} has been exhausted.`, data);
  return issued;
}
