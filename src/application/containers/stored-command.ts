import { requireClaims } from '../../domain/containers/claims.js';
import { AppError, ValidationError } from '../../domain/errors.js';
import type { MessageRegistry } from '../../mediator/message-registry.js';
import { Command } from '../../mediator/request.js';

/** A command ready to be stored as a container: its type, its JSON payload and the resources it claims. */
interface PreparedCommand {
  type: string;
  payload: Record<string, unknown>;
  claims: string[];
}

/**
 * Checks a command as it arrives from outside (a type name and a JSON payload) exactly as the same
 * command from its CLI verb is checked, before anything is stored: the payload is an object, the
 * command rebuilds and passes its own validate(), and what is stored (the payload after a JSON round
 * trip, where Infinity becomes null) rebuilds to a command that passes it too. Whatever goes wrong
 * in the command's own code on odd input is a validation failure (exit 2), never a crash.
 */
export function prepareStoredCommand(messages: MessageRegistry, type: string, payload: unknown): PreparedCommand {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    throw new ValidationError(`the payload of ${type} must be a JSON object, e.g. {"seconds":5}`);
  if (Object.keys(payload).some((key) => /token/i.test(key)))
    throw new ValidationError(
      'a command carrying a token cannot run in the daemon: containers are stored, tokens must not be',
    );
  const stored = messages.serialize(checked(messages, type, payload)).payload;
  const claims = checked(messages, type, stored).claims();
  return { type, payload: stored, claims: requireClaims(claims, `the claims of ${type}`) };
}

function checked(messages: MessageRegistry, type: string, payload: unknown): Command<unknown> {
  try {
    const request = messages.rebuild(type, payload);
    if (!(request instanceof Command)) throw new ValidationError(`${type} is a query: only commands run in containers`);
    request.validate?.();
    request.claims();
    return request;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ValidationError(
      `the payload is not a valid ${type}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
