import { describe, expect, it } from 'vitest';
import { type StoredSurvey, shareOf, surveyAgainForGood, surveyForGood } from './survey.js';

const now = Date.parse('2026-01-01T00:00:00Z');
const later = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

function survey(signature: string, deposits: string[], overrides: Partial<StoredSurvey> = {}): StoredSurvey {
  return {
    signature,
    waypoint: 'X1-A-B',
    deposits,
    expiration: later(30),
    size: 'SMALL',
    status: 'ACTIVE',
    surveyedAt: now,
    ...overrides,
  };
}

describe('surveyForGood', () => {
  it('takes the survey that lists the good most often', () => {
    const surveys = [
      survey('ONE', ['IRON_ORE', 'COPPER_ORE', 'ICE_WATER']),
      survey('TWO', ['IRON_ORE', 'IRON_ORE', 'COPPER_ORE']),
      survey('NONE', ['COPPER_ORE', 'COPPER_ORE']),
    ];
    expect(surveyForGood(surveys, 'X1-A-B', 'IRON_ORE', 0, now)?.signature).toBe('TWO');
    expect(surveyForGood(surveys, 'X1-A-B', 'ICE_WATER', 0, now)?.signature).toBe('ONE');
    expect(surveyForGood(surveys, 'X1-A-B', 'GOLD_ORE', 0, now)).toBeUndefined();
  });

  it('takes none when it would bring less of the good than mining without a survey', () => {
    const surveys = [survey('DILUTED', ['MERITIUM_ORE', 'URANITE_ORE', 'URANITE_ORE'])];
    expect(surveyForGood(surveys, 'X1-A-B', 'MERITIUM_ORE', 0.5, now)).toBeUndefined();
    expect(surveyForGood(surveys, 'X1-A-B', 'MERITIUM_ORE', 0.25, now)?.signature).toBe('DILUTED');
  });

  it('never takes an expired, refused or elsewhere survey', () => {
    const surveys = [
      survey('OLD', ['IRON_ORE'], { expiration: later(-1) }),
      survey('DONE', ['IRON_ORE'], { status: 'EXHAUSTED' }),
      survey('AWAY', ['IRON_ORE'], { waypoint: 'X1-A-C' }),
    ];
    expect(surveyForGood(surveys, 'X1-A-B', 'IRON_ORE', 0, now)).toBeUndefined();
  });
});

describe('surveyAgainForGood', () => {
  it('surveys again while no usable survey lists the good at 1.5× its plain share, once before each extraction', () => {
    // IRON_ORE is 2 of 9 deposits at a common metal asteroid: a survey listing it a third of the time is wanted.
    expect(surveyAgainForGood({ bestShare: 0, plainShare: 2 / 9, surveysInARow: 0 })).toBe(true);
    expect(surveyAgainForGood({ bestShare: 0.25, plainShare: 2 / 9, surveysInARow: 0 })).toBe(true);
    expect(surveyAgainForGood({ bestShare: 1 / 3, plainShare: 2 / 9, surveysInARow: 0 })).toBe(false);
    expect(surveyAgainForGood({ bestShare: 0, plainShare: 2 / 9, surveysInARow: 1 })).toBe(false);
  });

  it('asks for no survey share above one half', () => {
    expect(surveyAgainForGood({ bestShare: 0.5, plainShare: 3 / 7, surveysInARow: 0 })).toBe(false);
    expect(surveyAgainForGood({ bestShare: 0.49, plainShare: 3 / 7, surveysInARow: 0 })).toBe(true);
  });
});

describe('shareOf', () => {
  it('is the share of the good in the survey’s deposits, 0 without a survey', () => {
    expect(shareOf(survey('A', ['IRON_ORE', 'IRON_ORE', 'ICE_WATER', 'COPPER_ORE']), 'IRON_ORE')).toBe(0.5);
    expect(shareOf(undefined, 'IRON_ORE')).toBe(0);
  });
});
