import type { ContainerState } from '../domain/containers/container.js';

/** A command to store and run as a container: its type name and JSON payload, as the message registry knows them. */
export interface StoredCommand {
  type: string;
  payload: unknown;
  /** The agent it acts for, or null for the default player at run time. */
  player: string | null;
}

export interface DaemonStatus {
  pid: number;
  /** Containers running in the daemon now. */
  running: number;
}

/**
 * What the daemon offers its clients (the CLI, the soak run): the daemon implements it, the
 * unix-socket adapter serves it and its client speaks it.
 */
export interface DaemonControl {
  status(): Promise<DaemonStatus>;
  submit(command: StoredCommand): Promise<ContainerState>;
  stop(containerId: string): Promise<ContainerState>;
  /** Stops the daemon gracefully; the reply comes before it is gone. */
  shutdown(): Promise<{ stopping: true }>;
}
