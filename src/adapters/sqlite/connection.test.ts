import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ValidationError } from '../../domain/errors.js';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from './connection.js';
import { MIGRATIONS } from './migrations.js';

const dirs: string[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'st-sqlite-'));
  dirs.push(dir);
  return join(dir, 'nested', 'bot.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the file private to the user, in WAL mode with foreign keys and a busy timeout', () => {
    const path = tempPath();
    const db = openDatabase(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('migrates to the latest version once, and reopening changes nothing', () => {
    const path = tempPath();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    migrate(db);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['outbox', 'players', 'settings']));
    db.close();
  });

  it('leaves the version untouched when a migration fails', () => {
    const db = openDatabase(':memory:');
    const before = schemaVersion(db);
    expect(() =>
      migrate(db, [...MIGRATIONS, { version: before + 1, name: 'broken', sql: 'CREATE TABLE x (a); NOT SQL' }]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(before);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
  });

  it('unusable database paths: a directory, a file that is not a database, a parent that is a file', () => {
    const dir = dirname(tempPath());
    mkdirSync(dir, { recursive: true });
    expect(() => openDatabase(dir)).toThrow(
      new ValidationError(`the database ${dir} is a directory; give --db a file path`),
    );
    expect(statSync(dir).mode & 0o777).not.toBe(0o600);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'hello, this is not a database at all, just some text that is long enough');
    expect(() => openDatabase(notes)).toThrow(/^the database .*notes\.txt is not a SQLite database/);
    expect(() => openDatabase(join(notes, 'bot.db'))).toThrow(
      /^cannot use the database .*: a parent of it is not a directory$/,
    );
  });
});
