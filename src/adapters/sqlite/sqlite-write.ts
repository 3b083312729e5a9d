import { currentUnitOfWork } from '../../mediator/context.js';
import type { SqliteDatabase } from './connection.js';

/**
 * Stage a write in the current unit of work (flushed when the root command commits), or, outside
 * any command, run it at once in its own transaction.
 */
export function stageWrite(db: SqliteDatabase, key: string, value: unknown, apply: () => void): void {
  const unitOfWork = currentUnitOfWork();
  if (unitOfWork) unitOfWork.stage(key, value, apply);
  else db.transaction(apply).immediate();
}

/** The value staged for a key in the current unit of work, if any (reads see pending writes). */
export function stagedValue<T>(key: string): { value: T } | undefined {
  return currentUnitOfWork()?.read<T>(key);
}
