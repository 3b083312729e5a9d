import { ValidationError } from '../../domain/errors.js';
import type { DaemonControl } from '../../ports/daemon-control.js';
import { type SocketMethod, UnixSocketServer } from './unix-socket-server.js';

/**
 * The daemon's socket: the explicit table of what a client may ask, each turned into a call on
 * the daemon with its parameters checked. Nothing else answers.
 */
export function daemonSocketServer(socketPath: string, daemon: DaemonControl): UnixSocketServer {
  const methods = new Map<string, SocketMethod>([
    ['ping', () => daemon.status()],
    [
      'submit',
      (params) =>
        daemon.submit({
          type: text(params.type, 'submit needs a command "type"'),
          payload: params.payload === undefined ? {} : params.payload,
          player:
            params.player === undefined || params.player === null
              ? null
              : text(params.player, '"player" must be a string'),
        }),
    ],
    ['stop', (params) => daemon.stop(text(params.id, 'stop needs a container "id"'))],
    ['shutdown', () => daemon.shutdown()],
  ]);
  return new UnixSocketServer(socketPath, methods);
}

function text(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(message);
  return value;
}
