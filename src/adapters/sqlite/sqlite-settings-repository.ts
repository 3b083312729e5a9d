import type { SettingsRepository } from '../../ports/player-repository.js';
import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';
import { stagedValue, stageWrite } from './sqlite-write.js';

export class SqliteSettingsRepository implements SettingsRepository {
  private readonly selectOne;
  private readonly upsert;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly staging: CurrentStaging,
  ) {
    this.selectOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return stagedValue<string>(this.staging, `setting:${key}`)?.value ?? this.selectOne.get(key)?.value;
  }

  set(key: string, value: string): void {
    stageWrite(this.db, this.staging, `setting:${key}`, value, () => this.upsert.run(key, value));
  }
}
