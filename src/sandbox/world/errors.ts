/** An error the sandbox answers with the real server's body: {error:{message,code,data}}. */
export class GameError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly data?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): { error: { message: string; code: number; data?: Record<string, unknown> } } {
    return { error: { message: this.message, code: this.code, ...(this.data ? { data: this.data } : {}) } };
  }
}

export const notFound = (what: string) => new GameError(404, 404, `${what} not found.`);
export const badRequest = (message: string, data?: Record<string, unknown>) => new GameError(422, 422, message, data);
