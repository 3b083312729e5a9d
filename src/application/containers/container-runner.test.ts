import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../adapters/sqlite/connection.js';
import { SqliteContainerStore } from '../../adapters/sqlite/sqlite-container-store.js';
import { Container } from '../../domain/containers/container.js';
import { ValidationError } from '../../domain/errors.js';
import type { DomainEvent } from '../../domain/events.js';
import { Mediator } from '../../mediator/mediator.js';
import { MessageRegistry } from '../../mediator/message-registry.js';
import { currentContext } from '../../mediator/context.js';
import { Command, Query } from '../../mediator/request.js';
import type { Logger } from '../../ports/logger.js';
import { ValidationBehavior } from '../behaviors/validation-behavior.js';
import { ContainerRunner } from './container-runner.js';
import { ContainerCancelledError, containerClock, currentContainer } from './container-scope.js';
import { Wait, WaitHandler } from './wait.js';

/** Fails with a bug-like error on its first run, then succeeds. */
class Flaky extends Command<void> {
  static runs = 0;
  constructor(_props: Record<string, never>) {
    super();
  }
}

/** Notes how deep in a request it runs, and which correlation id it carries. */
class Depth extends Command<void> {
  constructor(_props: Record<string, never>) {
    super();
  }
}

/** Submits a Depth container from inside its own request, as the fleet coordinator starts its jobs. */
class Spawn extends Command<string> {
  constructor(_props: Record<string, never>) {
    super();
  }
}

/** Waits on something that ignores its stop signal (a request the server never answers, sent without it). */
class Hang extends Command<void> {
  constructor(_props: Record<string, never>) {
    super();
  }
}

/** Hands its container's stop signal out, then waits until that signal fires. */
class Listen extends Command<void> {
  static signals: AbortSignal[] = [];
  constructor(_props: Record<string, never>) {
    super();
  }
}

class Peek extends Query<string> {
  constructor(_props: Record<string, never>) {
    super();
  }
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function setup() {
  const store = new SqliteContainerStore(openDatabase(':memory:'));
  const events: DomainEvent[] = [];
  const seenIn: Array<string | undefined> = [];
  const mediator = new Mediator([new ValidationBehavior()]);
  mediator.register(Wait, new WaitHandler(containerClock, quiet));
  mediator.register(Flaky, {
    handle: async () => {
      seenIn.push(currentContainer()?.containerId);
      if (Flaky.runs++ === 0) throw new TypeError('a bug');
    },
  });
  mediator.register(Peek, { handle: async () => 'peek' });
  mediator.register(Hang, { handle: () => new Promise<void>(() => {}) });
  mediator.register(Listen, {
    handle: () =>
      new Promise<void>((_resolve, reject) => {
        const signal = currentContainer()!.signal;
        Listen.signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  });
  const depths: Array<{ depth?: number; correlationId?: string }> = [];
  mediator.register(Depth, {
    handle: async () => {
      const context = currentContext();
      depths.push({ depth: context?.depth, correlationId: context?.correlationId });
    },
  });
  mediator.register(Spawn, {
    handle: async (request) => {
      const child = runner.submit({ type: 'Depth', payload: {}, player: null });
      return `${child.id} ${request.correlationId}`;
    },
  });
  const messages = new MessageRegistry().register(Wait, Flaky, Peek, Depth, Spawn, Hang, Listen);
  const runner: ContainerRunner = new ContainerRunner(
    store,
    mediator,
    messages,
    { record: async (...recorded) => void events.push(...recorded) },
    containerClock,
  );
  return { store, runner, events, seenIn, mediator, depths };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ContainerRunner', () => {
  it('runs a container submitted from inside a request as its own root command (own unit of work and ids)', async () => {
    const { store, mediator, depths } = setup();
    const [childId, parentCorrelation] = (await mediator.send(new Spawn({}))).split(' ');
    await until(() => store.find(childId!)?.status === 'COMPLETED');
    expect(depths).toHaveLength(1);
    expect(depths[0]?.depth).toBe(0);
    expect(depths[0]?.correlationId).not.toBe(parentCorrelation);
  });

  it('runs a command to completion, with its claims held meanwhile and released after', async () => {
    const { store, runner, events } = setup();
    const started = runner.submit({
      type: 'Wait',
      payload: { seconds: 0.05, resources: ['ship:B', 'ship:A'] },
      player: null,
    });
    expect(started).toMatchObject({ status: 'RUNNING', claims: ['ship:A', 'ship:B'], attempts: 1 });
    expect(() => runner.submit({ type: 'Wait', payload: { resources: ['ship:A'] }, player: null })).toThrow(
      `ship:A is already claimed by container ${started.id} (Wait, RUNNING)`,
    );
    await until(() => store.find(started.id)?.status === 'COMPLETED');
    expect(store.claim('other', ['ship:A'], 1)).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['ContainerStarted', 'ContainerCompleted']);
  });

  it.each([
    ['an array payload', [1], 'must be a JSON object'],
    ['a null payload', null, 'must be a JSON object'],
    ['resources as a string (never spread into characters)', { resources: 'ship:X' }, 'resources must be a list'],
    ['an infinite wait (1e309)', { seconds: Number.POSITIVE_INFINITY }, 'seconds must be a number'],
    ['a wait of null seconds (what 1e309 becomes in JSON)', { seconds: null }, 'seconds must be a number'],
    ['seconds as text', { seconds: '5' }, 'seconds must be a number'],
    ['a token in the payload', { seconds: 1, agentToken: 'x' }, 'a command carrying a token'],
  ])('refuses %s before anything is stored, with exit code 2', (_what, payload, message) => {
    const { store, runner } = setup();
    let refusal: unknown;
    try {
      runner.submit({ type: 'Wait', payload, player: null });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).message).toContain(message);
    expect((refusal as ValidationError).exitCode).toBe(2);
    expect(store.list()).toEqual([]);
  });

  it('refuses queries and unknown types: only commands run in containers', () => {
    const { runner } = setup();
    expect(() => runner.submit({ type: 'Peek', payload: {}, player: null })).toThrow('Peek is a query');
    expect(() => runner.submit({ type: 'toString', payload: {}, player: null })).toThrow('unknown command type');
  });

  it('restarts a run that failed on a bug, after its backoff, in the same container context', async () => {
    const { store, runner, seenIn } = setup();
    Flaky.runs = 0;
    const { id } = runner.submit({ type: 'Flaky', payload: {}, player: null });
    await until(() => store.find(id)?.status === 'COMPLETED', 5_000);
    expect(store.find(id)!.snapshot()).toMatchObject({ attempts: 2, exitReason: null });
    expect(seenIn).toEqual([id, id]);
    expect(store.logs(id, {}).map((l) => l.message)).toContain('failed: a bug; restarting in 1 s');
  });

  it('stops a sleeping container at once and frees its claims; it never resumes', async () => {
    const { store, runner, events } = setup();
    const { id } = runner.submit({ type: 'Wait', payload: { seconds: 3600, resources: ['ship:A'] }, player: null });
    expect(runner.stop(id).status).toBe('STOPPED');
    await until(() => runner.runningCount === 0, 1_000);
    expect(store.claim('other', ['ship:A'], 1)).toBeUndefined();
    expect(await runner.recover()).toBe(0);
    expect(events.map((e) => e.type)).toContain('ContainerStopped');
  });

  it('resumes containers a crash (RUNNING) or a stop (INTERRUPTED) left, re-claiming their resources', async () => {
    const { store, runner } = setup();
    const crashed = Container.create({
      id: 'c1',
      player: null,
      commandType: 'Wait',
      payload: { seconds: 0 },
      claims: ['ship:A'],
      now: 1,
    });
    crashed.start(1);
    const stopped = Container.create({
      id: 'c2',
      player: null,
      commandType: 'Wait',
      payload: { seconds: 0 },
      claims: [],
      now: 2,
    });
    stopped.start(2);
    stopped.interrupt();
    store.save(crashed);
    store.save(stopped);
    expect(await runner.recover()).toBe(2);
    await until(() => store.list().every((c) => c.status === 'COMPLETED'));
    expect(store.logs('c1', {}).map((l) => l.message)).toContain('resuming after a daemon crash');
    expect(store.logs('c2', {}).map((l) => l.message)).toContain('resuming after a daemon stop');
  });

  it('on shutdown interrupts what runs, to resume on the next start', async () => {
    const { store, runner } = setup();
    const { id } = runner.submit({ type: 'Wait', payload: { seconds: 3600 }, player: null });
    await runner.shutdown();
    expect(store.find(id)!.status).toBe('INTERRUPTED');
    expect(runner.runningCount).toBe(0);
  });

  it('on shutdown stops waiting for a job that ignores its stop signal after the grace; the job stays resumable', async () => {
    const { store, runner } = setup();
    const { id } = runner.submit({ type: 'Hang', payload: {}, player: null });
    const started = Date.now();
    expect(await runner.shutdown(200)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(store.find(id)!.status).toBe('INTERRUPTED');
  });

  it("fires a job's stop signal with ContainerCancelledError, what its sleeps and requests then end with", async () => {
    const { store, runner } = setup();
    Listen.signals = [];
    const { id } = runner.submit({ type: 'Listen', payload: {}, player: null });
    await until(() => Listen.signals.length === 1);
    expect(await runner.shutdown(1_000)).toBe(true);
    expect(Listen.signals[0]!.reason).toBeInstanceOf(ContainerCancelledError);
    expect(store.find(id)!.status).toBe('INTERRUPTED');
  });
});
