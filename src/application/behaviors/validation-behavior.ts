import type { Next, PipelineBehavior } from '../../mediator/behavior.js';
import type { RequestContext } from '../../mediator/context.js';
import type { Request } from '../../mediator/request.js';

/** Runs the request's own `validate()`; a request that fails never reaches its handler. */
export class ValidationBehavior implements PipelineBehavior {
  handle(request: Request<unknown>, _context: RequestContext, next: Next): Promise<unknown> {
    if (request.validate) {
      try {
        request.validate();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return next();
  }
}
