import type { StoredSurvey, Survey, SurveySize, SurveyStatus } from '../../domain/mining/survey.js';
import type { SurveyRepository } from '../../ports/survey-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

interface SurveyRow {
  signature: string;
  waypoint_symbol: string;
  deposits: string;
  expiration: string;
  size: SurveySize;
  status: SurveyStatus;
  surveyed_at: number;
}

/** Surveys expired longer than this are pruned on write. */
const KEEP_EXPIRED_MS = 24 * 3600_000;

/**
 * Surveys in SQLite. Writes are staged; reads in the same unit of work see them: each survey is
 * staged under its signature, and the signatures staged at a waypoint under the waypoint.
 */
export class SqliteSurveyRepository implements SurveyRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {}

  save(playerSymbol: string, surveys: readonly Survey[], at: number): void {
    for (const survey of surveys) {
      if (this.find(playerSymbol, survey.signature)) continue;
      const stored: StoredSurvey = { ...survey, deposits: [...survey.deposits], status: 'ACTIVE', surveyedAt: at };
      this.write(playerSymbol, stored, () =>
        this.db
          .prepare('DELETE FROM surveys WHERE player_symbol = ? AND expires_at < ?')
          .run(playerSymbol, at - KEEP_EXPIRED_MS),
      );
      const index = waypointKey(playerSymbol, survey.waypoint);
      const staged = stagedValue<string[]>(this.staging, index)?.value ?? [];
      this.staging()?.stage(index, [...staged, survey.signature], () => {});
    }
  }

  usable(playerSymbol: string, waypointSymbol: string, now: number): StoredSurvey[] {
    const rows = this.db
      .prepare<[string, string, number], { signature: string }>(
        'SELECT signature FROM surveys WHERE player_symbol = ? AND waypoint_symbol = ? AND expires_at > ?',
      )
      .all(playerSymbol, waypointSymbol, now)
      .map((r) => r.signature);
    const staged = stagedValue<string[]>(this.staging, waypointKey(playerSymbol, waypointSymbol))?.value ?? [];
    const signatures = [...new Set([...rows, ...staged])];
    return signatures
      .map((s) => this.find(playerSymbol, s))
      .filter((s): s is StoredSurvey => s !== undefined && s.status === 'ACTIVE' && Date.parse(s.expiration) > now)
      .sort((a, b) => a.signature.localeCompare(b.signature));
  }

  find(playerSymbol: string, signature: string): StoredSurvey | undefined {
    const staged = stagedValue<StoredSurvey>(this.staging, surveyKey(playerSymbol, signature));
    if (staged) return staged.value;
    const row = this.db
      .prepare<[string, string], SurveyRow>(
        `SELECT signature, waypoint_symbol, deposits, expiration, size, status, surveyed_at FROM surveys
         WHERE player_symbol = ? AND signature = ?`,
      )
      .get(playerSymbol, signature);
    return row ? fromRow(row) : undefined;
  }

  mark(playerSymbol: string, signature: string, status: Exclude<SurveyStatus, 'ACTIVE'>): void {
    const survey = this.find(playerSymbol, signature);
    if (!survey) return;
    this.write(playerSymbol, { ...survey, status });
  }

  /**
   * Stages the survey whole under its key (an upsert: a later write of the same survey in the unit of
   * work replaces the earlier one, so it must carry every column, not just the change).
   */
  private write(playerSymbol: string, survey: StoredSurvey, after?: () => void): void {
    stageWrite(this.db, this.staging, surveyKey(playerSymbol, survey.signature), survey, () => {
      this.db
        .prepare(
          `INSERT INTO surveys (player_symbol, signature, waypoint_symbol, deposits, expiration, expires_at, size,
             status, surveyed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (player_symbol, signature) DO UPDATE SET status = excluded.status`,
        )
        .run(
          playerSymbol,
          survey.signature,
          survey.waypoint,
          JSON.stringify(survey.deposits),
          survey.expiration,
          Date.parse(survey.expiration),
          survey.size,
          survey.status,
          survey.surveyedAt,
        );
      after?.();
    });
  }

  clear(playerSymbol: string): void {
    stageWrite(this.db, this.staging, `surveys:${playerSymbol}:clear`, null, () => {
      this.db.prepare('DELETE FROM surveys WHERE player_symbol = ?').run(playerSymbol);
    });
  }
}

function fromRow(row: SurveyRow): StoredSurvey {
  return {
    signature: row.signature,
    waypoint: row.waypoint_symbol,
    deposits: JSON.parse(row.deposits) as string[],
    expiration: row.expiration,
    size: row.size,
    status: row.status,
    surveyedAt: row.surveyed_at,
  };
}

function surveyKey(playerSymbol: string, signature: string): string {
  return `survey:${playerSymbol}:${signature}`;
}

function waypointKey(playerSymbol: string, waypointSymbol: string): string {
  return `surveys-at:${playerSymbol}:${waypointSymbol}`;
}
