import { UnknownMessageTypeError } from './errors.js';
import type { Request, RequestClass } from './request.js';

const ENVELOPE_FIELDS = new Set(['kind', 'requestId', 'correlationId']);

/**
 * Rebuilds a request from its type name and JSON payload, so a command can be stored (e.g. by the
 * daemon) and sent again later.
 */
export class MessageRegistry {
  private readonly types = new Map<string, RequestClass>();

  register(...types: RequestClass[]): this {
    for (const type of types) this.types.set(type.name, type);
    return this;
  }

  names(): string[] {
    return [...this.types.keys()].sort();
  }

  /** The type name and JSON payload that `rebuild` turns back into an equal request. */
  serialize(request: Request<unknown>): { type: string; payload: Record<string, unknown> } {
    const payload: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(request)) {
      if (!ENVELOPE_FIELDS.has(key)) payload[key] = value;
    }
    return { type: request.constructor.name, payload: JSON.parse(JSON.stringify(payload)) };
  }

  rebuild(type: string, payload: unknown): Request<unknown> {
    const RequestType = this.types.get(type);
    if (!RequestType) throw new UnknownMessageTypeError(type, this.names());
    // Stored JSON is untyped: this is the one place a request is built from props the compiler cannot check.
    return new (RequestType as new (props: unknown) => Request<unknown>)(payload ?? {});
  }
}
