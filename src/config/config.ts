import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '../domain/errors.js';

import { type Config, LOG_LEVELS, type LogLevel } from '../ports/config.js';

/** config/default.json as shipped. */
export interface Defaults extends Omit<Config, 'dbPath' | 'accountToken' | 'player'> {
  dataDir: string | null;
}

/** Flags given on the command line (global options). */
export interface ConfigFlags {
  apiUrl?: string;
  db?: string;
  player?: string;
  logLevel?: string;
  accountToken?: string;
}

export function loadDefaults(): Defaults {
  return JSON.parse(readFileSync(new URL('../../config/default.json', import.meta.url), 'utf8')) as Defaults;
}

/**
 * Resolves the configuration: config/default.json, overridden by the environment, overridden by
 * command-line flags.
 */
export function resolveConfig(defaults: Defaults, env: NodeJS.ProcessEnv, flags: ConfigFlags = {}): Config {
  const logLevel = flags.logLevel ?? env.LOG_LEVEL ?? defaults.logLevel;
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ValidationError(`unknown log level "${logLevel}" (use one of ${LOG_LEVELS.join(', ')})`);
  }
  const apiUrl = (flags.apiUrl ?? env.SPACETRADERS_API_URL ?? defaults.apiUrl).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]/.test(apiUrl))
    throw new ValidationError(`invalid API URL "${apiUrl}": expected http(s)://host[:port]/v2`);
  const { dataDir, ...rest } = defaults;
  return {
    ...rest,
    rateLimit:
      env.SPACETRADERS_RATE_LIMIT === undefined
        ? defaults.rateLimit
        : parseRateLimit(env.SPACETRADERS_RATE_LIMIT, defaults.rateLimit),
    apiUrl,
    requestTimeoutMs:
      positiveInteger(env.SPACETRADERS_REQUEST_TIMEOUT_MS, 'SPACETRADERS_REQUEST_TIMEOUT_MS') ??
      defaults.requestTimeoutMs,
    logLevel: logLevel as LogLevel,
    dbPath: flags.db ?? env.SPACETRADERS_DB ?? join(dataDir ?? defaultDataDir(env), 'spacetraders.db'),
    accountToken: nonEmpty(flags.accountToken) ?? nonEmpty(env.SPACETRADERS_ACCOUNT_TOKEN),
    player: nonEmpty(flags.player) ?? nonEmpty(env.SPACETRADERS_PLAYER),
  };
}

/** Requests per second a client may send when its limit is "off" (a sandbox with --no-rate-limit). */
const UNLIMITED_PER_SECOND = 1_000_000;

/**
 * SPACETRADERS_RATE_LIMIT: "off" (no client-side limit, for a sandbox started with
 * --no-rate-limit), "N" (N requests per second, the burst pool as configured) or "N/B" (and B
 * burst requests per window).
 */
function parseRateLimit(text: string, base: Config['rateLimit']): Config['rateLimit'] {
  const value = text.trim().toLowerCase();
  if (value === 'off') return { ...base, perSecond: UNLIMITED_PER_SECOND, override: true };
  const match = /^(\d+)(?:\/(\d+))?$/.exec(value);
  if (!match || Number(match[1]) < 1)
    throw new ValidationError(
      `invalid SPACETRADERS_RATE_LIMIT "${text}": use off, N (requests per second) or N/B (and burst)`,
    );
  return {
    ...base,
    perSecond: Number(match[1]),
    ...(match[2] === undefined ? {} : { burst: Number(match[2]) }),
    override: true,
  };
}

function defaultDataDir(env: NodeJS.ProcessEnv): string {
  const base = nonEmpty(env.XDG_DATA_HOME) ?? join(env.HOME ?? homedir(), '.local', 'share');
  return join(base, 'spacetraders');
}

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (nonEmpty(text) === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(`invalid ${name} "${text}": a whole number of milliseconds`);
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The configuration as it may be shown: secrets replaced by whether they are set. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    accountToken: config.accountToken ? '<set, hidden>' : '<not set>',
    player: config.player ?? '<the default player>',
  };
}
