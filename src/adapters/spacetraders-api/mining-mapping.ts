import type { Extraction } from '../../domain/mining/extraction.js';
import type { Survey } from '../../domain/mining/survey.js';
import type { Schemas } from '../../ports/spacetraders-api.js';

type SurveyDto = Schemas['Survey'];

/** A survey as the server sent it, in domain terms (deposits by symbol, repeats kept). */
export function toSurvey(dto: SurveyDto): Survey {
  return {
    signature: dto.signature,
    waypoint: dto.symbol,
    deposits: dto.deposits.map((d) => d.symbol),
    expiration: dto.expiration,
    size: dto.size,
  };
}

/** The survey back in the server's own shape: `/extract/survey` checks it whole against its signature. */
export function toSurveyDto(survey: Survey): SurveyDto {
  return {
    signature: survey.signature,
    symbol: survey.waypoint,
    deposits: survey.deposits.map((symbol) => ({ symbol: symbol as Schemas['TradeSymbol'] })),
    expiration: survey.expiration,
    size: survey.size,
  };
}

export function toExtraction(dto: Schemas['Extraction']): Extraction {
  return { ship: dto.shipSymbol, good: dto.yield.symbol, units: dto.yield.units };
}
