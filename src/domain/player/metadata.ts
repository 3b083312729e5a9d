import { ValidationError } from '../errors.js';

/** Far beyond any real note or role, far below what would strain a stack or a row. */
const METADATA_LIMITS = { maxBytes: 16 * 1024, maxDepth: 16 } as const;

/**
 * Player metadata is free-form JSON typed by a person: it must be an object, nested at most
 * `maxDepth` levels and at most `maxBytes` long as JSON. Checked without recursion, so no input
 * can exhaust the stack on its way to the error.
 */
export function checkMetadata(metadata: unknown, what = 'metadata'): void {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ValidationError(`${what} must be a JSON object, e.g. {"role":"trader"}`);
  }
  const pending: Array<{ value: unknown; depth: number }> = [{ value: metadata, depth: 1 }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > METADATA_LIMITS.maxDepth) {
      throw new ValidationError(`${what} is nested too deeply: at most ${METADATA_LIMITS.maxDepth} levels`);
    }
    for (const child of Object.values(value)) pending.push({ value: child, depth: depth + 1 });
  }
  const size = Buffer.byteLength(JSON.stringify(metadata), 'utf8');
  if (size > METADATA_LIMITS.maxBytes) {
    throw new ValidationError(`${what} is too large: ${size} bytes as JSON, at most ${METADATA_LIMITS.maxBytes}`);
  }
}

/** Parses metadata typed on the command line, refusing oversized text before parsing it. */
export function parseMetadata(text: string, what = 'metadata'): Record<string, unknown> {
  if (Buffer.byteLength(text, 'utf8') > METADATA_LIMITS.maxBytes) {
    throw new ValidationError(`${what} is too large: at most ${METADATA_LIMITS.maxBytes} bytes of JSON`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError(`${what} is not valid JSON: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
  }
  checkMetadata(value, what);
  return value as Record<string, unknown>;
}
