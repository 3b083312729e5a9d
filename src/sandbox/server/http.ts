import type { IncomingMessage, ServerResponse } from 'node:http';
import { GameError } from '../world/errors.js';

export const JSON_HEADERS: Readonly<Record<string, string>> = { 'content-type': 'application/json; charset=utf-8' };
/** The largest request body read: far beyond any real request (the largest, a world state, is a few hundred KB). */
const MAX_BODY = 1 << 20;

/** The real server's error envelope, for errors raised outside the game's rules (HTTP, admin). */
export const errorBody = (status: number, message: string) => ({ error: { message, code: status } });

export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = JSON_HEADERS,
): void {
  // The client may be gone (dropped, or answered 413 already): nothing more to say.
  if (response.headersSent || response.destroyed) return;
  if (status === 204 || body === undefined) {
    response.writeHead(status, headers);
    response.end();
    return;
  }
  const text = JSON.stringify(body);
  // One flat header list handed to writeHead: node's fastest path (no per-header setHeader merging).
  const list: string[] = [];
  for (const name in headers) list.push(name, headers[name]!);
  list.push('content-length', String(Buffer.byteLength(text)));
  response.writeHead(status, list);
  response.end(text);
}

/**
 * Reads a request's body (undefined when empty) and hands it to `then`; a body over MAX_BODY, announced
 * or streamed, gets 413 and the connection is closed; a client that drops mid-body gets nothing.
 */
export function readBody(request: IncomingMessage, response: ServerResponse, then: (body: string | undefined) => void) {
  const tooLarge = () => {
    send(response, 413, errorBody(413, `Request body too large: at most ${MAX_BODY} bytes.`), {
      ...JSON_HEADERS,
      connection: 'close',
    });
    response.once('finish', () => request.destroy());
  };
  if (Number(request.headers['content-length']) > MAX_BODY) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on('error', () => {}); // an aborted upload: the socket is gone, there is no one to answer
  request.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > MAX_BODY) {
      refused = true;
      chunks.length = 0;
      return tooLarge();
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (!refused) then(chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined);
  });
}

/** A JSON media type: application/json, or any type with a +json suffix, whatever its parameters. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * The parsed JSON of a request body. A body declared as something other than JSON gets 415, one that
 * is not valid JSON 422; a body with no content-type is read as JSON.
 */
export function parseBody(request: IncomingMessage, raw: string | undefined): unknown {
  if (raw === undefined) return undefined;
  const type = request.headers['content-type'];
  if (type !== undefined && !JSON_TYPE.test(type))
    throw new GameError(415, 415, `Unsupported content type '${type}': send the body as application/json.`);
  try {
    return JSON.parse(raw);
  } catch {
    throw new GameError(422, 422, 'Request body is not valid JSON.');
  }
}
