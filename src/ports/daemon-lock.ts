import { AppError } from '../domain/errors.js';

/**
 * The one-daemon-per-database rule: the lock is taken atomically and held by a process id; a
 * holder is replaced only when it is provably dead.
 */
export interface DaemonLock {
  /** Takes the lock for `pid`, or names the live daemon that holds it. */
  acquire(pid: number): { acquired: true } | { acquired: false; owner: number };
  /** Gives the lock up, if `pid` holds it. */
  release(pid: number): void;
}

/** Another daemon owns the database: there is one per database, whatever the race. */
export class DaemonAlreadyRunningError extends AppError {
  constructor(
    readonly owner: number,
    dbPath: string,
  ) {
    super(`a daemon is already running for ${dbPath} (pid ${owner})`, 'DAEMON_RUNNING');
  }
}
