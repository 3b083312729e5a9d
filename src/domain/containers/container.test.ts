import { describe, expect, it } from 'vitest';
import { Container } from './container.js';

const make = () =>
  Container.create({
    id: 'c1',
    player: 'NOVA-1',
    commandType: 'NavigateShip',
    payload: {},
    claims: ['ship:B', 'ship:A'],
    now: 1,
    restartPolicy: { maxRestarts: 2, baseDelayMs: 100, maxDelayMs: 150 },
  });

describe('Container', () => {
  it('runs to completion', () => {
    const c = make();
    c.start(2);
    c.complete(3);
    expect(c.snapshot()).toMatchObject({
      status: 'COMPLETED',
      attempts: 1,
      startedAt: 2,
      finishedAt: 3,
      claims: ['ship:A', 'ship:B'],
    });
  });

  it('restarts a retryable failure with growing, capped delays, then fails for good', () => {
    const c = make();
    c.start(1);
    expect(c.fail('503', true, 2)).toBe(100);
    c.start(3);
    expect(c.fail('503', true, 4)).toBe(150);
    c.start(5);
    expect(c.fail('503', true, 6)).toBeUndefined();
    expect(c.snapshot()).toMatchObject({ status: 'FAILED', attempts: 3, exitReason: '503' });
  });

  it('does not restart a failure that would only happen again', () => {
    const c = make();
    c.start(1);
    expect(c.fail('unknown ship', false, 2)).toBeUndefined();
    expect(c.status).toBe('FAILED');
  });

  it('is interrupted (not stopped) when the daemon goes down, and resumes as the same attempt', () => {
    const c = make();
    c.start(1);
    c.interrupt();
    expect(c.status).toBe('INTERRUPTED');
    c.start(2);
    expect(c.snapshot()).toMatchObject({ status: 'RUNNING', attempts: 1 });
  });

  it('a resumption after a daemon crash uses up no restart', () => {
    const c = make();
    c.start(1);
    for (let crash = 0; crash < 5; crash++) {
      c.interrupt();
      c.start(2 + crash);
    }
    expect(c.fail('503', true, 10)).toBe(100);
  });

  it('a failure after a healthy run (a minute or more) counts its restarts afresh', () => {
    const c = make();
    c.start(0);
    expect(c.fail('503', true, 1)).toBe(100);
    c.start(2);
    expect(c.fail('503', true, 3)).toBe(150);
    c.start(4);
    // Ran for a minute: restarted again, from the first delay.
    expect(c.fail('503', true, 60_004)).toBe(100);
    expect(c.snapshot().attempts).toBe(1);
    c.start(60_005);
    expect(c.fail('503', true, 60_006)).toBe(150);
    c.start(60_007);
    expect(c.fail('503', true, 60_008)).toBeUndefined();
  });

  it('refuses to stop what already finished, and moves nowhere from a final state', () => {
    const c = make();
    c.start(1);
    c.stop(2);
    expect(c.status).toBe('STOPPED');
    expect(() => c.stop(3)).toThrow('already stopped');
    expect(() => c.start(3)).toThrow('cannot go from STOPPED to RUNNING');
  });
});
