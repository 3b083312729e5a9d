import { connect } from 'node:net';
import { AppError } from '../../domain/errors.js';

export class DaemonNotRunningError extends AppError {
  constructor() {
    super('no daemon is running for this database: start one with `spacetraders daemon start`', 'NO_DAEMON');
  }
}

/** Talks to the daemon over its unix socket: one JSON request per line, one JSON reply per line. */
export class SocketDaemonClient {
  constructor(private readonly socketPath: string) {}

  call<T>(method: string, params: Record<string, unknown> = {}, timeoutMs = 15_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.socketPath);
      let buffer = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new AppError(`the daemon did not answer ${method} within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      socket.on('connect', () => socket.write(`${JSON.stringify({ method, params })}\n`));
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        const end = buffer.indexOf('\n');
        if (end === -1) return;
        clearTimeout(timer);
        socket.end();
        const reply = JSON.parse(buffer.slice(0, end)) as { result?: T; error?: string; exitCode?: number };
        if (reply.error !== undefined)
          reject(Object.assign(new AppError(reply.error), { exitCode: reply.exitCode ?? 1 }));
        else resolve(reply.result as T);
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
            ? new DaemonNotRunningError()
            : new AppError(`cannot talk to the daemon: ${error.message}`),
        );
      });
    });
  }
}
