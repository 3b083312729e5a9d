import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

/** Field paths whose values are secrets: pino replaces them before a line is written. */
export const REDACTED_PATHS = [
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

/**
 * The process logger. Every line carries the context of the code that wrote it (request name,
 * request id and correlation id, read from AsyncLocalStorage by `options.context`), so concurrent
 * requests and containers never mix their lines up and no per-request child logger is needed.
 */
export function createPinoLogger(options: LoggerOptions): PinoLogger {
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
