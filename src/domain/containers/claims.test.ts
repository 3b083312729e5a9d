import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { requireClaims } from './claims.js';

describe('requireClaims (claim keys from outside are checked, never assumed)', () => {
  it('accepts a list of kind:name keys, without duplicates', () => {
    expect(requireClaims(['ship:NOVA-1-1', 'ship:NOVA-1-1', 'market:X1-A-B'])).toEqual([
      'ship:NOVA-1-1',
      'market:X1-A-B',
    ]);
    expect(requireClaims([])).toEqual([]);
    expect(requireClaims(['route:IRON_ORE:X1-AB97-A1>X1-AB97-B2'])).toEqual(['route:IRON_ORE:X1-AB97-A1>X1-AB97-B2']);
  });

  it.each([
    ['a string, which would spread into characters', 'ship:X'],
    ['an object', { ship: 'X' }],
    ['null', null],
    ['a number inside', [1]],
    ['a key without kind', ['NOVA-1-1']],
    ['a key with a comma', ['ship:A,B']],
    ['an empty name', ['ship:']],
    ['too many keys', Array.from({ length: 101 }, (_, i) => `ship:S-${i}`)],
  ])('refuses %s', (_what, value) => {
    expect(() => requireClaims(value, 'resources')).toThrow(ValidationError);
  });
});
