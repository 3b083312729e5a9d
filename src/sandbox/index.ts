import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ValidationError } from '../domain/errors.js';
import { checkWorld, SandboxServer } from './server/server.js';
import type { WorldState } from './world/world.js';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Travel and cooldowns run this many times faster than real time. */
  timeScale?: number;
  /** The real server's 2/s + 30 burst limit; on unless false. */
  rateLimit?: boolean;
  /**
   * With a time scale N, the limit is N × 2/s and N × 30 burst, so a game hour holds the real
   * server's number of requests; false keeps the real figures whatever the scale.
   */
  scaleRateLimit?: boolean;
  /** When set, only this account token may register agents; otherwise any non-empty one. */
  accountToken?: string;
  /** Load the world from this JSON file if it exists, and save it there on close. */
  statePath?: string;
  /** Number of generated systems. */
  systems?: number;
  /** Extra waypoints in the first system (a large system for benchmarks). */
  extraWaypoints?: number;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:4000/v2 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:4000/_sandbox */
  adminUrl: string;
  port: number;
  server: SandboxServer;
  close(): Promise<void>;
}

/** Starts the offline SpaceTraders-compatible server (the map of its files: src/sandbox/README.md). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const settings = {
    seed: options.seed ?? 1,
    systems: options.systems ?? 12,
    extraWaypoints: options.extraWaypoints,
    rateLimit: options.rateLimit ?? true,
    scaleRateLimit: options.scaleRateLimit ?? true,
    accountToken: options.accountToken,
  };
  const sandbox = new SandboxServer(settings, options.timeScale ?? 1, savedWorld(options.statePath));
  const http = createServer({ keepAliveTimeout: 30_000 }, sandbox.handle);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    baseUrl: `${origin}/v2`,
    adminUrl: `${origin}/_sandbox`,
    port,
    server: sandbox,
    close: () =>
      new Promise<void>((resolve) => {
        if (options.statePath) writeFileSync(options.statePath, JSON.stringify(sandbox.game.world));
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** The world saved at `path`, checked whole; undefined when there is no file yet; a clear error when it is not a world. */
function savedWorld(path: string | undefined): WorldState | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    return checkWorld(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`the sandbox state ${path} cannot be loaded: ${reason}`);
  }
}
