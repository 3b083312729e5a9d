import { AppError } from '../domain/errors.js';
import { processSecrets } from '../domain/player/secrets.js';

const DETAIL_LEVELS = new Set(['debug', 'trace']);

/**
 * Turns any failure into the one line the player sees and the process exit code. With
 * `--log-level debug` (or trace, or LOG_LEVEL=debug) the stack follows, as the hint promises. Every
 * secret the process knows is scrubbed from what is written.
 */
export function reportError(
  error: unknown,
  writeErr: (text: string) => void = (text) => process.stderr.write(text),
  logLevel: string | undefined = process.env.LOG_LEVEL,
): number {
  const write = (text: string) => writeErr(processSecrets.scrub(text));
  const details = DETAIL_LEVELS.has(logLevel ?? '');
  if (error instanceof AppError) {
    // The game's refusals already read "error 4203: …"; everything else gets the plain prefix.
    write(API_REFUSAL.test(error.message) ? `${error.message}\n` : `error: ${error.message}\n`);
    if (details && error.stack) write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(
    `error: unexpected failure: ${firstLine(message)}${details ? '' : ' (run with --log-level debug for details)'}\n`,
  );
  if (details) write(`${error instanceof Error && error.stack ? error.stack : message}\n`);
  return 1;
}

const API_REFUSAL = /^error \d+: /;

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
