import { expectedValuePerExtraction, type PriceOf, type Survey } from '../../domain/mining/survey.js';

/** A survey as `ship survey` prints it (the JSON keys are a contract). */
export interface SurveyView {
  signature: string;
  waypoint: string;
  size: string;
  /** ISO timestamp. */
  expiration: string;
  deposits: string[];
  /** Expected credits per unit extracted with it, from the best known prices (unknown prices count 0). */
  expectedValue: number;
}

export function toSurveyView(survey: Survey, price: PriceOf): SurveyView {
  return {
    signature: survey.signature,
    waypoint: survey.waypoint,
    size: survey.size,
    expiration: survey.expiration,
    deposits: [...survey.deposits],
    expectedValue: Math.round(expectedValuePerExtraction(survey, price) * 100) / 100,
  };
}
