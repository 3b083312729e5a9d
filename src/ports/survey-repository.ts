import type { StoredSurvey, Survey, SurveyStatus } from '../domain/mining/survey.js';

/**
 * A player's surveys, shared by all their ships; a server reset empties the store. Writes are staged
 * in the current unit of work like every repository's.
 */
export interface SurveyRepository {
  /** Stores new surveys as ACTIVE (a signature already stored is left as it is). */
  save(playerSymbol: string, surveys: readonly Survey[], at: number): void;
  /** The stored surveys of a waypoint that are ACTIVE and not expired at `now`. */
  usable(playerSymbol: string, waypointSymbol: string, now: number): StoredSurvey[];
  find(playerSymbol: string, signature: string): StoredSurvey | undefined;
  /** Marks a survey the server refused: it is never returned as usable again. */
  mark(playerSymbol: string, signature: string, status: Exclude<SurveyStatus, 'ACTIVE'>): void;
  clear(playerSymbol: string): void;
}
