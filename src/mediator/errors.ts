import { AppError } from '../domain/errors.js';

export class HandlerNotFoundError extends AppError {
  constructor(readonly requestType: string) {
    super(`no handler registered for ${requestType}`, 'HANDLER_NOT_FOUND');
  }
}

export class UnknownMessageTypeError extends AppError {
  override readonly exitCode = 2;
  constructor(
    readonly messageType: string,
    known: string[],
  ) {
    super(`unknown command type "${messageType}" (known: ${known.join(', ')})`, 'UNKNOWN_MESSAGE');
  }
}

export class LockTimeoutError extends AppError {
  constructor(
    readonly resource: string,
    readonly holder: string,
    timeoutMs: number,
  ) {
    super(`${resource} is held by ${holder}; gave up after ${timeoutMs} ms`, 'LOCK_TIMEOUT');
  }
}
