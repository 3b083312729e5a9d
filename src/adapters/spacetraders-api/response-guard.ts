import type { AxiosInstance, AxiosResponse } from 'axios';
import type { Readable } from 'node:stream';
import { ApiError } from '../../ports/api-errors.js';
import { describeSchemaError, SpecSchemas } from './spec-schemas.js';

/** Far beyond any real answer (a page of 20 ships is ~60 KB), far below what would hurt the process. */
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * The server answered, but not with what the API promises: HTML, truncated or non-JSON text, a
 * body that breaks the operation's schema, a body too large, or one sent too slowly. Never retried
 * and never partly used: nothing from such a response reaches the database.
 */
export class BadResponseError extends ApiError {
  constructor(status: number, message: string) {
    super(0, status, message);
  }
}

interface GuardOptions {
  maxBytes?: number;
  /** How long the body may take once the headers are in (a server dripping bytes). */
  bodyTimeoutMs: number;
  schemas?: SpecSchemas;
}

/**
 * Makes every response of `http` pass the contract before anyone sees it: the body is read under a
 * size cap and a deadline; a success (any status below 400) must be JSON, declared by the spec for
 * its operation and valid against that schema. Error statuses keep their body, parsed when it is
 * JSON, for the error mapping. Throws `BadResponseError`.
 */
export function guardResponses(http: AxiosInstance, options: GuardOptions): void {
  const schemas = options.schemas ?? new SpecSchemas();
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  http.defaults.responseType = 'stream';
  http.defaults.maxRedirects = 0;
  http.interceptors.response.use(async (response: AxiosResponse) => {
    const method = (response.config.method ?? 'get').toUpperCase();
    const operation = `${method} ${response.config.url ?? ''}`;
    try {
      const text = await readBody(response, operation, maxBytes, options.bodyTimeoutMs);
      response.data = response.status >= 400 ? parseLenient(text) : checkSuccess(schemas, operation, response, text);
      return response;
    } catch (error) {
      // The server accepted a change but its answer is unusable: say so rather than imply nothing happened.
      if (error instanceof BadResponseError && method !== 'GET' && response.status < 300)
        throw new BadResponseError(error.status, `${error.message}; it may have been applied: check before retrying`);
      throw error;
    }
  });
}

async function readBody(response: AxiosResponse, operation: string, maxBytes: number, timeoutMs: number) {
  const stream = response.data as Readable;
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    stream.destroy();
    throw tooLarge(response.status, operation, maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new BadResponseError(
            response.status,
            `the server took over ${Number((timeoutMs / 1000).toFixed(1))} s to send its response to ${operation}; gave up`,
          ),
        );
      }, timeoutMs);
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) reject(tooLarge(response.status, operation, maxBytes));
        else chunks.push(chunk);
      });
      stream.on('end', resolve);
      stream.on('error', (error: Error & { code?: string }) =>
        reject(
          error.code?.startsWith('Z_')
            ? malformed(response.status, operation, `cannot decompress its body: ${error.message}`)
            : error,
        ),
      );
    });
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

function checkSuccess(schemas: SpecSchemas, operation: string, response: AxiosResponse, text: string): unknown {
  const [method = 'GET', path = ''] = operation.split(' ');
  const template = schemas.templateOf(path);
  if (!template) return parseLenient(text);
  const contract = schemas.contract(method, template, response.status);
  switch (contract.kind) {
    case 'unknown-operation':
      return parseLenient(text);
    case 'undeclared-status':
      throw malformed(
        response.status,
        operation,
        `HTTP ${response.status}, expected ${contract.declared.join(' or ')}`,
      );
    case 'empty':
      if (text.trim() !== '') throw malformed(response.status, operation, 'a body where none is expected');
      return undefined;
  }
  const type = String(response.headers['content-type'] ?? '');
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw malformed(
      response.status,
      operation,
      type ? `content-type ${type.split(';')[0]}, not JSON` : 'no content-type',
    );
  if (text.trim() === '') throw malformed(response.status, operation, 'empty body');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw malformed(response.status, operation, `not valid JSON: ${(error as Error).message.split('\n', 1)[0]}`);
  }
  if (!contract.validate(body)) {
    const first = contract.validate.errors?.[0];
    throw malformed(response.status, operation, first ? describeSchemaError(first) : 'does not match the API schema');
  }
  return body;
}

function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function malformed(status: number, operation: string, detail: string): BadResponseError {
  return new BadResponseError(status, `the server sent a malformed response to ${operation} (${detail})`);
}

function tooLarge(status: number, operation: string, maxBytes: number): BadResponseError {
  return new BadResponseError(
    status,
    `the server sent a response over ${maxBytes / 1024 / 1024} MB to ${operation}; refused`,
  );
}
