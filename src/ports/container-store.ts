import type { Container, ContainerStatus } from '../domain/containers/container.js';

export interface ContainerLogLine {
  id: number;
  containerId: string;
  at: number;
  level: string;
  message: string;
}

/** Where the daemon keeps its containers, their exclusive claims and their logs. */
export interface ContainerStore {
  save(container: Container): void;
  find(id: string): Container | undefined;
  list(statuses?: readonly ContainerStatus[]): Container[];
  /**
   * Claims every resource for the container, all or none, atomically. Returns the conflicting
   * holder when another container holds one of them; re-claiming one's own resources succeeds.
   */
  claim(
    containerId: string,
    resources: readonly string[],
    now: number,
  ): { resource: string; holder: string } | undefined;
  release(containerId: string): void;
  /** Releases some of a container's claims (a trader moving on from a route), keeping the others. */
  unclaim(containerId: string, resources: readonly string[]): void;
  /** Every claim whose resource starts with `prefix` (e.g. `route:`), and who holds it. */
  claimed(prefix: string): Array<{ resource: string; holder: string }>;
  appendLog(containerId: string, level: string, message: string, at: number): void;
  logs(containerId: string, options: { afterId?: number; minLevel?: string; limit?: number }): ContainerLogLine[];
}

export const LOG_LEVEL_RANK: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
};
