import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endQuietlyWhenOutputCloses } from './output.js';

const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

describe('endQuietlyWhenOutputCloses', () => {
  it('ends the command with exit code 0 when the reader of its output has gone (EPIPE)', () => {
    const stdout = new EventEmitter();
    const exits: number[] = [];
    endQuietlyWhenOutputCloses(stdout, (code) => exits.push(code));
    stdout.emit('error', failure('EPIPE'));
    expect(exits).toEqual([0]);
  });

  it('leaves any other write failure an error', () => {
    const stdout = new EventEmitter();
    endQuietlyWhenOutputCloses(stdout, () => {});
    expect(() => stdout.emit('error', failure('ENOSPC'))).toThrow('write ENOSPC');
  });
});
