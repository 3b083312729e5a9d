import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { checkMetadata, parseMetadata } from './metadata.js';

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('unbounded user JSON: metadata has a size and a depth limit', () => {
  it('refuses metadata nested 4,500 levels deep with a clear error, not a stack overflow', () => {
    expect(() => checkMetadata(nested(4_500))).toThrow(
      new ValidationError('metadata is nested too deeply: at most 16 levels'),
    );
  });

  it('refuses deep JSON text on the command line before anything recurses into it', () => {
    const text = `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`;
    expect(() => parseMetadata(text, '--metadata')).toThrow(/--metadata is nested too deeply/);
  });

  it('refuses oversized text, and accepts ordinary metadata', () => {
    expect(() => parseMetadata(JSON.stringify({ notes: 'x'.repeat(20_000) }), '--metadata')).toThrow(
      /--metadata is too large/,
    );
    expect(() => checkMetadata({ notes: 'x'.repeat(20_000) })).toThrow(/metadata is too large/);
    expect(parseMetadata('{"role":"trader","tags":{"a":[1,2]}}')).toEqual({ role: 'trader', tags: { a: [1, 2] } });
    expect(() => parseMetadata('[1]')).toThrow(/must be a JSON object/);
  });
});
