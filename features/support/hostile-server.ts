import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every way the hostile server can break an answer (`none` passes the sandbox's answer through). */
export const BREAKAGES = [
  'none',
  'an HTML page with status 200',
  'truncated JSON',
  'a null data field',
  'a missing field',
  'a field of the wrong type',
  'the right body with the wrong content-type',
  'an empty body',
  'an error body with status 200',
  'a body that claims gzip but is not',
  'a body over the size cap',
  'a body that drips in byte by byte',
  'a redirect to another host',
  'an error message that echoes the Authorization header',
  'a bare JSON array',
] as const;
export type Breakage = (typeof BREAKAGES)[number];

/**
 * A tiny HTTP server on 127.0.0.1 in front of a sandbox: it forwards each request and breaks the
 * answer the way the scenario asks, and remembers every token it saw in an Authorization header.
 */
export class HostileServer {
  breakage: Breakage = 'none';
  readonly tokensSeen = new Set<string>();
  private readonly server: Server;
  private readonly dripping = new Set<NodeJS.Timeout>();

  private constructor(private readonly upstream: string) {
    this.server = createServer((req, res) => {
      this.answer(req, res).catch((error: unknown) => {
        res.destroy(error as Error);
      });
    });
  }

  /** `upstream`: the sandbox's origin, e.g. http://127.0.0.1:4000. Resolves with the server's /v2 base URL. */
  static async start(upstream: string): Promise<{ server: HostileServer; baseUrl: string }> {
    const hostile = new HostileServer(upstream);
    await new Promise<void>((resolve) => hostile.server.listen(0, '127.0.0.1', resolve));
    const { port } = hostile.server.address() as AddressInfo;
    return { server: hostile, baseUrl: `http://127.0.0.1:${port}/v2` };
  }

  async close(): Promise<void> {
    for (const timer of this.dripping) clearInterval(timer);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = req.headers.authorization ?? '';
    const token = authorization.replace(/^Bearer\s+/i, '');
    if (token) this.tokensSeen.add(token);
    if (this.breakage === 'an error message that echoes the Authorization header') {
      return send(res, 400, {
        error: {
          code: 4001,
          message: `request rejected: header "Authorization: ${authorization}" is not allowed here`,
        },
      });
    }
    const upstream = await fetch(`${this.upstream}${req.url}`, {
      method: req.method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(chunks.length ? { 'content-type': 'application/json' } : {}),
      },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const text = await upstream.text();
    const status = upstream.status;
    switch (this.breakage) {
      case 'none':
        return send(res, status, text, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      case 'an HTML page with status 200':
        return send(res, 200, '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', {
          'content-type': 'text/html',
        });
      case 'truncated JSON':
        return send(res, status, text.slice(0, Math.floor(text.length / 2)));
      case 'a null data field':
        return send(res, status, { data: null });
      case 'a missing field':
        return send(
          res,
          status,
          alter(text, (target) => delete target[Object.keys(target)[0] ?? '']),
        );
      case 'a field of the wrong type':
        return send(
          res,
          status,
          alter(text, (target) => {
            const key = Object.keys(target)[0] ?? '';
            target[key] = typeof target[key] === 'number' ? 'many' : 42;
          }),
        );
      case 'the right body with the wrong content-type':
        return send(res, status, text, { 'content-type': 'text/html; charset=utf-8' });
      case 'an empty body':
        return send(res, status, '');
      case 'an error body with status 200':
        return send(res, 200, { error: { code: 500, message: 'Internal server error' } });
      case 'a body that claims gzip but is not':
        return send(res, status, text, { 'content-encoding': 'gzip' });
      case 'a redirect to another host':
        return send(res, 302, '', { location: 'http://127.0.0.1:9/v2/elsewhere' });
      case 'a bare JSON array':
        return send(res, status, []);
      case 'a body over the size cap': {
        // Valid JSON, padded with whitespace, sent in chunks with no length announced.
        res.writeHead(status, { 'content-type': 'application/json' });
        const block = ' '.repeat(512 * 1024);
        res.write(text.slice(0, -1));
        for (let sent = 0; sent < 6 * 1024 * 1024 && !res.destroyed; sent += block.length) {
          if (!res.write(block)) await drained(res);
        }
        res.end('}');
        return;
      }
      case 'a body that drips in byte by byte': {
        res.writeHead(status, { 'content-type': 'application/json' });
        let at = 0;
        const timer = setInterval(() => {
          if (res.destroyed || at >= text.length) {
            clearInterval(timer);
            this.dripping.delete(timer);
            if (!res.destroyed) res.end();
            return;
          }
          res.write(text[at++] ?? '');
        }, 50);
        this.dripping.add(timer);
        return;
      }
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** The answer with its first item (the data object, the first of a data list, or the body) altered. */
function alter(text: string, change: (target: Record<string, unknown>) => void): unknown {
  const body = JSON.parse(text) as Record<string, unknown>;
  const data = body.data;
  const target = (Array.isArray(data) ? data[0] : (data ?? body)) as Record<string, unknown>;
  change(target);
  return body;
}

/** Resolves when the response can take more, or is closed (the client gave up). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}
