/** How big a surveyed deposit is: the server exhausts a survey after a number of uses tied to it. */
export type SurveySize = 'SMALL' | 'MODERATE' | 'LARGE';

/**
 * What became of a stored survey: ACTIVE until the server refuses it as EXHAUSTED (4224), EXPIRED
 * (4221) or ALTERED (4220, the signature no longer matches the deposit); a refused survey is never sent again.
 */
export type SurveyStatus = 'ACTIVE' | 'EXHAUSTED' | 'EXPIRED' | 'ALTERED';

/** A survey of one asteroid: the deposits an extraction with it draws from (a good listed twice is twice as likely). */
export interface Survey {
  signature: string;
  /** The waypoint surveyed: the survey works there only. */
  waypoint: string;
  /** Good symbols, repeats included, as the server listed them. */
  deposits: string[];
  /** ISO timestamp after which the server refuses it, exactly as the server wrote it (sent back verbatim). */
  expiration: string;
  size: SurveySize;
}

/** A survey as stored: shared by every ship of the player. */
export interface StoredSurvey extends Survey {
  status: SurveyStatus;
  /** Epoch ms when it was stored. */
  surveyedAt: number;
}

/** Unused before expiry with this margin: an extraction sent at the last second would be refused. */
export const SURVEY_EXPIRY_MARGIN_MS = 5_000;

/** True while a stored survey may still be sent: active and not (about to be) expired. */
export function isUsable(survey: StoredSurvey, now: number): boolean {
  return survey.status === 'ACTIVE' && Date.parse(survey.expiration) - SURVEY_EXPIRY_MARGIN_MS > now;
}

/** The status the server's refusal code gives a survey, or undefined when the code says nothing about the survey. */
export function statusForRefusal(apiCode: number): Exclude<SurveyStatus, 'ACTIVE'> | undefined {
  if (apiCode === 4224) return 'EXHAUSTED';
  if (apiCode === 4221) return 'EXPIRED';
  if (apiCode === 4220) return 'ALTERED';
  return undefined;
}

/** Credits a unit of a good would fetch (the best known sell price), or undefined when unknown. */
export type PriceOf = (good: string) => number | undefined;

/**
 * Expected credits per unit extracted with a survey: each deposit entry is equally likely, so the
 * mean of their prices; a good with no known price counts as 0 (nothing known to pay for it).
 */
export function expectedUnitValue(deposits: readonly string[], price: PriceOf): number {
  if (deposits.length === 0) return 0;
  return deposits.reduce((sum, good) => sum + (price(good) ?? 0), 0) / deposits.length;
}

/**
 * Expected credits per extraction with a survey: deposit frequencies × best known prices, times the
 * units an extraction brings (the same for every survey of one ship, so it only scales the value).
 */
export function expectedValuePerExtraction(survey: Survey, price: PriceOf, unitsPerExtraction = 1): number {
  return expectedUnitValue(survey.deposits, price) * unitsPerExtraction;
}

/**
 * The usable survey at a waypoint with the highest expected value per extraction; ties go to the
 * one that expires last. Undefined when none is usable or none is worth anything known.
 */
export function bestSurvey(
  surveys: readonly StoredSurvey[],
  waypoint: string,
  price: PriceOf,
  now: number,
): StoredSurvey | undefined {
  let best: { survey: StoredSurvey; value: number } | undefined;
  for (const survey of surveys) {
    if (survey.waypoint !== waypoint || !isUsable(survey, now)) continue;
    const value = expectedValuePerExtraction(survey, price);
    if (value <= 0) continue;
    if (
      !best ||
      value > best.value ||
      (value === best.value && Date.parse(survey.expiration) > Date.parse(best.survey.expiration))
    )
      best = { survey, value };
  }
  return best?.survey;
}

/**
 * The usable survey at a waypoint to mine one good with (for a contract): the one listing it most
 * often, if that share beats `plainShare` (what an extraction without a survey brings of it: a survey
 * that dilutes the good with others is worse than none); ties go to the one that expires last.
 */
export function surveyForGood(
  surveys: readonly StoredSurvey[],
  waypoint: string,
  good: string,
  plainShare: number,
  now: number,
): StoredSurvey | undefined {
  const best = bestSurvey(surveys, waypoint, (g) => (g === good ? 1 : 0), now);
  return best && expectedUnitValue(best.deposits, (g) => (g === good ? 1 : 0)) > plainShare ? best : undefined;
}

/** The share of a good in a survey's deposits (0 without a survey). */
export function shareOf(survey: Survey | undefined, good: string): number {
  return survey ? expectedUnitValue(survey.deposits, (g) => (g === good ? 1 : 0)) : 0;
}

/**
 * A survey for a contract's good is worth surveying again for until the best usable one lists the good at
 * this many times its plain share (ours): a survey's deposits are 3–7 draws from the asteroid's table, so
 * two surveys an action find one with 1.5× the plain share about one time in two (twice the share: one in
 * four, and a frigate surveying for it spent two thirds of its cooldowns surveying on sandbox seed 42), and
 * every ship mining for the contract (the feeders too) extracts with it.
 */
const CONTRACT_SURVEY_SHARE_MULTIPLE = 1.5;
/** …but no survey share above this is asked for (a good already half the table needs no better survey). */
const CONTRACT_SURVEY_SHARE_CAP = 0.5;
/** …and at most this many surveys in a row before the ship extracts once with what it has (ours). */
const MAX_CONTRACT_SURVEYS_IN_A_ROW = 1;

/** Whether a ship with a surveyor mining one good should survey before its next extraction. */
export function surveyAgainForGood(o: { bestShare: number; plainShare: number; surveysInARow: number }): boolean {
  if (o.surveysInARow >= MAX_CONTRACT_SURVEYS_IN_A_ROW) return false;
  return o.bestShare < Math.min(CONTRACT_SURVEY_SHARE_CAP, o.plainShare * CONTRACT_SURVEY_SHARE_MULTIPLE);
}
