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
