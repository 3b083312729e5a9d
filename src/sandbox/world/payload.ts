import { badRequest } from './errors.js';

/** A required, non-empty string field of a request body, upper-cased as the server does with symbols. */
export function stringField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '')
    throw badRequest('Request could not be processed due to an invalid payload.', { [name]: [`${name} is required`] });
  return value.toUpperCase();
}

/** The request body's `units`: a positive integer. */
export function unitsField(body: unknown): number {
  const units = (body as { units?: unknown } | undefined)?.units;
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1)
    throw badRequest('Request could not be processed due to an invalid payload.', {
      units: ['units must be a positive integer'],
    });
  return units;
}
