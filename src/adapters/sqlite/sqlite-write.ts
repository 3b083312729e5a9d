import type { CurrentStaging } from '../../ports/unit-of-work.js';
import type { SqliteDatabase } from './connection.js';

/**
 * Stage a write in the current unit of work (flushed when the root command commits), or, outside
 * any command, run it at once in its own transaction.
 */
export function stageWrite(
  db: SqliteDatabase,
  staging: CurrentStaging,
  key: string,
  value: unknown,
  apply: () => void,
): void {
  const area = staging();
  if (area) area.stage(key, value, apply);
  else db.transaction(apply).immediate();
}

/** The value staged for a key in the current unit of work, if any (reads see pending writes). */
export function stagedValue<T>(staging: CurrentStaging, key: string): { value: T } | undefined {
  return staging()?.read<T>(key);
}
