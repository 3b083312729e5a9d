import { DomainRuleError } from '../errors.js';

/**
 *            start            success
 * STARTING ---------> RUNNING ---------> COMPLETED
 *                       |  \\---failure--> FAILED   (or back to STARTING while restarts are left)
 *                       |---daemon stops--> INTERRUPTED --daemon starts--> RUNNING
 *                       \\---player stops--> STOPPED
 * A crashed daemon leaves RUNNING behind; on the next start RUNNING, INTERRUPTED and STARTING resume.
 */
export type ContainerStatus = 'STARTING' | 'RUNNING' | 'INTERRUPTED' | 'COMPLETED' | 'FAILED' | 'STOPPED';

export const RESUMABLE: readonly ContainerStatus[] = ['STARTING', 'RUNNING', 'INTERRUPTED'];
const FINISHED: readonly ContainerStatus[] = ['COMPLETED', 'FAILED', 'STOPPED'];

const ALLOWED: Record<ContainerStatus, readonly ContainerStatus[]> = {
  STARTING: ['RUNNING', 'STOPPED', 'INTERRUPTED', 'FAILED'],
  RUNNING: ['COMPLETED', 'FAILED', 'STARTING', 'INTERRUPTED', 'STOPPED'],
  INTERRUPTED: ['RUNNING', 'STARTING', 'STOPPED'],
  COMPLETED: [],
  FAILED: [],
  STOPPED: [],
};

export interface RestartPolicy {
  /** How many times a failed run is started again. */
  maxRestarts: number;
  /** Delay before restart n (1-based): baseDelayMs * 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/**
 * A run that lasted this long before it failed was healthy: its failure starts the count of restarts
 * afresh, so a container that runs until stopped (a coordinator, a miner) outlives the occasional
 * outage, while one failing again within seconds of every start still gives up.
 */
const HEALTHY_RUN_MS = 60_000;

export interface ContainerState {
  id: string;
  player: string | null;
  commandType: string;
  payload: Record<string, unknown>;
  /** Resources the command holds exclusively while it runs, e.g. ship:NOVA-1-1. */
  claims: string[];
  status: ContainerStatus;
  restartPolicy: RestartPolicy;
  /** Runs started so far (the first run is 1; a resumption is no new run; a failure after a healthy run counts from 1 again). */
  attempts: number;
  exitReason: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** A long operation the daemon runs: a stored command, its lifecycle and restart policy. */
export class Container {
  constructor(private state: ContainerState) {}

  static create(props: {
    id: string;
    player: string | null;
    commandType: string;
    payload: Record<string, unknown>;
    claims: string[];
    now: number;
    restartPolicy?: RestartPolicy;
  }): Container {
    return new Container({
      id: props.id,
      player: props.player,
      commandType: props.commandType,
      payload: props.payload,
      claims: [...props.claims].sort(),
      status: 'STARTING',
      restartPolicy: props.restartPolicy ?? DEFAULT_RESTART_POLICY,
      attempts: 0,
      exitReason: null,
      createdAt: props.now,
      startedAt: null,
      finishedAt: null,
    });
  }

  get id(): string {
    return this.state.id;
  }

  get status(): ContainerStatus {
    return this.state.status;
  }

  snapshot(): ContainerState {
    return structuredClone(this.state);
  }

  get finished(): boolean {
    return FINISHED.includes(this.state.status);
  }

  /** A run starts; resuming after a daemon stop or crash is the same attempt, not a restart. */
  start(now: number): void {
    const resumed = this.state.status === 'INTERRUPTED' && this.state.attempts > 0;
    this.move('RUNNING');
    if (!resumed) this.state.attempts += 1;
    this.state.startedAt = now;
  }

  complete(now: number): void {
    this.finish('COMPLETED', null, now);
  }

  /** A run failed: try again later (returns the delay) while restarts are left, else FAILED. */
  fail(reason: string, retryable: boolean, now: number): number | undefined {
    if (this.state.startedAt !== null && now - this.state.startedAt >= HEALTHY_RUN_MS) this.state.attempts = 1;
    const restartsUsed = Math.max(0, this.state.attempts - 1);
    if (retryable && restartsUsed < this.state.restartPolicy.maxRestarts) {
      this.move('STARTING');
      this.state.exitReason = reason;
      const { baseDelayMs, maxDelayMs } = this.state.restartPolicy;
      return Math.min(maxDelayMs, baseDelayMs * 2 ** restartsUsed);
    }
    this.finish('FAILED', reason, now);
    return undefined;
  }

  /** The daemon is going down gracefully: resume on the next start. */
  interrupt(): void {
    if (this.finished) return;
    this.move('INTERRUPTED');
    this.state.exitReason = 'daemon stopped';
  }

  /** The player stopped it: it will not resume. */
  stop(now: number): void {
    if (this.finished)
      throw new DomainRuleError(`container ${this.state.id} already ${this.state.status.toLowerCase()}`);
    this.finish('STOPPED', 'stopped by the player', now);
  }

  private finish(status: ContainerStatus, reason: string | null, now: number): void {
    this.move(status);
    this.state.exitReason = reason;
    this.state.finishedAt = now;
  }

  private move(to: ContainerStatus): void {
    if (!ALLOWED[this.state.status].includes(to))
      throw new DomainRuleError(`container ${this.state.id} cannot go from ${this.state.status} to ${to}`);
    this.state.status = to;
  }
}
