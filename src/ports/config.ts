/** The resolved configuration every part of the bot reads (loaded by src/config/). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  apiUrl: string;
  dbPath: string;
  logLevel: LogLevel;
  accountToken?: string;
  player?: string;
  requestTimeoutMs: number;
  /**
   * The client's rate limit until the server advertises its own (x-ratelimit-limit-* headers), which
   * it then follows; `override` (set by SPACETRADERS_RATE_LIMIT) keeps these figures regardless.
   */
  rateLimit: { perSecond: number; burst: number; burstWindowSeconds: number; override?: boolean };
  /**
   * fuelPrice: credits per market unit of FUEL, used when no market in view shows one.
   * creditsPerSecond: what a second of a ship's time is worth; when set, routes weigh fuel's cost
   * against time (null: the fastest route).
   */
  planner: { fuelReserve: number; refuelStopSeconds: number; fuelPrice: number; creditsPerSecond: number | null };
  sandbox: { host: string; port: number; seed: number };
  /** retentionDays: market observations older than this are pruned when a newer one is stored (default 7). */
  markets?: { retentionDays: number };
}
