import type { App } from '../composition-root.js';
import { ValidationError } from '../domain/errors.js';
import type { Request } from '../mediator/request.js';

/** Hands a command to the background daemon and returns its container id. */
export async function submitToDaemon(_app: App, request: Request<unknown>): Promise<string> {
  throw new ValidationError(`the daemon is not available yet: run the command without --background (${request.constructor.name})`);
}
