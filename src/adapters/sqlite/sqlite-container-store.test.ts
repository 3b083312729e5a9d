import { describe, expect, it } from 'vitest';
import { Container } from '../../domain/containers/container.js';
import { openDatabase } from './connection.js';
import { SqliteContainerStore } from './sqlite-container-store.js';

const container = (id: string, claims: string[]) =>
  Container.create({ id, player: 'NOVA-1', commandType: 'Wait', payload: { seconds: 1 }, claims, now: 1 });

describe('SqliteContainerStore', () => {
  it("claims all of a container's resources or none, exclusively", () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    expect(store.claim('c1', ['ship:A', 'ship:B'], 1)).toBeUndefined();
    expect(store.claim('c2', ['ship:C', 'ship:B'], 2)).toEqual({ resource: 'ship:B', holder: 'c1' });
    // Nothing of c2's partial request was taken.
    expect(store.claim('c3', ['ship:C'], 3)).toBeUndefined();
  });

  it('re-establishes its own claims (recovery) and frees them on release', () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    store.claim('c1', ['ship:A'], 1);
    expect(store.claim('c1', ['ship:A'], 2)).toBeUndefined();
    store.release('c1');
    expect(store.claim('c2', ['ship:A'], 3)).toBeUndefined();
  });

  it('releases some claims and keeps the rest; lists claims by kind', () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    store.claim('c1', ['ship:A', 'route:IRON:X1-A-1>X1-A-2'], 1);
    store.claim('c2', ['route:COPPER:X1-A-3>X1-A-2'], 1);
    expect(store.claimed('route:')).toEqual([
      { resource: 'route:COPPER:X1-A-3>X1-A-2', holder: 'c2' },
      { resource: 'route:IRON:X1-A-1>X1-A-2', holder: 'c1' },
    ]);
    store.unclaim('c1', ['route:IRON:X1-A-1>X1-A-2', 'route:COPPER:X1-A-3>X1-A-2']);
    expect(store.claimed('route:')).toEqual([{ resource: 'route:COPPER:X1-A-3>X1-A-2', holder: 'c2' }]);
    expect(store.claim('c3', ['ship:A'], 2)).toEqual({ resource: 'ship:A', holder: 'c1' });
  });

  it('stores containers and their logs, filtered by level and position', () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'));
    const c = container('c1', ['ship:A']);
    store.save(c);
    c.start(2);
    store.save(c);
    store.appendLog('c1', 'info', 'one', 3);
    store.appendLog('c1', 'warn', 'two', 4);
    store.appendLog('c1', 'error', 'three', 5);
    expect(store.find('c1')?.snapshot()).toMatchObject({ status: 'RUNNING', attempts: 1, claims: ['ship:A'] });
    expect(store.list(['RUNNING']).map((x) => x.id)).toEqual(['c1']);
    expect(store.logs('c1', { minLevel: 'warn' }).map((l) => l.message)).toEqual(['two', 'three']);
    const [first] = store.logs('c1', {});
    expect(store.logs('c1', { afterId: first!.id }).map((l) => l.message)).toEqual(['two', 'three']);
  });

  it('secret leaks: scrubs log lines and exit reasons before they are stored', () => {
    const store = new SqliteContainerStore(openDatabase(':memory:'), (text) => text.replaceAll('tok-9', '[redacted]'));
    const c = container('c1', []);
    store.save(c);
    c.start(2);
    store.appendLog('c1', 'error', 'server said Bearer tok-9', 3);
    c.fail('refused Bearer tok-9', false, 4);
    store.save(c);
    expect(store.logs('c1', {}).map((line) => line.message)).toEqual(['server said Bearer [redacted]']);
    expect(store.find('c1')?.snapshot().exitReason).toBe('refused Bearer [redacted]');
  });
});
