import { randomUUID } from 'node:crypto';
import type { WorkClass } from '../ports/work-class.js';

export type RequestKind = 'command' | 'query';

/**
 * Base of every message sent through the mediator. The type parameter is the handler's result, so
 * `mediator.send(new GetPlayer(...))` is typed by the request alone. Requests take one plain props
 * object in their constructor, which is also their JSON payload (see MessageRegistry).
 */
export abstract class Request<TResult> {
  /**
   * What the work this request starts is for (revenue or scouting): it holds for every request sent
   * while this one runs, unless a nested one declares its own. Undeclared: inherited, else none.
   */
  static readonly workClass?: WorkClass;
  /** Phantom field carrying the result type; never set at run time. */
  declare readonly __result?: TResult;
  abstract readonly kind: RequestKind;
  readonly requestId: string = randomUUID();
  /** Set by the mediator: inherited from the enclosing request, else this request's own id. */
  correlationId?: string;

  /** Throw a ValidationError when the request cannot be handled as given. */
  validate?(): void;
}

/** A request that changes state: it runs inside a unit of work. */
export abstract class Command<TResult = void> extends Request<TResult> {
  readonly kind = 'command' as const;

  /**
   * Resources the command holds exclusively while it runs as a daemon container, as `kind:name`
   * keys (e.g. `ship:NOVA-1-1`): the runner claims them all or none before it starts. None by default.
   */
  claims(): readonly string[] {
    return [];
  }
}

/** A request that only reads: no unit of work is opened for it. */
export abstract class Query<TResult> extends Request<TResult> {
  readonly kind = 'query' as const;
}

type ResultOf<R> = R extends Request<infer T> ? T : never;

/** A request's class, whatever its props type (each class takes its own, so none is assumed here). */
export type RequestClass<R extends Request<unknown> = Request<unknown>> = new (props: never) => R;

export interface RequestHandler<R extends Request<unknown>> {
  handle(request: R): Promise<ResultOf<R>>;
}
