import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { apiErrorFrom, OutcomeUnknownError, ServerUnavailableError } from '../../ports/api-errors.js';
import type { CurrentCancellation } from '../../ports/cancellation.js';
import type { Urgency } from '../../ports/spacetraders-api.js';
import type { CurrentWorkClass } from '../../ports/work-class.js';
import type { RateLimiter } from './rate-limiter.js';
import { BadResponseError, guardResponses } from './response-guard.js';

export interface ClientOptions {
  baseUrl: string;
  timeoutMs: number;
  limiter: RateLimiter;
  /** What the running work is for (the mediator's ambient class): scouting waits behind revenue for the budget. */
  workClass?: CurrentWorkClass;
  /** The running job's stop signal: once aborted, a request in flight, waiting or backing off ends at once. */
  cancellation?: CurrentCancellation;
  /** Retries of transient failures (5xx, network, headerless 429); a 429 with retry-after is not counted. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface Call<T> {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  urgency?: Urgency;
  /**
   * For a move or a spend: after an ambiguous failure (timeout, dropped connection, 5xx once the
   * request was sent) read the state back and return the outcome if the server applied it, or
   * `undefined` if it certainly did not (then it is sent again). Without it such a call is never
   * re-sent. Idempotent calls (GETs, orbit, dock, flight mode) simply retry.
   */
  reconcile?: () => Promise<T | undefined>;
  idempotent: boolean;
}

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
/** 20,000 items: more than any list the game has (the largest, systems, has a few thousand). */
const MAX_PAGES = 1_000;
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The transport under every endpoint: axios with keep-alive, the shared rate limiter, answers held to
 * the spec (response-guard), retries of what is safe, and read-backs of what is not.
 */
export class SpaceTradersHttp {
  private readonly http: AxiosInstance;
  private readonly maxRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly options: ClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      httpAgent: new HttpAgent({ keepAlive: true }),
      httpsAgent: new HttpsAgent({ keepAlive: true }),
      headers: { accept: 'application/json' },
      validateStatus: () => true,
      transitional: { clarifyTimeoutError: true },
    });
    guardResponses(this.http, { bodyTimeoutMs: options.timeoutMs });
    this.maxRetries = options.maxRetries ?? 5;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** Every page of a paged list, 20 at a time. */
  async all<T>(
    path: string,
    token: string,
    urgency: Urgency = 'interactive',
    query: Record<string, string | undefined> = {},
  ): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const body = await this.call<{ data: T[]; meta: { total: number } }>({
        method: 'GET',
        path,
        token,
        urgency,
        idempotent: true,
        query: { ...query, page, limit: 20 },
        unwrap: false,
      } as Call<{ data: T[]; meta: { total: number } }> & { unwrap: false });
      items.push(...body.data);
      // A short page is the last, whatever `total` claims; a server paging on forever is refused.
      if (body.data.length < 20 || items.length >= body.meta.total) return items;
      if (page >= MAX_PAGES) throw new BadResponseError(200, `the server kept paging ${path} past ${MAX_PAGES} pages`);
    }
  }

  async call<T>(call: Call<T> & { unwrap?: boolean }): Promise<T> {
    const signal = this.options.cancellation?.();
    let failures = 0;
    for (;;) {
      throwIfCancelled(signal);
      // A stop while waiting for the budget leaves the slot's ticket unsettled: nothing was sent on it.
      const ticket = await untilCancelled(
        this.options.limiter.acquire(call.urgency ?? 'interactive', this.options.workClass?.()),
        signal,
      );
      let response: AxiosResponse;
      try {
        response = await this.http.request({
          method: call.method,
          url: call.path,
          data: call.body,
          params: call.query,
          headers: call.token ? { authorization: `Bearer ${call.token}` } : {},
          // A stopped job abandons a read at once; a move or a spend already sent is left to finish
          // (within the request timeout) so its answer can still be recorded, never lost by the stop.
          signal: call.idempotent ? signal : undefined,
        });
      } catch (error) {
        this.options.limiter.settle(ticket);
        if (error instanceof BadResponseError) throw error;
        throwIfCancelled(signal);
        const code = (error as { code?: string }).code ?? 'ERROR';
        const outcome = await this.afterAmbiguousFailure(
          call,
          NEVER_SENT.has(code),
          ++failures,
          `cannot reach ${this.host()} (${code})`,
        );
        if (outcome.done) return outcome.value;
        continue;
      }
      this.options.limiter.settle(ticket);
      this.options.limiter.adopt(
        header(response, 'x-ratelimit-limit-per-second'),
        header(response, 'x-ratelimit-limit-burst'),
      );
      this.options.limiter.observe(
        header(response, 'x-ratelimit-remaining'),
        Date.parse(String(response.headers['x-ratelimit-reset'] ?? '')),
      );
      if (response.status === 429) {
        const retryAfter =
          header(response, 'retry-after') ??
          (response.data as { error?: { data?: { retryAfter?: number } } })?.error?.data?.retryAfter;
        if (retryAfter !== undefined) {
          this.options.limiter.pause(retryAfter * 1000);
          continue;
        }
        if (++failures > this.maxRetries) throw apiErrorFrom(429, response.data);
        await this.backoff(failures, signal);
        continue;
      }
      if (TRANSIENT_STATUS.has(response.status)) {
        const outcome = await this.afterAmbiguousFailure(
          call,
          false,
          ++failures,
          `the server answered HTTP ${response.status}`,
          response,
        );
        if (outcome.done) return outcome.value;
        continue;
      }
      if (response.status >= 400) throw apiErrorFrom(response.status, response.data);
      if (response.status === 204) return undefined as T;
      return (call.unwrap === false ? response.data : (response.data as { data: T }).data) as T;
    }
  }

  /** Decides what follows a failure after which the request may or may not have been applied. */
  private async afterAmbiguousFailure<T>(
    call: Call<T>,
    neverSent: boolean,
    failures: number,
    reason: string,
    response?: AxiosResponse,
  ): Promise<{ done: true; value: T } | { done: false }> {
    const signal = this.options.cancellation?.();
    const mayHaveBeenApplied = !neverSent && !call.idempotent;
    if (failures > this.maxRetries) {
      if (mayHaveBeenApplied)
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}; it may have been applied (gave up after ${this.maxRetries} retries)`,
        );
      if (response) throw apiErrorFrom(response.status, response.data);
      throw new ServerUnavailableError(0, 0, `${reason}; gave up after ${this.maxRetries} retries`);
    }
    if (mayHaveBeenApplied) {
      if (!call.reconcile) {
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}; it may have been applied, so it was not sent again — check the state before retrying`,
        );
      }
      await this.backoff(failures, signal);
      let applied: T | undefined;
      try {
        applied = await call.reconcile();
      } catch (error) {
        throwIfCancelled(signal);
        const why = error instanceof Error ? error.message : String(error);
        throw new OutcomeUnknownError(
          `${reason} during ${call.method} ${call.path}, and reading the state back failed too (${why}); it may have been applied`,
        );
      }
      if (applied !== undefined) return { done: true, value: applied };
      return { done: false };
    }
    await this.backoff(failures, signal);
    return { done: false };
  }

  /** The pause before a retry: jittered, capped, and cut short (with the signal's reason) when the job is stopped. */
  private backoff(failures: number, signal: AbortSignal | undefined): Promise<void> {
    const cap = Math.min(8_000, 250 * 2 ** failures);
    const ms = cap / 2 + this.random() * (cap / 2);
    if (this.options.sleep || !signal) return untilCancelled(this.sleep(ms), signal);
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(cancelled(signal));
      const onAbort = () => {
        clearTimeout(timer);
        reject(cancelled(signal));
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private host(): string {
    return new URL(this.options.baseUrl).host;
  }
}

/** Why the job stopped: the reason it was aborted with (the daemon gives its own error). */
function cancelled(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('the request was cancelled');
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled(signal);
}

/** `work`, or the signal's reason as soon as the job is stopped (the work itself is left to finish unobserved). */
function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(cancelled(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function header(response: AxiosResponse, name: string): number | undefined {
  const value = response.headers[name];
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}
