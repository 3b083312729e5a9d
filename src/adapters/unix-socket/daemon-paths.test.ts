import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { daemonPaths } from './daemon-paths.js';

describe('daemonPaths (a daemon belongs to a database, not to a folder)', () => {
  it('gives two databases in one folder two sockets, pid files and logs', () => {
    const a = daemonPaths('/data/bot/a.db');
    const b = daemonPaths('/data/bot/b.db');
    expect(a).toEqual({
      socket: '/data/bot/a.db.daemon.sock',
      pid: '/data/bot/a.db.daemon.pid',
      log: '/data/bot/a.db.daemon.log',
    });
    for (const key of ['socket', 'pid', 'log'] as const) expect(a[key]).not.toBe(b[key]);
  });

  it('names the same database the same way, however its path is written', () => {
    expect(daemonPaths('/data/bot/../bot/a.db')).toEqual(daemonPaths('/data/bot/a.db'));
  });

  it('keeps the socket path within the unix limit for a deep folder, still one per database', () => {
    const deep = join('/data', 'x'.repeat(120));
    const a = daemonPaths(join(deep, 'a.db'));
    const b = daemonPaths(join(deep, 'b.db'));
    expect(Buffer.byteLength(a.socket)).toBeLessThanOrEqual(100);
    expect(a.socket).not.toBe(b.socket);
    expect(dirname(a.pid)).toBe(deep);
  });
});
