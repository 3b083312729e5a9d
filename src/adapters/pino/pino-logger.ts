import { createRequire } from 'node:module';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import type { Logger } from '../../ports/logger.js';

/** Field paths whose values are secrets: pino replaces them before a line is written. */
const REDACTED_PATHS = [
  'token',
  'agentToken',
  'accountToken',
  'authorization',
  'Authorization',
  '*.token',
  '*.agentToken',
  '*.accountToken',
  '*.authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

export interface LoggerOptions {
  level: string;
  /** Where lines go; default stderr (stdout belongs to command output). */
  destination?: DestinationStream;
  /** Fields for every line from the async context: the request's name and ids, the daemon's container id. */
  context?: () => object;
  /**
   * Applied to every finished line before it is written: the composition root passes the scrubber
   * of every secret the process knows, so a token hidden in any message or field never reaches a log.
   */
  scrub?: (line: string) => string;
}

/** pino's level numbers: a line is written when its level is at least the logger's. */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/**
 * The process logger. Every line carries the context of the code that wrote it (request name,
 * request id and correlation id, read from AsyncLocalStorage by `options.context`), so concurrent
 * requests and containers never mix their lines up and no per-request child logger is needed.
 * pino itself is loaded with the first line that is actually written: a command that logs nothing
 * at its level (most CLI commands at the default `warn`) never pays for loading it.
 */
export function createPinoLogger(options: LoggerOptions): Required<Logger> {
  const threshold = LEVELS[options.level] ?? Number.POSITIVE_INFINITY;
  let logger: PinoLogger | undefined;
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (fields: object, message?: string): void => {
      if ((LEVELS[level] ?? 0) < threshold) return;
      logger ??= buildPino(options);
      logger[level](fields, message);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    isLevelEnabled: (level) => (LEVELS[level] ?? 0) >= threshold,
  };
}

function buildPino(options: LoggerOptions): PinoLogger {
  const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino');
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => options.context?.() ?? {},
      ...(options.scrub ? { hooks: { streamWrite: options.scrub } } : {}),
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
