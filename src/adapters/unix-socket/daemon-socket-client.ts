import { connect } from 'node:net';
import type { ContainerState } from '../../domain/containers/container.js';
import { AppError } from '../../domain/errors.js';
import type { DaemonControl, DaemonStatus, StoredCommand } from '../../ports/daemon-control.js';

class DaemonNotRunningError extends AppError {
  constructor() {
    super('no daemon is running for this database: start one with `spacetraders daemon start`', 'NO_DAEMON');
  }
}

/** The daemon refused a request: its message and exit code, as it sent them. */
class DaemonRefusedError extends AppError {
  constructor(
    message: string,
    override readonly exitCode: number,
  ) {
    super(message, 'DAEMON_REFUSED');
  }
}

/** Talks to the daemon over its unix socket: one JSON request per line, one JSON reply per line. */
export class DaemonSocketClient implements DaemonControl {
  constructor(
    private readonly socketPath: string,
    private readonly timeoutMs = 15_000,
  ) {}

  /** The same client with another answer timeout (a quick liveness probe). */
  withTimeout(timeoutMs: number): DaemonSocketClient {
    return new DaemonSocketClient(this.socketPath, timeoutMs);
  }

  status(): Promise<DaemonStatus> {
    return this.call('ping');
  }

  submit(command: StoredCommand): Promise<ContainerState> {
    return this.call('submit', { type: command.type, payload: command.payload, player: command.player });
  }

  stop(containerId: string): Promise<ContainerState> {
    return this.call('stop', { id: containerId });
  }

  shutdown(): Promise<{ stopping: true }> {
    return this.call('shutdown');
  }

  /** One request, one reply; exported for tests of the protocol. */
  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.socketPath);
      let buffer = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new AppError(`the daemon did not answer ${method} within ${this.timeoutMs / 1000} s`));
      }, this.timeoutMs);
      socket.on('connect', () => socket.write(`${JSON.stringify({ method, params })}\n`));
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        const end = buffer.indexOf('\n');
        if (end === -1) return;
        clearTimeout(timer);
        socket.end();
        try {
          const reply = JSON.parse(buffer.slice(0, end)) as { result?: T; error?: string; exitCode?: number };
          if (reply.error !== undefined) reject(new DaemonRefusedError(reply.error, reply.exitCode ?? 1));
          else resolve(reply.result as T);
        } catch {
          reject(new AppError(`the daemon sent a malformed reply to ${method}`));
        }
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
