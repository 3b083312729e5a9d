import { readFileSync } from 'node:fs';
import type { DaemonLock } from '../../ports/daemon-lock.js';
import type { SqliteDatabase } from './connection.js';

/** A process as the kernel shows it (Linux /proc): its state letter and start time; undefined where unknown. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 3 (state) and 22 (starttime), after the command name in parentheses, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

/** When a process started, as the kernel counts it; undefined where the OS does not tell. */
function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.started;
}

/**
 * Whether the process that took the lock still runs: its pid exists, is not a zombie and, where
 * the OS tells, started when the owner did (a reused pid is another process).
 */
function processIsAlive(pid: number, started: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // ESRCH: no such process
  }
  const stat = procStat(pid);
  if (!stat) return true;
  return stat.state !== 'Z' && (started === null || stat.started === started);
}

/**
 * The daemon lock as one row, taken in an IMMEDIATE transaction (SQLite's write lock serialises
 * every contender, whatever the race), holding the owner's pid and start time. A row left by a
 * dead process (kill -9, a crash) is taken over; a live owner is never displaced.
 */
export class SqliteDaemonLock implements DaemonLock {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly isAlive: (pid: number, started: string | null) => boolean = processIsAlive,
    private readonly startTimeOf: (pid: number) => string | undefined = processStartTime,
  ) {}

  acquire(pid: number): { acquired: true } | { acquired: false; owner: number } {
    return this.db
      .transaction((): { acquired: true } | { acquired: false; owner: number } => {
        const row = this.db
          .prepare<[], { pid: number; pid_started: string | null }>(
            'SELECT pid, pid_started FROM daemon_lock WHERE id = 1',
          )
          .get();
        if (row && row.pid !== pid && this.isAlive(row.pid, row.pid_started))
          return { acquired: false, owner: row.pid };
        this.db
          .prepare(
            `INSERT INTO daemon_lock (id, pid, pid_started, acquired_at) VALUES (1, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, pid_started = excluded.pid_started, acquired_at = excluded.acquired_at`,
          )
          .run(pid, this.startTimeOf(pid) ?? null, Date.now());
        return { acquired: true };
      })
      .immediate();
  }

  release(pid: number): void {
    this.db.prepare('DELETE FROM daemon_lock WHERE id = 1 AND pid = ?').run(pid);
  }
}
