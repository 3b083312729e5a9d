import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { currentContext } from '../../mediator/context.js';

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
  /** More fields for every line, e.g. the daemon's container id from its own async context. */
  context?: () => object;
}

/**
 * The process logger. Every line carries the request context (request name, request id and
 * correlation id) of the code that wrote it, taken from AsyncLocalStorage, so concurrent requests
 * and containers never mix their lines up and no per-request child logger is needed.
 */
export function createPinoLogger(options: LoggerOptions): PinoLogger {
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = currentContext();
        const request = context
          ? { requestName: context.requestName, requestId: context.requestId, correlationId: context.correlationId }
          : {};
        return options.context ? { ...request, ...options.context() } : request;
      },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
