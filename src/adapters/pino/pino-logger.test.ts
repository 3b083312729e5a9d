import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { requestLogFields, runInContext } from '../../mediator/context.js';
import { createPinoLogger } from './pino-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createPinoLogger({ level: 'info', destination, context: requestLogFields }) };
}

describe('pino logger', () => {
  it('stamps each line with the ids of the request that wrote it', async () => {
    const { lines, logger } = capture();
    runInContext({ requestName: 'GetPlayer', requestId: 'r-1', correlationId: 'c-1', depth: 0 }, () =>
      logger.info({}, 'inside'),
    );
    logger.info({}, 'outside');
    expect(lines[0]).toMatchObject({ msg: 'inside', requestName: 'GetPlayer', requestId: 'r-1', correlationId: 'c-1' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('redacts tokens and authorization headers', () => {
    const { lines, logger } = capture();
    logger.info(
      { token: 'agent-secret', request: { accountToken: 'acct-secret', headers: { authorization: 'Bearer x' } } },
      'secrets',
    );
    const text = JSON.stringify(lines);
    expect(text).not.toContain('agent-secret');
    expect(text).not.toContain('acct-secret');
    expect(text).not.toContain('Bearer x');
  });
});

describe('secret leaks in logs', () => {
  it('scrubs a known token from any message or field, not only fields named token', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createPinoLogger({
      level: 'info',
      destination,
      scrub: (line) => line.replaceAll('agent-secret-123', '[redacted]'),
    });
    logger.info({ error: 'error 4001: header "Authorization: Bearer agent-secret-123" rejected' }, 'agent-secret-123');
    expect(lines.join('')).not.toContain('agent-secret-123');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: '[redacted]' });
  });
});
