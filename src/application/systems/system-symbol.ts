import { ValidationError } from '../../domain/errors.js';

export function requireSystemSymbol(symbol: string): void {
  if (!/^[A-Za-z0-9]+-[A-Za-z0-9]+$/.test(symbol ?? ''))
    throw new ValidationError(`invalid system symbol "${symbol}" (e.g. X1-AB12)`);
}
