/** Faults the admin API can inject into the next matching requests. */
export interface Fault {
  method?: string;
  /** Regular expression matched against the path under /v2, e.g. "/my/ships/[^/]+/navigate". */
  path: string;
  /** How many matching requests it affects. */
  count: number;
  /** Affect each matching request only with this probability (0..1); default every one. */
  rate?: number;
  /** Answer with this status instead (500, 502, 503, 429...). */
  status?: number;
  /** For a 429: send the rate-limit headers and body (true) or a bare cloud-layer 429 (false). */
  rateLimitHeaders?: boolean;
  retryAfter?: number;
  /** Hold the request this long before handling it. */
  delayMs?: number;
  /** Close the connection without an answer: 'before' the action is applied, or 'after' it. */
  drop?: 'before' | 'after';
}

export class FaultInjector {
  private faults: Array<Fault & { pattern: RegExp }> = [];

  add(fault: Fault): void {
    if (typeof fault.path !== 'string' || !(fault.count >= 1))
      throw new Error('a fault needs a "path" pattern and a "count" >= 1');
    this.faults.push({ ...fault, pattern: new RegExp(`^${fault.path}$`) });
  }

  clear(): void {
    this.faults = [];
  }

  /** The fault that applies to this request (consuming one of its uses), if any. */
  take(method: string, path: string): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const fault = this.faults.find(
      (f) =>
        (!f.method || f.method === method) && f.pattern.test(path) && (f.rate === undefined || Math.random() < f.rate),
    );
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
