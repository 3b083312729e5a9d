import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ValidationError } from '../../domain/errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens (creating if needed) the bot's database: the file is private to the user (0600), in WAL
 * mode with a busy timeout so several processes can share it, foreign keys on, and migrated to the
 * latest schema. ':memory:' gives a private in-memory database (tests).
 */
export function openDatabase(path: string, migrations: readonly Migration[] = MIGRATIONS): SqliteDatabase {
  if (path !== ':memory:') prepareFile(path);
  let db: SqliteDatabase | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
      throw new ValidationError(`the database ${path} is not a SQLite database (or is damaged); use another --db`);
    if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM')
      throw new ValidationError(`cannot open the database ${path} for writing (${code}); use another --db`);
    throw error;
  }
}

/** The file exists, private to the user; every way it cannot be gets its own message. */
function prepareFile(path: string): void {
  let existing: ReturnType<typeof statSync>;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
    if (existing?.isDirectory())
      throw new ValidationError(`the database ${path} is a directory; give --db a file path`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existing) closeSync(openSync(path, 'a', 0o600));
    if (existing && (existing.mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    const { code, message } = error as { code?: string; message: string };
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'EEXIST')
      throw new ValidationError(`cannot use the database ${path}: ${FS_REASONS[code] ?? message}`);
    throw error;
  }
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent of it is not a directory',
  EEXIST: 'a parent of it is not a directory',
};

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies each pending migration in its own transaction; concurrent openers wait on the lock. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): void {
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
