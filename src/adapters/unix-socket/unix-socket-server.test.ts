import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContainerState } from '../../domain/containers/container.js';
import { NotFoundError } from '../../domain/errors.js';
import type { DaemonControl, StoredCommand } from '../../ports/daemon-control.js';
import { DaemonSocketClient } from './daemon-socket-client.js';
import { daemonSocketServer } from './daemon-socket-server.js';
import { UnixSocketServer } from './unix-socket-server.js';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function listen(server: (socket: string) => UnixSocketServer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'st-sock-'));
  const socket = join(dir, 'd.sock');
  const running = server(socket);
  await running.listen();
  cleanup.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => running.close(),
  );
  return socket;
}

function raw(socket: string, text: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const connection = connect(socket, () => connection.write(text));
    connection.on('data', (data) => {
      resolve(JSON.parse(String(data)));
      connection.end();
    });
  });
}

const serveEcho = () =>
  listen(
    (socket) =>
      new UnixSocketServer(
        socket,
        new Map([
          ['echo', (params: Record<string, unknown>) => params],
          [
            'missing',
            () => {
              throw new NotFoundError('no container x');
            },
          ],
        ]),
      ),
  );

describe('UnixSocketServer', () => {
  it('answers requests over a socket only its user can open', async () => {
    const socket = await serveEcho();
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(await new DaemonSocketClient(socket).call('echo', { a: 1 })).toEqual({ a: 1 });
  });

  it('replies with an error to malformed and unknown messages, and keeps serving', async () => {
    const socket = await serveEcho();
    expect(await raw(socket, 'this is not json\n')).toMatchObject({ error: expect.stringContaining('malformed') });
    expect(await raw(socket, '[1]\n')).toMatchObject({ error: expect.stringContaining('malformed'), exitCode: 2 });
    expect(await raw(socket, '{"method":"echo","params":[1]}\n')).toMatchObject({ exitCode: 2 });
    expect(await raw(socket, '{"method":"selfDestruct"}\n')).toEqual({
      error: 'unknown daemon method "selfDestruct"',
      exitCode: 2,
    });
    await expect(new DaemonSocketClient(socket).call('missing')).rejects.toThrow('no container x');
    expect(await new DaemonSocketClient(socket).call('echo', { still: 'alive' })).toEqual({ still: 'alive' });
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'dispatches only on its table of methods: "%s" gets an error, never a result',
    async (name) => {
      const socket = await serveEcho();
      const reply = await raw(socket, `${JSON.stringify({ method: name, params: {} })}\n`);
      expect(reply).toEqual({ error: `unknown daemon method "${name}"`, exitCode: 2 });
    },
  );

  it('tells the client plainly when no daemon listens', async () => {
    await expect(new DaemonSocketClient(join(tmpdir(), 'no-such-daemon.sock')).status()).rejects.toThrow(
      'no daemon is running',
    );
  });
});

describe('daemonSocketServer', () => {
  const received: StoredCommand[] = [];
  const daemon: DaemonControl = {
    status: async () => ({ pid: 42, running: 0 }),
    submit: async (command) => {
      received.push(command);
      return { id: 'c1' } as ContainerState;
    },
    stop: async (id) => ({ id }) as ContainerState,
    shutdown: async () => ({ stopping: true }),
  };

  it('turns each method into a call on the daemon, passing the payload as sent (null stays null)', async () => {
    const client = new DaemonSocketClient(await listen((socket) => daemonSocketServer(socket, daemon)));
    expect(await client.status()).toEqual({ pid: 42, running: 0 });
    await client.submit({ type: 'Wait', payload: null, player: null });
    await client.submit({ type: 'Wait', payload: [1], player: 'NOVA-1' });
    expect(received).toEqual([
      { type: 'Wait', payload: null, player: null },
      { type: 'Wait', payload: [1], player: 'NOVA-1' },
    ]);
    expect(await client.stop('c9')).toEqual({ id: 'c9' });
  });

  it('refuses parameters of the wrong type with exit code 2', async () => {
    const client = new DaemonSocketClient(await listen((socket) => daemonSocketServer(socket, daemon)));
    await expect(client.call('submit', { type: 7 })).rejects.toMatchObject({ exitCode: 2 });
    await expect(client.call('submit', { type: 'Wait', player: 5 })).rejects.toMatchObject({ exitCode: 2 });
    await expect(client.call('stop', { id: { $ne: 1 } })).rejects.toMatchObject({ exitCode: 2 });
  });
});
