import { inject, injectable } from 'inversify';
import { ValidationError } from '../../domain/errors.js';
import { Query, type RequestHandler } from '../../mediator/request.js';
import type { EventLog } from '../../ports/event-log.js';
import { TOKENS } from '../../ports/tokens.js';

export interface EventView {
  id: number;
  type: string;
  occurredAt: string;
  correlationId: string | null;
  payload: Record<string, unknown>;
}

/** The most recent domain events the bot recorded, newest first. */
export class GetRecentEvents extends Query<EventView[]> {
  readonly limit: number;

  constructor(props: { limit?: number } = {}) {
    super();
    this.limit = props.limit ?? 20;
  }

  override validate(): void {
    if (!Number.isInteger(this.limit) || this.limit < 1 || this.limit > 10_000)
      throw new ValidationError('--limit must be a whole number from 1 to 10000');
  }
}

@injectable()
export class GetRecentEventsHandler implements RequestHandler<GetRecentEvents> {
  constructor(@inject(TOKENS.EventLog) private readonly events: EventLog) {}

  async handle(request: GetRecentEvents): Promise<EventView[]> {
    return this.events.recent(request.limit).map((event) => ({
      id: event.id,
      type: event.type,
      occurredAt: new Date(event.occurredAt).toISOString(),
      correlationId: event.correlationId,
      payload: { ...event.payload },
    }));
  }
}
