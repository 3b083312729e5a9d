import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';

/** A diagnostic command for the daemon: wait some seconds, logging each one, optionally claiming resources. */
export class Wait extends Command<{ waited: number }> {
  readonly seconds: number;
  readonly resources: string[];

  constructor(props: { seconds?: number; resources?: string[] } = {}) {
    super();
    this.seconds = props.seconds ?? 1;
    this.resources = props.resources ?? [];
  }

  override validate(): void {
    if (!Number.isFinite(this.seconds) || this.seconds < 0 || this.seconds > 86_400)
      throw new ValidationError('seconds must be a number from 0 to 86400');
  }

  claims(): string[] {
    return this.resources;
  }
}

@injectable()
export class WaitHandler implements RequestHandler<Wait> {
  constructor(
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.Logger) private readonly logger: Logger,
  ) {}

  async handle(request: Wait): Promise<{ waited: number }> {
    for (let second = 1; second <= Math.ceil(request.seconds); second++) {
      await this.clock.sleep(Math.min(1, request.seconds - (second - 1)) * 1000);
      this.logger.info({ second }, `waited ${second} of ${request.seconds} s`);
    }
    return { waited: request.seconds };
  }
}
