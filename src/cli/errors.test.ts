import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.js';
import { processSecrets } from '../domain/player/secrets.js';
import { reportError } from './errors.js';
import { createOutput } from './output.js';

function report(error: unknown, logLevel?: string) {
  let text = '';
  const code = reportError(error, (chunk) => (text += chunk), logLevel);
  return { code, text };
}

describe('a hint that lies: --log-level debug gives the details it promises', () => {
  it('prints only the one line and the hint at the default level', () => {
    const { code, text } = report(new TypeError('x is undefined'), 'warn');
    expect(code).toBe(1);
    expect(text).toBe('error: unexpected failure: x is undefined (run with --log-level debug for details)\n');
  });

  it('prints the stack when the level given (flag or environment) is debug', () => {
    const { text } = report(new TypeError('x is undefined'), 'debug');
    expect(text.split('\n')[0]).toBe('error: unexpected failure: x is undefined');
    expect(text).toMatch(/\n\s+at /);
  });
});

describe('secret leaks on the way out of the CLI', () => {
  it('scrubs every known token from error lines and command output', () => {
    processSecrets.add('cli-agent-token-0042');
    const { text } = report(new AppError('server said: Bearer cli-agent-token-0042 is bad'), 'warn');
    expect(text).toBe('error: server said: Bearer [redacted] is bad\n');
    let out = '';
    createOutput(true, (chunk) => (out += chunk)).result({ note: 'cli-agent-token-0042' }, () => '');
    expect(out).not.toContain('cli-agent-token-0042');
  });
});
