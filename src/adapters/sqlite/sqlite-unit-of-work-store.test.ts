import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection.js';
import { SqliteUnitOfWorkStore } from './sqlite-unit-of-work-store.js';

describe('secret leaks in stored events', () => {
  it('scrubs the payload of every event on its way into the outbox', () => {
    const store = new SqliteUnitOfWorkStore(openDatabase(':memory:'), (text) =>
      text.replaceAll('event-secret-77', '[redacted]'),
    );
    store.transaction(() => {
      store.appendEvents(
        [
          {
            type: 'ContainerFailed',
            payload: { container: 'c1', reason: 'Bearer event-secret-77 refused' },
            occurredAt: 1,
          },
        ],
        null,
      );
    });
    expect(store.recent(1)[0]?.payload).toEqual({ container: 'c1', reason: 'Bearer [redacted] refused' });
  });
});
