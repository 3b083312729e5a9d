import { randomUUID } from 'node:crypto';
import type { App } from '../../composition-root.js';
import { Container, RESUMABLE, type ContainerState } from '../../domain/containers/container.js';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { domainEvent } from '../../domain/events.js';
import { ServerUnavailableError } from '../../ports/api-errors.js';
import type { ContainerStore } from '../../ports/container-store.js';
import { ContainerCancelledError, runInContainer } from './container-context.js';

interface Running {
  abort: AbortController;
  done: Promise<void>;
}

/**
 * The daemon's engine: runs stored commands as containers through the mediator, each in its own
 * async context (for its logs and its stop signal), holding its claims exclusively, restarting
 * retryable failures with backoff, and resuming interrupted or crashed ones from the database.
 */
export class ContainerManager {
  private readonly running = new Map<string, Running>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(
    private readonly app: App,
    private readonly store: ContainerStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Stores a new container for a command and starts it; refuses when another holds its claims. */
  async submit(commandType: string, payload: unknown, player: string | null): Promise<ContainerState> {
    if (payload && typeof payload === 'object' && Object.keys(payload).some((key) => /token/i.test(key))) {
      throw new ValidationError(
        'a command carrying a token cannot run in the daemon: containers are stored, tokens must not be',
      );
    }
    const request = this.app.messages.rebuild(commandType, payload);
    request.validate?.();
    const claims = (request as { claims?: () => string[] }).claims?.() ?? [];
    const container = Container.create({
      id: randomUUID().slice(0, 8),
      player,
      commandType,
      payload: this.app.messages.serialize(request).payload,
      claims,
      now: this.now(),
    });
    const conflict = this.store.claim(container.id, claims, this.now());
    if (conflict) {
      const holder = this.store.find(conflict.holder);
      throw new ConflictError(
        `${conflict.resource} is already claimed by container ${conflict.holder}${holder ? ` (${holder.snapshot().commandType}, ${holder.status})` : ''}`,
      );
    }
    this.store.save(container);
    this.launch(container);
    return container.snapshot();
  }

  /** Resumes every container a stop or a crash left unfinished, re-establishing its claims. */
  async recover(): Promise<number> {
    const unfinished = this.store.list(RESUMABLE);
    for (const container of unfinished) {
      const conflict = this.store.claim(container.id, container.snapshot().claims, this.now());
      if (conflict) {
        container.fail(`cannot re-claim ${conflict.resource}: held by ${conflict.holder}`, false, this.now());
        this.store.save(container);
        continue;
      }
      this.log(
        container.id,
        'info',
        `resuming after ${container.status === 'INTERRUPTED' ? 'a daemon stop' : 'a daemon crash'}`,
      );
      if (container.status === 'RUNNING') container.interrupt();
      this.launch(container);
    }
    return unfinished.length;
  }

  stop(id: string): ContainerState {
    const container = this.require(id);
    container.stop(this.now());
    this.store.save(container);
    this.store.release(id);
    this.running.get(id)?.abort.abort();
    this.log(id, 'warn', 'stopped by the player');
    void this.app.recordEvents(domainEvent('ContainerStopped', { container: id }, this.now()));
    return container.snapshot();
  }

  /** Graceful daemon stop: running containers become INTERRUPTED (they resume on the next start). */
  async shutdown(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const container of this.store.list(RESUMABLE)) {
      container.interrupt();
      this.store.save(container);
      this.log(container.id, 'warn', 'interrupted: the daemon is stopping; it resumes on the next start');
      await this.app.recordEvents(domainEvent('ContainerInterrupted', { container: container.id }, this.now()));
    }
    for (const run of this.running.values()) run.abort.abort();
    await Promise.allSettled([...this.running.values()].map((run) => run.done));
  }

  get runningCount(): number {
    return this.running.size;
  }

  private launch(container: Container): void {
    if (this.closing) return;
    container.start(this.now());
    this.store.save(container);
    const state = container.snapshot();
    const abort = new AbortController();
    const done = runInContainer({ containerId: container.id, signal: abort.signal }, async () => {
      this.log(container.id, 'info', `started ${state.commandType} (attempt ${state.attempts})`);
      await this.app.recordEvents(
        domainEvent(
          'ContainerStarted',
          { container: container.id, command: state.commandType, attempt: state.attempts },
          this.now(),
        ),
      );
      try {
        await this.app.mediator.send(this.app.messages.rebuild(state.commandType, state.payload));
        this.finished(container.id, undefined);
      } catch (error) {
        this.finished(container.id, error);
      }
    }).finally(() => this.running.delete(container.id));
    this.running.set(container.id, { abort, done });
  }

  private finished(id: string, error: unknown): void {
    const container = this.require(id);
    if (container.status !== 'RUNNING') return; // stopped or interrupted meanwhile: already recorded
    if (error === undefined) {
      container.complete(this.now());
      this.store.save(container);
      this.store.release(id);
      this.log(id, 'info', 'completed');
      void this.app.recordEvents(domainEvent('ContainerCompleted', { container: id }, this.now()));
      return;
    }
    if (error instanceof ContainerCancelledError) return;
    const reason = error instanceof Error ? error.message : String(error);
    // Input and game-rule errors would only fail again; outages and bugs may pass.
    const retryable = error instanceof ServerUnavailableError || !(error instanceof AppError);
    const delay = container.fail(reason, retryable, this.now());
    this.store.save(container);
    if (delay === undefined) {
      this.store.release(id);
      this.log(id, 'error', `failed: ${reason}`);
      void this.app.recordEvents(domainEvent('ContainerFailed', { container: id, reason }, this.now()));
      return;
    }
    this.log(id, 'warn', `failed: ${reason}; restarting in ${Math.round(delay / 1000)} s`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const current = this.store.find(id);
      if (current && current.status === 'STARTING') this.launch(current);
    }, delay);
    this.timers.add(timer);
  }

  private require(id: string): Container {
    const container = this.store.find(id);
    if (!container) throw new NotFoundError(`no container ${id} (see: spacetraders container list)`);
    return container;
  }

  private log(id: string, level: string, message: string): void {
    this.store.appendLog(id, level, message, this.now());
  }
}
