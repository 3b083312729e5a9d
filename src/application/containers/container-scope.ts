import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../../domain/errors.js';
import type { Clock } from '../../ports/clock.js';

/** Which container the running code belongs to, and the signal that stops it. */
interface ContainerScope {
  containerId: string;
  signal: AbortSignal;
}

const storage = new AsyncLocalStorage<ContainerScope>();

/** Runs `fn` as part of a container: every log line and sleep inside it knows which one. */
export function runInContainer<T>(scope: ContainerScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentContainer(): ContainerScope | undefined {
  return storage.getStore();
}

export class ContainerCancelledError extends AppError {
  constructor(containerId: string) {
    super(`container ${containerId} was stopped`, 'CANCELLED');
  }
}

/**
 * The daemon's clock: real time, and a sleep inside a container ends at once, with
 * ContainerCancelledError, when the container is stopped (its timer is cleared, nothing lingers).
 */
export const containerClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number): Promise<void> {
    const scope = currentContainer();
    if (!scope) return new Promise((resolve) => setTimeout(resolve, ms));
    return new Promise((resolve, reject) => {
      if (scope.signal.aborted) return reject(new ContainerCancelledError(scope.containerId));
      const timer = setTimeout(() => {
        scope.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new ContainerCancelledError(scope.containerId));
      };
      scope.signal.addEventListener('abort', onAbort, { once: true });
    });
  },
};
