import { AppError } from '../../domain/errors.js';
import type { Next, PipelineBehavior } from '../../mediator/behavior.js';
import type { RequestContext } from '../../mediator/context.js';
import type { Request } from '../../mediator/request.js';
import type { Logger } from '../../ports/logger.js';

/**
 * Logs every request's name, ids, duration and outcome. Only names and ids are logged, never the
 * request's fields, so tokens cannot leak through here. Expected failures (AppError) log at info:
 * the CLI already tells the player; anything else is a bug and logs at error. When info is off
 * (the CLI's default), a successful request costs no logging work at all.
 */
export class LoggingBehavior implements PipelineBehavior {
  private readonly infoEnabled: boolean;

  constructor(private readonly logger: Logger) {
    this.infoEnabled = logger.isLevelEnabled?.('info') ?? true;
  }

  handle(_request: Request<unknown>, context: RequestContext, next: Next): Promise<unknown> {
    if (!this.infoEnabled) return next().catch((error: unknown) => this.failed(context, error, undefined));
    const started = performance.now();
    return next().then(
      (result) => {
        this.logger.info(
          { request: context.requestName, outcome: 'ok', durationMs: elapsed(started) },
          'request handled',
        );
        return result;
      },
      (error: unknown) => this.failed(context, error, elapsed(started)),
    );
  }

  private failed(context: RequestContext, error: unknown, durationMs: number | undefined): never {
    const fields = { request: context.requestName, outcome: 'failed', durationMs, error: describe(error) };
    if (error instanceof AppError) this.logger.info(fields, 'request failed');
    else this.logger.error(fields, 'request failed unexpectedly');
    throw error;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
