import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SpaceTradersHttp } from './http-transport.js';
import { RateLimiter } from './rate-limiter.js';

class Stopped extends Error {}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that takes every request and never answers (a hung or half-dead server). */
async function silentServer(): Promise<string> {
  const server = createServer(() => {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
}

/** An address nobody listens on (a killed server): every connection is refused. */
async function deadServer(): Promise<string> {
  const url = await silentServer();
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

function client(baseUrl: string, signal: AbortSignal) {
  return new SpaceTradersHttp({
    baseUrl,
    timeoutMs: 15_000,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, burstWindowMs: 60_000 }),
    cancellation: () => signal,
    // The longest backoffs: without the signal, five retries would take 15.5 s.
    random: () => 1,
  });
}

/** How long a call takes to end once its job is stopped 200 ms in, and what it ends with. */
async function stopDuring(baseUrl: string, idempotent: boolean) {
  const abort = new AbortController();
  const call = client(baseUrl, abort.signal).call({
    method: idempotent ? 'GET' : 'POST',
    path: '/my/ships',
    idempotent,
  });
  setTimeout(() => abort.abort(new Stopped('the job was stopped')), 200);
  const started = Date.now();
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe('SpaceTradersHttp, when the job is stopped', () => {
  it('ends a read the server never answers at once, with the reason of the stop', async () => {
    const { error, ms } = await stopDuring(await silentServer(), true);
    expect(error).toBeInstanceOf(Stopped);
    expect(ms).toBeLessThan(1_000);
  });

  it('ends the backoff between retries against a dead server at once', async () => {
    const { error, ms } = await stopDuring(await deadServer(), true);
    expect(error).toBeInstanceOf(Stopped);
    expect(ms).toBeLessThan(1_000);
  });

  it('lets a spend already sent finish, so its answer is not lost to the stop', async () => {
    const server = createServer((_request, response) => {
      setTimeout(() => response.end(JSON.stringify({ data: { bought: true } })), 500);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
    const abort = new AbortController();
    const call = client(url, abort.signal).call({ method: 'POST', path: '/test/spend', idempotent: false });
    setTimeout(() => abort.abort(new Stopped('the job was stopped')), 100);
    await expect(call).resolves.toEqual({ bought: true });
  });

  it('sends nothing once the job is stopped', async () => {
    const abort = new AbortController();
    abort.abort(new Stopped('stopped before'));
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('{}');
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
    await expect(
      client(url, abort.signal).call({ method: 'GET', path: '/my/agent', idempotent: true }),
    ).rejects.toThrow('stopped before');
    expect(requests).toBe(0);
  });
});
