import type { RequestContext } from './context.js';
import type { Request } from './request.js';

export type Next = () => Promise<unknown>;

/**
 * A step wrapped around every handler (MediatR's pipeline behavior). The mediator runs the
 * behaviors in the order it was given them, the handler last.
 */
export interface PipelineBehavior {
  handle(request: Request<unknown>, context: RequestContext, next: Next): Promise<unknown>;
}
