import { describe, expect, it } from 'vitest';
import { TransactionBehavior } from '../application/behaviors/transaction-behavior.js';
import { ValidationBehavior } from '../application/behaviors/validation-behavior.js';
import { openDatabase, type SqliteDatabase } from '../adapters/sqlite/connection.js';
import { stageWrite } from '../adapters/sqlite/sqlite-write.js';
import { SqliteUnitOfWorkStore } from '../adapters/sqlite/sqlite-unit-of-work-store.js';
import { ValidationError } from '../domain/errors.js';
import { domainEvent } from '../domain/events.js';
import type { PipelineBehavior } from './behavior.js';
import { currentContext, currentUnitOfWork } from './context.js';
import { HandlerNotFoundError } from './errors.js';
import { EventBus } from './event-bus.js';
import { Mediator } from './mediator.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { Command, Query } from './request.js';

class Ping extends Query<string> {
  constructor(readonly props: { text: string }) {
    super();
  }
}

class WriteNote extends Command<void> {
  constructor(readonly props: { id: string; nested?: boolean; fail?: boolean }) {
    super();
  }
  override validate(): void {
    if (this.props.id === '') throw new ValidationError('id must not be empty');
  }
}

function setup() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE notes (id TEXT PRIMARY KEY)');
  const store = new SqliteUnitOfWorkStore(db);
  const failures: unknown[] = [];
  const bus = new EventBus((_event, error) => failures.push(error));
  const dispatcher = new OutboxDispatcher(bus, store);
  const trail: string[] = [];
  const tracer = (name: string): PipelineBehavior => ({
    async handle(request, _context, next) {
      trail.push(`${name}>${request.constructor.name}`);
      return next();
    },
  });
  const mediator = new Mediator([
    tracer('logging'),
    new ValidationBehavior(),
    new TransactionBehavior(store, dispatcher),
  ]);
  mediator.register(Ping, { handle: async (ping: Ping) => `pong ${ping.props.text}` });
  mediator.register(WriteNote, {
    handle: async (cmd: WriteNote) => {
      trail.push(`handler>${cmd.props.id}`);
      insertNote(db, cmd.props.id);
      // Any recorded event will do: the tests follow it through commit and dispatch.
      currentUnitOfWork()?.record(domainEvent('DefaultPlayerChanged', { agentSymbol: cmd.props.id }));
      await new Promise((resolve) => setTimeout(resolve, 1)); // a remote call in the middle
      if (cmd.props.nested) await mediator.send(new WriteNote({ id: `${cmd.props.id}-child` }));
      if (cmd.props.fail) throw new Error('remote call failed');
    },
  });
  return { db, mediator, bus, trail, failures, store, dispatcher };
}

function insertNote(db: SqliteDatabase, id: string) {
  stageWrite(db, currentUnitOfWork, `note:${id}`, id, () => db.prepare('INSERT INTO notes (id) VALUES (?)').run(id));
}

function notes(db: SqliteDatabase): string[] {
  return db
    .prepare<[], { id: string }>('SELECT id FROM notes ORDER BY id')
    .all()
    .map((row) => row.id);
}

describe('Mediator', () => {
  it('routes a request to its handler and returns the typed result', async () => {
    const { mediator } = setup();
    const reply: string = await mediator.send(new Ping({ text: 'hi' }));
    expect(reply).toBe('pong hi');
    expect(mediator.registeredTypes()).toEqual(['Ping', 'WriteNote']);
  });

  it('names the request type when no handler is registered', async () => {
    class Unwired extends Query<void> {}
    await expect(setup().mediator.send(new Unwired())).rejects.toThrowError(new HandlerNotFoundError('Unwired'));
  });

  it('runs the behaviors in order, then the handler', async () => {
    const { mediator, trail } = setup();
    await mediator.send(new WriteNote({ id: 'a' }));
    expect(trail).toEqual(['logging>WriteNote', 'handler>a']);
  });

  it('stops a request that fails validation before its handler', async () => {
    const { mediator, trail, db } = setup();
    await expect(mediator.send(new WriteNote({ id: '' }))).rejects.toThrow(ValidationError);
    expect(trail).toEqual(['logging>WriteNote']);
    expect(notes(db)).toEqual([]);
  });

  it('commits a root command and its nested commands once, together', async () => {
    const { mediator, db, store } = setup();
    let transactions = 0;
    const transaction = store.transaction.bind(store);
    store.transaction = (fn) => {
      transactions += 1;
      transaction(fn);
    };
    await mediator.send(new WriteNote({ id: 'root', nested: true }));
    expect(notes(db)).toEqual(['root', 'root-child']);
    expect(transactions).toBe(1);
  });

  it('writes nothing when the handler fails, even after a nested command succeeded', async () => {
    const { mediator, db, store } = setup();
    await expect(mediator.send(new WriteNote({ id: 'x', nested: true, fail: true }))).rejects.toThrow(
      'remote call failed',
    );
    expect(notes(db)).toEqual([]);
    expect(store.recent(10)).toEqual([]);
  });

  it('publishes events only after the commit, and marks them dispatched', async () => {
    const { mediator, db, bus, store } = setup();
    const seen: Array<{ id: unknown; committed: string[] }> = [];
    bus.on('DefaultPlayerChanged', (event) => {
      seen.push({ id: event.payload.agentSymbol, committed: notes(db) });
    });
    await mediator.send(new WriteNote({ id: 'e', nested: true }));
    expect(seen).toEqual([
      { id: 'e', committed: ['e', 'e-child'] },
      { id: 'e-child', committed: ['e', 'e-child'] },
    ]);
    expect(store.pending(10)).toEqual([]);
  });

  it('keeps dispatching when a subscriber fails (fail-open)', async () => {
    const { mediator, bus, failures } = setup();
    const delivered: string[] = [];
    bus.on('DefaultPlayerChanged', () => {
      throw new Error('subscriber broke');
    });
    bus.on('DefaultPlayerChanged', (event) => {
      delivered.push(event.payload.agentSymbol);
    });
    await mediator.send(new WriteNote({ id: 'f' }));
    expect(delivered).toEqual(['f']);
    expect(failures).toHaveLength(1);
    expect(bus.history().map((e) => e.type)).toEqual(['DefaultPlayerChanged']);
  });

  it('gives nested requests the root correlation id and their own request id', async () => {
    const { mediator } = setup();
    const seen: Array<{ correlationId?: string; requestId?: string; depth?: number }> = [];
    class Outer extends Query<void> {}
    class Inner extends Query<void> {}
    mediator.register(Inner, { handle: async () => void seen.push({ ...currentContext() }) });
    mediator.register(Outer, {
      handle: async () => {
        seen.push({ ...currentContext() });
        await mediator.send(new Inner());
      },
    });
    const outer = new Outer();
    await mediator.send(outer);
    expect(seen[0]).toMatchObject({ correlationId: outer.requestId, requestId: outer.requestId, depth: 0 });
    expect(seen[1]).toMatchObject({ correlationId: outer.requestId, depth: 1 });
    expect(seen[1]?.requestId).not.toBe(outer.requestId);
  });

  it('redelivers events left undispatched by a crash', async () => {
    const { store, dispatcher, bus } = setup();
    store.transaction(() =>
      store.appendEvents(
        [domainEvent('ShipArrived', { ship: 'S-1', waypoint: 'X1-A-1', fuel: 10, leg: 1, legs: 1 })],
        'c',
      ),
    );
    const delivered: string[] = [];
    bus.subscribe('*', (event) => void delivered.push(event.type));
    expect(await dispatcher.redeliverPending()).toBe(1);
    expect(delivered).toEqual(['ShipArrived']);
    expect(await dispatcher.redeliverPending()).toBe(0);
  });
});
