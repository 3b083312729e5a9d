import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxServer } from './server.js';
import type { WorldState } from './world.js';

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  /** Travel and cooldowns run this many times faster than real time. */
  timeScale?: number;
  /** The real server's 2/s + 30 burst limit; on unless false. */
  rateLimit?: boolean;
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

/** Starts the offline SpaceTraders-compatible server (see src/sandbox/README.md). */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  const world =
    options.statePath && existsSync(options.statePath)
      ? (JSON.parse(readFileSync(options.statePath, 'utf8')) as WorldState)
      : undefined;
  const sandbox = new SandboxServer(
    {
      seed: options.seed ?? 1,
      systems: options.systems ?? 12,
      extraWaypoints: options.extraWaypoints,
      rateLimit: options.rateLimit ?? true,
      accountToken: options.accountToken,
    },
    options.timeScale ?? 1,
    world,
  );
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
