import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { daemonLoggerLevel, daemonLogSink } from './daemon-log.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function write(sink: NodeJS.WritableStream, line: object): Promise<void> {
  return new Promise((resolve) => sink.write(`${JSON.stringify(line)}\n`, () => resolve()));
}

describe('the daemon log', () => {
  it('follows the configured level, while containers keep their info lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'st-daemon-log-'));
    dirs.push(dir);
    const file = join(dir, 'daemon.log');
    const kept: string[] = [];
    const sink = daemonLogSink({
      file,
      level: 'warn',
      container: (id, level, message) => kept.push(`${id} ${level} ${message}`),
    });
    await write(sink, { level: 30, time: 1, msg: 'daemon started', resumed: 0 });
    await write(sink, { level: 40, time: 2, msg: 'event subscriber failed' });
    await write(sink, { level: 30, time: 3, msg: 'waited 1 of 1 s', containerId: 'c1', requestId: 'r', second: 1 });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['event subscriber failed']);
    expect(kept).toEqual(['c1 info waited 1 of 1 s {"second":1}']);
  });

  it('is written at info and below only when asked; the logger always serves the containers at info', () => {
    expect(daemonLoggerLevel('warn')).toBe('info');
    expect(daemonLoggerLevel('silent')).toBe('info');
    expect(daemonLoggerLevel('debug')).toBe('debug');
  });
});
