import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { LogLevel } from '../ports/config.js';

const LEVEL_VALUES: Record<LogLevel, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Number.POSITIVE_INFINITY,
};
const LEVEL_NAMES: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
/** Fields every container line has, or that its log shows already: not repeated after the message. */
const QUIET_FIELDS = new Set(['level', 'time', 'msg', 'containerId', 'requestName', 'requestId', 'correlationId']);

/** The containers' own logs keep info lines whatever the daemon log's level. */
const CONTAINER_LOG_LEVEL: LogLevel = 'info';

/** The daemon logger's level: the more detailed of the configured one and the containers' logs'. */
export function daemonLoggerLevel(configured: LogLevel): LogLevel {
  return LEVEL_VALUES[configured] < LEVEL_VALUES[CONTAINER_LOG_LEVEL] ? configured : CONTAINER_LOG_LEVEL;
}

type ContainerLogWriter = (containerId: string, level: string, message: string, at: number) => void;

/**
 * Where the daemon's JSON log lines go: the daemon log file at the configured level (warn by
 * default, like every command), and each line written inside a container (it carries the
 * container id) to that container's own log as well.
 */
export function daemonLogSink(options: { file: string; level: LogLevel; container: ContainerLogWriter }): Writable {
  const fileMinimum = LEVEL_VALUES[options.level];
  return new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      let line: Record<string, unknown> | undefined;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // not a JSON line: kept in the daemon log as it is
      }
      if (!line || Number(line.level) >= fileMinimum) appendFileSync(options.file, text);
      if (line && typeof line.containerId === 'string') {
        const extra = Object.entries(line).filter(([key]) => !QUIET_FIELDS.has(key));
        const detail = extra.length ? ` ${JSON.stringify(Object.fromEntries(extra))}` : '';
        options.container(
          line.containerId,
          LEVEL_NAMES[Number(line.level)] ?? 'info',
          `${line.msg ?? ''}${detail}`,
          Number(line.time ?? Date.now()),
        );
      }
      done();
    },
  });
}
