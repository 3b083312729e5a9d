import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { AxiosSpaceTradersClient } from './axios-spacetraders-client.js';
import { RateLimiter } from './rate-limiter.js';
import { BadResponseError } from './response-guard.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const AGENT = {
  accountId: 'a1',
  symbol: 'NOVA-1',
  headquarters: 'X1-A-1',
  credits: 1,
  startingFaction: 'COSMIC',
  shipCount: 0,
};

async function clientFor(handler: Handler, timeoutMs = 2_000) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return new AxiosSpaceTradersClient({
    baseUrl: `http://127.0.0.1:${port}/v2`,
    timeoutMs,
    limiter: new RateLimiter({ perSecond: 1000, burst: 1000, burstWindowMs: 60_000 }),
    sleep: async () => {},
  });
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

async function failure(
  handler: Handler,
  call: (api: AxiosSpaceTradersClient) => Promise<unknown> = (api) => api.getMyAgent('t'),
) {
  const error = await call(await clientFor(handler)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BadResponseError);
  return (error as Error).message;
}

describe('malformed responses are refused at the adapter boundary', () => {
  it('accepts a body that matches the spec', async () => {
    expect((await (await clientFor(json({ data: AGENT }))).getMyAgent('t')).symbol).toBe('NOVA-1');
  });

  it('names the first field that breaks the schema', async () => {
    const { shipCount: _, ...agent } = AGENT;
    expect(await failure(json({ data: agent }))).toBe(
      'the server sent a malformed response to GET /my/agent (data.shipCount: required)',
    );
    expect(await failure(json({ data: null }))).toMatch(/\(data: must be object\)$/);
    expect(await failure(json({ data: { ...AGENT, credits: 'lots' } }))).toMatch(/\(data.credits: must be integer\)/);
    expect(
      await failure(json({ data: [{ symbol: 'S' }], meta: { total: 1, page: 1, limit: 20 } }), (api) =>
        api.listShips('t'),
      ),
    ).toMatch(/GET \/my\/ships \(data\[0\]\.\w+: required\)$/);
  });

  it('refuses HTML, truncated JSON, an empty body, the wrong content-type and an error body with 200', async () => {
    expect(await failure(json('<html>oops</html>', 200, { 'content-type': 'text/html' }))).toMatch(
      /\(content-type text\/html, not JSON\)$/,
    );
    expect(await failure(json('{"data":{"symbol":'))).toMatch(/\(not valid JSON: /);
    expect(await failure(json(''))).toMatch(/\(empty body\)$/);
    expect(await failure(json({ error: { message: 'nope', code: 4000 } }))).toMatch(/\(data: required\)$/);
    expect(await failure(json({ data: AGENT }, 200, { 'content-type': 'text/plain' }))).toMatch(/content-type/);
  });

  it('refuses a gzip body that is not gzip, and accepts one that is', async () => {
    expect(await failure(json({ data: AGENT }, 200, { 'content-encoding': 'gzip' }))).toMatch(
      /\(cannot decompress its body: incorrect header check\)$/,
    );
    const api = await clientFor((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ data: AGENT })));
    });
    expect((await api.getMyAgent('t')).symbol).toBe('NOVA-1');
  });

  it('refuses a status the operation does not declare, a redirect included', async () => {
    expect(await failure(json({ data: AGENT }, 202))).toMatch(/\(HTTP 202, expected 200\)$/);
    expect(await failure(json('', 302, { location: 'http://127.0.0.1:1/elsewhere' }))).toMatch(/\(HTTP 302/);
  });

  it('caps the size of a body, announced or not', async () => {
    const huge = `{"data":${JSON.stringify(AGENT)}${' '.repeat(5 * 1024 * 1024)}}`;
    expect(await failure(json(huge))).toBe('the server sent a response over 4 MB to GET /my/agent; refused');
    const chunked: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
      res.write(`{"data":${JSON.stringify(AGENT)}`);
      const block = ' '.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 6 * 1024 * 1024 && !res.destroyed) {
          sent += block.length;
          if (!res.write(block)) return void res.once('drain', pump);
        }
        res.end('}');
      };
      pump();
    };
    expect(await failure(chunked)).toMatch(/over 4 MB/);
  });

  it('gives up on a body that drips in slower than the timeout', async () => {
    const drip: Handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
    };
    const api = await clientFor(drip, 500);
    const started = Date.now();
    const error = await api.getMyAgent('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadResponseError);
    expect((error as Error).message).toBe('the server took over 0.5 s to send its response to GET /my/agent; gave up');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('a change whose answer is unusable', () => {
  it('says the change may have been applied', async () => {
    const api = await clientFor(json('<html></html>', 200, { 'content-type': 'text/html' }));
    const error = await api.orbit('t', 'S-1').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'the server sent a malformed response to POST /my/ships/S-1/orbit (content-type text/html, not JSON); it may have been applied: check before retrying',
    );
  });
});

describe('endless paging', () => {
  it('stops at a short page whatever total claims, and refuses a server that pages on forever', async () => {
    const { startSandbox } = await import('../../sandbox/index.js');
    const sandbox = await startSandbox({ port: 0, rateLimit: false });
    try {
      const registered = (await (
        await fetch(`${sandbox.baseUrl}/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer account' },
          body: JSON.stringify({ symbol: 'PAGER-1', faction: 'COSMIC' }),
        })
      ).json()) as { data: { ships: unknown[] } };
      const ship = registered.data.ships[0];
      let requests = 0;
      const page = (items: number): Handler => {
        return (_req, res) => {
          requests++;
          json({ data: Array.from({ length: items }, () => ship), meta: { total: 1_000_000_000, page: 1, limit: 20 } })(
            _req,
            res,
          );
        };
      };
      expect(await (await clientFor(page(3))).listShips('t')).toHaveLength(3);
      expect(requests).toBe(1);
      const error = await (await clientFor(page(20))).listShips('t').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadResponseError);
      expect((error as Error).message).toBe('the server kept paging /my/ships past 1000 pages');
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
