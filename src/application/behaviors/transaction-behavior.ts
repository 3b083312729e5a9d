import type { Next, PipelineBehavior } from '../../mediator/behavior.js';
import type { RequestContext } from '../../mediator/context.js';
import type { OutboxDispatcher } from '../../mediator/outbox-dispatcher.js';
import type { Request } from '../../mediator/request.js';
import { UnitOfWork } from '../../mediator/unit-of-work.js';
import type { UnitOfWorkStore } from '../../ports/unit-of-work.js';

/**
 * Gives a root command a unit of work, lets the handler (and every nested request) stage writes
 * and events in it, then flushes them in one synchronous transaction and dispatches the events.
 * Nested commands join the root's unit of work; queries pass straight through. On any error the
 * unit of work is discarded: nothing is written.
 */
export class TransactionBehavior implements PipelineBehavior {
  constructor(
    private readonly store: UnitOfWorkStore,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  async handle(request: Request<unknown>, context: RequestContext, next: Next): Promise<unknown> {
    if (request.kind !== 'command' || context.unitOfWork) return next();
    const unitOfWork = new UnitOfWork(this.store, context.correlationId, (events) => this.dispatcher.dispatch(events));
    context.unitOfWork = unitOfWork;
    let result: unknown;
    try {
      result = await next();
    } catch (error) {
      unitOfWork.discard();
      throw error;
    } finally {
      context.unitOfWork = undefined;
    }
    const events = unitOfWork.commit();
    if (events.length > 0) await this.dispatcher.dispatch(events);
    return result;
  }
}
