import { ValidationError } from '../domain/errors.js';

/** Numbers given as flags: a one-line error naming the flag and the text when one is not valid. */
export function wholeNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0)
    throw new ValidationError(`${flag} must be a whole number, got "${text}"`);
  return value;
}

export function positiveNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0)
    throw new ValidationError(`${flag} must be a positive number, got "${text}"`);
  return value;
}
