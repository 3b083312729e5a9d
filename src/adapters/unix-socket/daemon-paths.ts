import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Longest socket path used as is: sun_path holds 108 bytes on Linux and 104 on macOS, the final NUL included. */
const MAX_SOCKET_PATH = 100;

interface DaemonPaths {
  socket: string;
  pid: string;
  log: string;
}

/**
 * A daemon's identity derives from its database, never from its folder: `bot.db` is served through
 * `bot.db.daemon.sock`, with `bot.db.daemon.pid` and `bot.db.daemon.log` beside it, so two databases
 * in one folder have two daemons. When the socket path would be too long for a unix socket, it is
 * a hash of the database's absolute path in a private folder of the user's temporary directory.
 */
export function daemonPaths(dbPath: string): DaemonPaths {
  const db = resolve(dbPath);
  const beside = `${db}.daemon.sock`;
  const socket =
    Buffer.byteLength(beside) <= MAX_SOCKET_PATH
      ? beside
      : join(
          tmpdir(),
          `spacetraders-${process.getuid?.() ?? 'user'}`,
          `${createHash('sha256').update(db).digest('hex').slice(0, 24)}.sock`,
        );
  return { socket, pid: `${db}.daemon.pid`, log: `${db}.daemon.log` };
}
