import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { AppError } from '../../domain/errors.js';

export type SocketMethod = (params: Record<string, unknown>) => Promise<unknown> | unknown;

/** The most a client may send before its newline. */
const MAX_MESSAGE_BYTES = 1 << 20;

/**
 * A unix socket (mode 0600) serving newline-delimited JSON requests `{method, params}`, each
 * answered by `{result}` or `{error, exitCode}`. Only the methods of the explicit table answer: a
 * malformed message or any other name (`constructor`, `toString`, `__proto__`…) gets an error
 * reply, and nothing a client sends can bring the server down.
 */
export class UnixSocketServer {
  private server?: Server;

  constructor(
    private readonly socketPath: string,
    private readonly methods: ReadonlyMap<string, SocketMethod>,
  ) {}

  /** Listens, replacing any socket file left at the path: the caller owns the path (the daemon holds its lock). */
  async listen(): Promise<void> {
    mkdirSync(dirname(this.socketPath), { recursive: true, mode: 0o700 });
    if (existsSync(this.socketPath)) rmSync(this.socketPath);
    const server = createServer((socket) => this.serve(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => resolve());
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
      if (buffer.length > MAX_MESSAGE_BYTES) {
        socket.end(`${JSON.stringify({ error: 'message too large', exitCode: 2 })}\n`);
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
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return { error: 'malformed message: expected one JSON object per line', exitCode: 2 };
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message))
      return { error: 'malformed message: expected a JSON object {"method", "params"}', exitCode: 2 };
    const { method: name, params } = message as { method?: unknown; params?: unknown };
    const method = typeof name === 'string' ? this.methods.get(name) : undefined;
    if (!method) return { error: `unknown daemon method ${JSON.stringify(name) ?? 'undefined'}`, exitCode: 2 };
    if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params)))
      return { error: 'malformed message: "params" must be a JSON object', exitCode: 2 };
    try {
      return { result: (await method((params as Record<string, unknown> | undefined) ?? {})) ?? null };
    } catch (error) {
      return {
        error: error instanceof Error ? error.message : String(error),
        exitCode: error instanceof AppError ? error.exitCode : 1,
      };
    }
  }
}
