import { writeFileSync } from 'node:fs';
import { ValidationError } from '../domain/errors.js';
import { processSecrets } from '../domain/player/secrets.js';

/**
 * How a command's result reaches the player: a JSON document with --json, else plain text; never
 * with a secret the process knows in it.
 */
export interface Output {
  readonly json: boolean;
  result<T>(value: T, text: (value: T) => string): void;
  line(text: string): void;
}

export function createOutput(
  json: boolean,
  writeOut: (text: string) => void = (text) => process.stdout.write(text),
): Output {
  const write = (text: string) => writeOut(processSecrets.scrub(text));
  return {
    json,
    result(value, text) {
      write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text(value)}\n`);
    },
    line(text) {
      if (!json) write(`${text}\n`);
    },
  };
}

/**
 * A reader that went away (`| head`, `| grep -q`) ends the command quietly, as it ends any Unix
 * tool: exit code 0, nothing on stderr. Any other failure to write stays an error.
 */
export function endQuietlyWhenOutputCloses(
  stream: NodeJS.EventEmitter = process.stdout,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

/** Left-aligned columns for list output. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(headers), ...rows.map(format)].join('\n');
}

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a parent of it is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** Writes a file the player named with `option`; any failure is one clear line (exit code 2). */
export function writeUserFile(option: string, path: string, content: string): void {
  try {
    writeFileSync(path, content);
  } catch (error) {
    const { code = '', message } = error as { code?: string; message: string };
    throw new ValidationError(`cannot write ${option} ${path}: ${WRITE_FAILURES[code] ?? message}`);
  }
}
