import { LockTimeoutError } from './errors.js';

interface LockState {
  owner: string;
  depth: number;
  waiters: Array<() => void>;
}

export type Release = () => void;

/**
 * Named in-process locks for resources such as ships. Several resources are always taken in
 * sorted order (so two owners asking for {A, B} and {B, A} cannot deadlock), a lock is reentrant
 * for the owner that holds it, and a wait gives up after a timeout naming the holder.
 */
export class CriticalSection {
  private readonly locks = new Map<string, LockState>();

  holder(resource: string): string | undefined {
    return this.locks.get(resource)?.owner;
  }

  async acquire(owner: string, resources: readonly string[], timeoutMs = 30_000): Promise<Release> {
    const ordered = [...new Set(resources)].sort();
    const held: string[] = [];
    const deadline = Date.now() + timeoutMs;
    try {
      for (const resource of ordered) {
        await this.acquireOne(owner, resource, deadline, timeoutMs);
        held.push(resource);
      }
    } catch (error) {
      for (const resource of held.reverse()) this.releaseOne(owner, resource);
      throw error;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const resource of [...ordered].reverse()) this.releaseOne(owner, resource);
    };
  }

  async run<T>(owner: string, resources: readonly string[], fn: () => Promise<T>, timeoutMs?: number): Promise<T> {
    const release = await this.acquire(owner, resources, timeoutMs);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private async acquireOne(owner: string, resource: string, deadline: number, timeoutMs: number): Promise<void> {
    for (;;) {
      const found = this.locks.get(resource);
      if (!found) {
        this.locks.set(resource, { owner, depth: 1, waiters: [] });
        return;
      }
      const state = found;
      if (state.owner === owner) {
        state.depth += 1;
        return;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new LockTimeoutError(resource, state.owner, timeoutMs);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, remaining);
        function wake() {
          clearTimeout(timer);
          state.waiters = state.waiters.filter((w) => w !== wake);
          resolve();
        }
        state.waiters.push(wake);
      });
    }
  }

  private releaseOne(owner: string, resource: string): void {
    const state = this.locks.get(resource);
    if (!state || state.owner !== owner) return;
    state.depth -= 1;
    if (state.depth > 0) return;
    this.locks.delete(resource);
    for (const wake of state.waiters.splice(0)) wake();
  }
}
