import { ValidationError } from '../errors.js';

/**
 * A resource a container holds exclusively while it runs: `kind:name`, e.g. `ship:NOVA-1-1`, or a
 * reserved trade route `route:IRON:X1-A-1>X1-A-2` (its name may hold `:` and `>`).
 */
const CLAIM_KEY = /^[a-z][a-z-]{0,31}:[A-Za-z0-9_-][A-Za-z0-9_:>-]{0,95}$/;

/** The most resources one container may claim. */
const MAX_CLAIMS = 100;

/**
 * Checks a list of claim keys as it came from outside (JSON): an array of at most MAX_CLAIMS
 * `kind:name` strings. A string, an object or a number is refused, never spread into characters.
 */
export function requireClaims(value: unknown, what = 'claims'): string[] {
  if (!Array.isArray(value)) throw new ValidationError(`${what} must be a list of keys like "ship:NOVA-1-1"`);
  if (value.length > MAX_CLAIMS) throw new ValidationError(`${what} may hold at most ${MAX_CLAIMS} keys`);
  for (const key of value) {
    if (typeof key !== 'string' || !CLAIM_KEY.test(key))
      throw new ValidationError(`${what}: ${JSON.stringify(key)} is not a key like "ship:NOVA-1-1"`);
  }
  return [...new Set(value as string[])];
}
