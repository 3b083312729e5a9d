import type { ContainerState } from '../domain/containers/container.js';
import type { StoredCommand } from './daemon-control.js';

/**
 * Starts a stored command as a container with its claims, as `--background` does: the daemon's own
 * container runner inside the daemon, the daemon's socket from a CLI process.
 */
export interface JobLauncher {
  submit(command: StoredCommand): Promise<ContainerState>;
  /** Stops a container for good (its claims are released at once), as `container stop` does. */
  stop(containerId: string): Promise<ContainerState>;
}
