import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { AppError } from '../../domain/errors.js';

export type DaemonMethod = (params: Record<string, unknown>) => Promise<unknown> | unknown;

/**
 * The daemon's unix socket (mode 0600): newline-delimited JSON requests `{method, params}`, each
 * answered by `{result}` or `{error}`. A malformed or unknown message gets an error reply; nothing a
 * client sends can bring the daemon down.
 */
export class SocketDaemonServer {
  private server?: Server;

  constructor(
    private readonly socketPath: string,
    private readonly methods: Record<string, DaemonMethod>,
  ) {}

  async listen(): Promise<void> {
    if (existsSync(this.socketPath)) rmSync(this.socketPath);
    this.server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.socketPath, () => resolve());
    });
    chmodSync(this.socketPath, 0o600);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    if (existsSync(this.socketPath)) rmSync(this.socketPath);
  }

  private serve(socket: Socket): void {
    let buffer = '';
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      if (buffer.length > 1 << 20) {
        socket.end(`${JSON.stringify({ error: 'message too large' })}\n`);
        return;
      }
      for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        void this.answer(line).then((reply) => {
          if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
        });
      }
    });
  }

  private async answer(line: string): Promise<{ result?: unknown; error?: string; exitCode?: number }> {
    let message: { method?: unknown; params?: unknown };
    try {
      message = JSON.parse(line);
    } catch {
      return { error: 'malformed message: expected one JSON object per line', exitCode: 2 };
    }
    const method = typeof message?.method === 'string' ? this.methods[message.method] : undefined;
    if (!method) return { error: `unknown daemon method ${JSON.stringify(message?.method)}`, exitCode: 2 };
    try {
      const params =
        message.params && typeof message.params === 'object' ? (message.params as Record<string, unknown>) : {};
      return { result: (await method(params)) ?? null };
    } catch (error) {
      return {
        error: error instanceof Error ? error.message : String(error),
        exitCode: error instanceof AppError ? error.exitCode : 1,
      };
    }
  }
}
