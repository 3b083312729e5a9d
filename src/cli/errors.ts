import { AppError } from '../domain/errors.js';

/** Turns any failure into the one line the player sees and the process exit code. */
export function reportError(
  error: unknown,
  writeErr: (text: string) => void = (text) => process.stderr.write(text),
): number {
  if (error instanceof AppError) {
    // The game's refusals already read "error 4203: …"; everything else gets the plain prefix.
    writeErr(API_REFUSAL.test(error.message) ? `${error.message}\n` : `error: ${error.message}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  writeErr(`error: unexpected failure: ${firstLine(message)} (run with --log-level debug for details)\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack) writeErr(`${error.stack}\n`);
  return 1;
}

const API_REFUSAL = /^error \d+: /;

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}
