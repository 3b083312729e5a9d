import type { PipelineBehavior } from './behavior.js';
import { currentContext, runInContext, type RequestContext } from './context.js';
import { HandlerNotFoundError } from './errors.js';
import type { Request, RequestClass, RequestHandler } from './request.js';

type HandlerSource = RequestHandler<never> | (() => RequestHandler<never>);

interface Registration {
  source: HandlerSource;
  handler?: RequestHandler<Request<unknown>>;
}

/**
 * Routes each request to the one handler registered for its class, through the pipeline
 * behaviors. Nested sends (a handler sending another request) inherit the correlation id, the
 * root command's unit of work and the work class (unless they declare their own) through AsyncLocalStorage.
 */
export class Mediator {
  private readonly registrations = new Map<RequestClass, Registration>();

  constructor(private readonly behaviors: readonly PipelineBehavior[] = []) {}

  /** Register a handler instance, or a factory called once on first use (lazy resolution). */
  register<R extends Request<unknown>>(
    type: RequestClass<R>,
    handler: RequestHandler<R> | (() => RequestHandler<R>),
  ): this {
    if (this.registrations.has(type)) throw new Error(`a handler for ${type.name} is already registered`);
    this.registrations.set(type, { source: handler as HandlerSource });
    return this;
  }

  registeredTypes(): string[] {
    return [...this.registrations.keys()].map((type) => type.name).sort();
  }

  send<T>(request: Request<T>): Promise<T> {
    const registration = this.registrations.get(request.constructor as RequestClass);
    if (!registration) return Promise.reject(new HandlerNotFoundError(request.constructor.name));
    const handler = (registration.handler ??= resolve(registration.source));
    const parent = currentContext();
    const correlationId = (request.correlationId ??= parent?.correlationId ?? request.requestId);
    const context: RequestContext = {
      requestName: request.constructor.name,
      requestId: request.requestId,
      correlationId,
      depth: parent ? parent.depth + 1 : 0,
      unitOfWork: parent?.unitOfWork,
      workClass: (request.constructor as typeof Request).workClass ?? parent?.workClass,
    };
    return runInContext(context, () => this.invoke(0, request, context, handler)) as Promise<T>;
  }

  private invoke(
    index: number,
    request: Request<unknown>,
    context: RequestContext,
    handler: RequestHandler<Request<unknown>>,
  ): Promise<unknown> {
    const behavior = this.behaviors[index];
    if (!behavior) return handler.handle(request);
    return behavior.handle(request, context, () => this.invoke(index + 1, request, context, handler));
  }
}

function resolve(source: HandlerSource): RequestHandler<Request<unknown>> {
  const handler = typeof source === 'function' ? source() : source;
  return handler as unknown as RequestHandler<Request<unknown>>;
}
