import { describe, expect, it } from 'vitest';
import { SecretRegistry } from './secrets.js';

describe('secret leaks: the process scrubs every token it knows from any text', () => {
  it('replaces a known token wherever it appears, in any field or message', () => {
    const secrets = new SecretRegistry();
    secrets.add('eyJhbGciOi.agent-token.sig', undefined, '');
    const line =
      '{"msg":"error 4001: bad header Authorization: Bearer eyJhbGciOi.agent-token.sig","x":"eyJhbGciOi.agent-token.sig"}';
    expect(secrets.scrub(line)).toBe(
      '{"msg":"error 4001: bad header Authorization: Bearer [redacted]","x":"[redacted]"}',
    );
  });

  it('replaces the longer of two overlapping secrets whole and leaves short values alone', () => {
    const secrets = new SecretRegistry();
    secrets.add('token-12345', 'token-12345-and-more', 'short');
    expect(secrets.scrub('a token-12345-and-more b token-12345 c short')).toBe('a [redacted] b [redacted] c short');
  });
});
