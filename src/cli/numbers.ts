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

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration flag such as 30m, 12h or 7d, in seconds. */
export function durationSeconds(text: string, flag = '--since'): number {
  const match = /^(\d+)([smhd])$/.exec(text.trim());
  if (!match || Number(match[1]) < 1)
    throw new ValidationError(`${flag} must be a positive duration such as 30m, 12h or 7d, got "${text}"`);
  return Number(match[1]) * UNIT_SECONDS[match[2]!]!;
}
