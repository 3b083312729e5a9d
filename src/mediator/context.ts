import { AsyncLocalStorage } from 'node:async_hooks';
import type { WorkClass } from '../ports/work-class.js';
import type { UnitOfWork } from './unit-of-work.js';

/** What every piece of code running on behalf of a request can know about it. */
export interface RequestContext {
  readonly requestName: string;
  readonly requestId: string;
  readonly correlationId: string;
  /** 0 for the request the caller sent, 1 for a request its handler sent, ... */
  readonly depth: number;
  /** The root command's unit of work, shared by every nested request. */
  unitOfWork?: UnitOfWork;
  /** What the work is for: the nearest enclosing request that declares a class decides (see Request.workClass). */
  readonly workClass?: WorkClass;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentUnitOfWork(): UnitOfWork | undefined {
  return storage.getStore()?.unitOfWork;
}

/** The work class of the request running now, for the API client's rate limiter (the CurrentWorkClass port). */
export function currentWorkClass(): WorkClass | undefined {
  return storage.getStore()?.workClass;
}

/** The current request's name and ids, for every log line written on its behalf. */
export function requestLogFields(): object {
  const context = storage.getStore();
  return context
    ? { requestName: context.requestName, requestId: context.requestId, correlationId: context.correlationId }
    : {};
}

/** Runs `fn` outside any request: what it starts (a container's own root command) opens its own unit of work. */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function runInContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}
