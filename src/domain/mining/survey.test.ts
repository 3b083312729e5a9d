import { describe, expect, it } from 'vitest';
import {
  bestSurvey,
  expectedValuePerExtraction,
  isUsable,
  type StoredSurvey,
  statusForRefusal,
  SURVEY_EXPIRY_MARGIN_MS,
} from './survey.js';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const PRICES: Record<string, number> = { IRON_ORE: 40, ICE_WATER: 10, GOLD_ORE: 200 };
const price = (good: string) => PRICES[good];

function survey(signature: string, deposits: string[], props: Partial<StoredSurvey> = {}): StoredSurvey {
  return {
    signature,
    waypoint: 'X1-MN-B',
    deposits,
    expiration: new Date(NOW + 10 * 60_000).toISOString(),
    size: 'MODERATE',
    status: 'ACTIVE',
    surveyedAt: NOW,
    ...props,
  };
}

describe('expected value per extraction', () => {
  it('weighs each good by how often the survey lists it, at its best known price; unknown prices count 0', () => {
    expect(expectedValuePerExtraction(survey('S', ['IRON_ORE', 'IRON_ORE', 'ICE_WATER', 'ICE_WATER']), price)).toBe(25);
    expect(expectedValuePerExtraction(survey('S', ['IRON_ORE', 'IRON_ORE', 'IRON_ORE', 'ICE_WATER']), price)).toBe(
      32.5,
    );
    expect(expectedValuePerExtraction(survey('S', ['IRON_ORE', 'DIAMONDS']), price, 10)).toBe(200);
  });
});

describe('survey choice', () => {
  it('picks the usable survey of the waypoint with the highest expected value', () => {
    const surveys = [
      survey('ICE', ['ICE_WATER', 'ICE_WATER', 'IRON_ORE']),
      survey('IRON', ['IRON_ORE', 'IRON_ORE', 'ICE_WATER']),
      survey('ELSEWHERE', ['GOLD_ORE'], { waypoint: 'X1-MN-C' }),
    ];
    expect(bestSurvey(surveys, 'X1-MN-B', price, NOW)?.signature).toBe('IRON');
  });

  it('never picks an expired survey, nor one about to expire, however valuable', () => {
    const gold = survey('GOLD', ['GOLD_ORE'], { expiration: new Date(NOW - 1).toISOString() });
    const closing = survey('CLOSING', ['GOLD_ORE'], {
      expiration: new Date(NOW + SURVEY_EXPIRY_MARGIN_MS - 1).toISOString(),
    });
    const ice = survey('ICE', ['ICE_WATER']);
    expect(bestSurvey([gold, closing, ice], 'X1-MN-B', price, NOW)?.signature).toBe('ICE');
    expect(isUsable(gold, NOW)).toBe(false);
    expect(isUsable(closing, NOW)).toBe(false);
    expect(bestSurvey([gold, closing], 'X1-MN-B', price, NOW)).toBeUndefined();
  });

  it('never picks a survey the server refused (exhausted, expired, altered)', () => {
    const refused = (['EXHAUSTED', 'EXPIRED', 'ALTERED'] as const).map((status) =>
      survey(status, ['GOLD_ORE'], { status }),
    );
    expect(bestSurvey([...refused, survey('ICE', ['ICE_WATER'])], 'X1-MN-B', price, NOW)?.signature).toBe('ICE');
    expect(bestSurvey(refused, 'X1-MN-B', price, NOW)).toBeUndefined();
  });

  it('breaks a tie by the later expiry, and picks nothing worth nothing known', () => {
    const early = survey('EARLY', ['IRON_ORE']);
    const late = survey('LATE', ['IRON_ORE'], { expiration: new Date(NOW + 20 * 60_000).toISOString() });
    expect(bestSurvey([early, late], 'X1-MN-B', price, NOW)?.signature).toBe('LATE');
    expect(bestSurvey([survey('X', ['DIAMONDS'])], 'X1-MN-B', price, NOW)).toBeUndefined();
  });

  it("maps the server's refusals to a survey status; other codes say nothing about the survey", () => {
    expect(statusForRefusal(4224)).toBe('EXHAUSTED');
    expect(statusForRefusal(4221)).toBe('EXPIRED');
    expect(statusForRefusal(4220)).toBe('ALTERED');
    expect(statusForRefusal(4270)).toBeUndefined();
    expect(statusForRefusal(4228)).toBeUndefined();
  });
});
