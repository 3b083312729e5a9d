import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../domain/errors.js';
import { SocketDaemonClient } from './socket-daemon-client.js';
import { SocketDaemonServer } from './socket-daemon-server.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'st-sock-'));
  const socket = join(dir, 'd.sock');
  const server = new SocketDaemonServer(socket, {
    echo: (params) => params,
    missing: () => {
      throw new NotFoundError('no container x');
    },
  });
  await server.listen();
  cleanup.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => server.close(),
  );
  return { socket, client: new SocketDaemonClient(socket) };
}

function raw(socket: string, text: string): Promise<string> {
  return new Promise((resolve) => {
    const connection = connect(socket, () => connection.write(text));
    connection.on('data', (data) => {
      resolve(String(data));
      connection.end();
    });
  });
}

describe('SocketDaemonServer', () => {
  it('answers requests over a socket only its user can open', async () => {
    const { socket, client } = await serve();
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(await client.call('echo', { a: 1 })).toEqual({ a: 1 });
  });

  it('replies with an error to malformed and unknown messages, and keeps serving', async () => {
    const { socket, client } = await serve();
    expect(JSON.parse(await raw(socket, 'this is not json\n'))).toMatchObject({
      error: expect.stringContaining('malformed message'),
    });
    expect(JSON.parse(await raw(socket, '{"method":"selfDestruct"}\n'))).toMatchObject({
      error: 'unknown daemon method "selfDestruct"',
    });
    await expect(client.call('missing')).rejects.toThrow('no container x');
    expect(await client.call('echo', { still: 'alive' })).toEqual({ still: 'alive' });
  });

  it('tells the client plainly when no daemon listens', async () => {
    await expect(new SocketDaemonClient(join(tmpdir(), 'no-such-daemon.sock')).call('ping')).rejects.toThrow(
      'no daemon is running',
    );
  });
});
