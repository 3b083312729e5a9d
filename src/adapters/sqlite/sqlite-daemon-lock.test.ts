import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { SqliteDaemonLock } from './sqlite-daemon-lock.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function database(): string {
  const dir = mkdtempSync(join(tmpdir(), 'st-lock-'));
  dirs.push(dir);
  return join(dir, 'bot.db');
}

function run(args: string[]): Promise<{ pid: number; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', () => done({ pid: child.pid!, stdout }));
  });
}

describe('SqliteDaemonLock (one daemon per database)', () => {
  it('is held by one live process; another is told its pid; released, it can be taken', () => {
    const path = database();
    const mine = new SqliteDaemonLock(openDatabase(path));
    const theirs = new SqliteDaemonLock(openDatabase(path));
    expect(mine.acquire(process.pid)).toEqual({ acquired: true });
    expect(mine.acquire(process.pid)).toEqual({ acquired: true });
    expect(theirs.acquire(process.pid + 1_000_000)).toEqual({ acquired: false, owner: process.pid });
    theirs.release(process.pid + 1_000_000); // not the holder: changes nothing
    expect(theirs.acquire(process.pid + 1_000_000)).toEqual({ acquired: false, owner: process.pid });
    mine.release(process.pid);
    expect(theirs.acquire(process.pid + 1_000_000)).toEqual({ acquired: true });
  });

  it('is taken over from a dead owner, and from a live pid that is not the owner (reused pid)', async () => {
    const path = database();
    const db = openDatabase(path);
    const lock = new SqliteDaemonLock(db);
    const { pid: dead } = await run(['-e', '']);
    db.prepare('INSERT INTO daemon_lock (id, pid, pid_started, acquired_at) VALUES (1, ?, NULL, 0)').run(dead);
    expect(lock.acquire(process.pid)).toEqual({ acquired: true });
    // The pid is alive, but the process that took the lock started at another time.
    db.prepare("UPDATE daemon_lock SET pid = ?, pid_started = 'another start'").run(process.pid);
    expect(lock.acquire(process.pid + 1_000_000)).toEqual({ acquired: true });
  });

  it('lets exactly one of many racing processes take it', async () => {
    const path = database();
    openDatabase(path).close();
    const script = join(dirs[0]!, 'contender.ts');
    const adapter = resolve('src/adapters/sqlite');
    writeFileSync(
      script,
      `import { openDatabase } from '${adapter}/connection.ts';
       import { SqliteDaemonLock } from '${adapter}/sqlite-daemon-lock.ts';
       const result = new SqliteDaemonLock(openDatabase(${JSON.stringify(path)})).acquire(process.pid);
       process.stdout.write(JSON.stringify(result));
       setTimeout(() => {}, 1500);`,
    );
    const results = await Promise.all(Array.from({ length: 6 }, () => run(['--import', 'tsx', script])));
    const outcomes = results.map((r) => JSON.parse(r.stdout) as { acquired: boolean; owner?: number });
    const winners = results.filter((_, i) => outcomes[i]!.acquired).map((r) => r.pid);
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes.filter((o) => !o.acquired)) expect(outcome.owner).toBe(winners[0]);
  }, 30_000);
});
