import type { App } from '../composition-root.js';
import type { Request } from '../mediator/request.js';
import { daemonPaths } from '../adapters/daemon/daemon-paths.js';
import { SocketDaemonClient } from '../adapters/daemon/socket-daemon-client.js';

export function daemonClient(dbPath: string): SocketDaemonClient {
  return new SocketDaemonClient(daemonPaths(dbPath).socket);
}

/** Hands a command to the background daemon and returns its container id. */
export async function submitToDaemon(app: App, request: Request<unknown>, player?: string): Promise<string> {
  const { type, payload } = app.messages.serialize(request);
  const container = await daemonClient(app.config.dbPath).call<{ id: string }>('submit', {
    type,
    payload,
    player: player ?? null,
  });
  return container.id;
}
