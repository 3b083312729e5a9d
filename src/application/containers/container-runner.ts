import { randomUUID } from 'node:crypto';
import { inject, injectable } from 'inversify';
import { ContainerEvents } from '../../domain/containers/container-events.js';
import { Container, RESUMABLE, type ContainerState } from '../../domain/containers/container.js';
import { AppError, ConflictError, NotFoundError } from '../../domain/errors.js';
import { outsideRequest } from '../../mediator/context.js';
import type { Mediator } from '../../mediator/mediator.js';
import type { MessageRegistry } from '../../mediator/message-registry.js';
import { ServerUnavailableError } from '../../ports/api-errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ContainerStore } from '../../ports/container-store.js';
import type { StoredCommand } from '../../ports/daemon-control.js';
import type { EventRecorder } from '../../ports/event-recorder.js';
import { TOKENS } from '../../ports/tokens.js';
import { ContainerCancelledError, runInContainer } from './container-scope.js';
import { prepareStoredCommand } from './stored-command.js';

interface Running {
  abort: AbortController;
  done: Promise<void>;
}

/**
 * Runs stored commands as containers through the mediator, each in its own async context (for its
 * logs and its stop signal), holding its claims exclusively, restarting retryable failures with
 * backoff, and resuming the containers a daemon stop or crash left unfinished.
 */
@injectable()
export class ContainerRunner {
  private readonly running = new Map<string, Running>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing = false;

  constructor(
    @inject(TOKENS.ContainerStore) private readonly store: ContainerStore,
    @inject(TOKENS.Mediator) private readonly mediator: Mediator,
    @inject(TOKENS.MessageRegistry) private readonly messages: MessageRegistry,
    @inject(TOKENS.EventRecorder) private readonly events: EventRecorder,
    @inject(TOKENS.Clock) private readonly clock: Clock,
  ) {}

  /** Validates and stores a new container, claims its resources and starts it; refuses when another holds one. */
  submit(command: StoredCommand): ContainerState {
    const prepared = prepareStoredCommand(this.messages, command.type, command.payload);
    const container = Container.create({
      id: randomUUID().slice(0, 8),
      player: command.player,
      commandType: prepared.type,
      payload: prepared.payload,
      claims: prepared.claims,
      now: this.clock.now(),
    });
    const conflict = this.store.claim(container.id, prepared.claims, this.clock.now());
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
      const conflict = this.store.claim(container.id, container.snapshot().claims, this.clock.now());
      if (conflict) {
        container.fail(`cannot re-claim ${conflict.resource}: held by ${conflict.holder}`, false, this.clock.now());
        this.store.save(container);
        continue;
      }
      const after = container.status === 'INTERRUPTED' ? 'a daemon stop' : 'a daemon crash';
      this.log(container.id, 'info', `resuming after ${after}`);
      if (container.status === 'RUNNING') container.interrupt();
      this.launch(container);
    }
    return unfinished.length;
  }

  /** The player stops a container for good: its claims are released and it never resumes. */
  stop(id: string): ContainerState {
    const container = this.require(id);
    container.stop(this.clock.now());
    this.store.save(container);
    this.store.release(id);
    this.running.get(id)?.abort.abort(new ContainerCancelledError(id));
    this.log(id, 'warn', 'stopped by the player');
    void this.events.record(ContainerEvents.stopped(id, this.clock.now()));
    return container.snapshot();
  }

  /**
   * Graceful daemon stop: running containers become INTERRUPTED (they resume on the next start) and
   * their stop signals fire, which ends their sleeps, rate-limit waits, retries and requests at once.
   * Waits for them at most `graceMs`; answers whether every one ended within it.
   */
  async shutdown(graceMs = Number.POSITIVE_INFINITY): Promise<boolean> {
    this.closing = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const container of this.store.list(RESUMABLE)) {
      container.interrupt();
      this.store.save(container);
      this.log(container.id, 'warn', 'interrupted: the daemon is stopping; it resumes on the next start');
      await this.events.record(ContainerEvents.interrupted(container.id, this.clock.now()));
    }
    for (const [id, run] of this.running) run.abort.abort(new ContainerCancelledError(id));
    const ended = Promise.allSettled([...this.running.values()].map((run) => run.done)).then(() => true);
    if (!Number.isFinite(graceMs)) return ended;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    try {
      return await Promise.race([ended, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  get runningCount(): number {
    return this.running.size;
  }

  private launch(container: Container): void {
    if (this.closing) return;
    container.start(this.clock.now());
    this.store.save(container);
    const state = container.snapshot();
    const abort = new AbortController();
    // A container is a root command even when another container (the fleet coordinator) submitted it.
    const done = outsideRequest(() =>
      runInContainer({ containerId: container.id, signal: abort.signal }, async () => {
        this.log(container.id, 'info', `started ${state.commandType} (attempt ${state.attempts})`);
        await this.events.record(
          ContainerEvents.started(container.id, state.commandType, state.attempts, this.clock.now()),
        );
        try {
          await this.mediator.send(this.messages.rebuild(state.commandType, state.payload));
          this.finished(container.id, undefined);
        } catch (error) {
          this.finished(container.id, error);
        }
      }),
    ).finally(() => this.running.delete(container.id));
    this.running.set(container.id, { abort, done });
  }

  private finished(id: string, error: unknown): void {
    const container = this.require(id);
    if (container.status !== 'RUNNING') return; // stopped or interrupted meanwhile: already recorded
    const now = this.clock.now();
    if (error === undefined) {
      container.complete(now);
      this.store.save(container);
      this.store.release(id);
      this.log(id, 'info', 'completed');
      void this.events.record(ContainerEvents.completed(id, now));
      return;
    }
    if (error instanceof ContainerCancelledError) return;
    const reason = error instanceof Error ? error.message : String(error);
    // Input and game-rule errors would only fail again; outages and bugs may pass.
    const retryable = error instanceof ServerUnavailableError || !(error instanceof AppError);
    const delay = container.fail(reason, retryable, now);
    this.store.save(container);
    if (delay === undefined) {
      this.store.release(id);
      this.log(id, 'error', `failed: ${reason}`);
      void this.events.record(ContainerEvents.failed(id, reason, now));
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
    this.store.appendLog(id, level, message, this.clock.now());
  }
}
