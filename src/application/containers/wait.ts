import { inject, injectable } from 'inversify';
import { requireClaims } from '../../domain/containers/claims.js';
import { ValidationError } from '../../domain/errors.js';
import { Command, type RequestHandler } from '../../mediator/request.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import { TOKENS } from '../../ports/tokens.js';

/** The longest wait: a day. */
const MAX_SECONDS = 86_400;

/** A diagnostic command for the daemon: wait some seconds, logging each one, optionally claiming resources. */
export class Wait extends Command<{ waited: number }> {
  readonly seconds: number;
  readonly resources: string[];

  // Props come from JSON when the command is stored: defaults apply to absent fields only, and
  // validate() checks every field's type (null or "5" is refused, not replaced).
  constructor(props: { seconds?: number; resources?: string[] } = {}) {
    super();
    this.seconds = props.seconds === undefined ? 1 : props.seconds;
    this.resources = props.resources === undefined ? [] : props.resources;
  }

  override validate(): void {
    if (
      typeof this.seconds !== 'number' ||
      !Number.isFinite(this.seconds) ||
      this.seconds < 0 ||
      this.seconds > MAX_SECONDS
    )
      throw new ValidationError(`seconds must be a number from 0 to ${MAX_SECONDS}`);
    requireClaims(this.resources, 'resources');
  }

  override claims(): string[] {
    return requireClaims(this.resources, 'resources');
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
