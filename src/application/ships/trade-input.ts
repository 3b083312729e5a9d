import { ValidationError } from '../../domain/errors.js';

const GOOD_SYMBOL = /^[A-Za-z][A-Za-z0-9_]{1,63}$/;

export function requireGoodSymbol(good: string): void {
  if (typeof good !== 'string' || !GOOD_SYMBOL.test(good))
    throw new ValidationError(`invalid trade good "${good}" (e.g. IRON_ORE)`);
}

export function requireUnits(units: number): void {
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1)
    throw new ValidationError(`units must be a whole number of at least 1, got ${units}`);
}

export function requireLimit(limit: number | undefined, flag: string): void {
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1))
    throw new ValidationError(`${flag} must be a whole number of credits of at least 1, got ${limit}`);
}
