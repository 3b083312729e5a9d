import { daemonPaths } from '../adapters/unix-socket/daemon-paths.js';
import { DaemonSocketClient } from '../adapters/unix-socket/daemon-socket-client.js';
import type { MessageRegistry } from '../mediator/message-registry.js';
import type { Command } from '../mediator/request.js';

/** The daemon that serves this database, reached through its unix socket. */
export function daemonClient(dbPath: string): DaemonSocketClient {
  return new DaemonSocketClient(daemonPaths(dbPath).socket);
}

/** Hands a command to the database's daemon and returns its container id. */
export async function submitToDaemon(
  dbPath: string,
  messages: MessageRegistry,
  request: Command<unknown>,
  player: string | null,
): Promise<string> {
  const { type, payload } = messages.serialize(request);
  return (await daemonClient(dbPath).submit({ type, payload, player })).id;
}
