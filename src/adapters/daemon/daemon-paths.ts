import { dirname, join } from 'node:path';

/** The daemon's socket, pid file and log live beside the database they serve. */
export function daemonPaths(dbPath: string): { socket: string; pid: string; log: string } {
  const dir = dirname(dbPath);
  return { socket: join(dir, 'daemon.sock'), pid: join(dir, 'daemon.pid'), log: join(dir, 'daemon.log') };
}
