/**
 * Fault injection: what a scenario says should go wrong, and the pure bookkeeping
 * that decides, call by call, whether it does. Rules match an endpoint as
 * "METHOD /path/{template}" (globs with `*` allowed) and optionally path or query
 * parameter values; `calls` picks the 1-based numbers of the matching calls.
 */

export type Fault =
  /** Answer with this status and the API's own error body. */
  | { type: 'status'; status: 401 | 403 | 404 | 412 | 500 | 502 | 503 | 504; message?: string }
  /**
   * 429. `style: 'retry-after'` sends Retry-After; 'reset-only' sends only X-RateLimit-Reset (ISO time).
   * Until the period ends, the caller's further calls to the endpoint get 429 again with the time left.
   */
  | { type: 'rateLimit'; style?: 'retry-after' | 'reset-only'; retryAfterSeconds?: number; reason?: string }
  /** Wait, then answer normally. */
  | { type: 'delay'; ms: number }
  /** A 200 whose body is cut short: not parseable JSON. */
  | { type: 'malformedJson' }
  /** A page without isLast / isLastPage. */
  | { type: 'pagingIsLastMissing' }
  /** A page whose total (PageBean) or size (JSM) is wrong. */
  | { type: 'pagingWrongTotal'; delta?: number };

export interface FaultRule {
  /** "GET /rest/api/3/group/member", "* /rest/servicedeskapi/*", "/rest/api/3/user" (any method), or "*". */
  endpoint: string;
  /** Only calls whose path or query parameters have these values, e.g. { serviceDeskId: '2' }. */
  where?: Record<string, string>;
  /** 1-based numbers of the matching calls that fault; with neither this nor fromCall: every matching call. */
  calls?: number[];
  /** Every matching call from this 1-based number on (e.g. a token revoked mid-run). */
  fromCall?: number;
  fault: Fault;
}

export interface BurstLimit {
  endpoint: string;
  /** At most this many calls per `perMs` milliseconds; more are answered 429 like Jira's burst limit. */
  maxRequests: number;
  perMs: number;
}

export interface Scenario {
  name?: string;
  description?: string;
  faults?: FaultRule[];
  /** Every response waits mean ± jitter milliseconds (uniform). */
  latency?: { meanMs: number; jitterMs?: number };
  burstLimits?: BurstLimit[];
  /** POST /issue/{key}/notify answers 403 as Jira does when outgoing mail is off. */
  outgoingMailDisabled?: boolean;
  /** Seed for the latency jitter, so runs are repeatable. */
  seed?: number;
}

/** A period a 429 asked for: until it ends, the same caller's calls to that endpoint are refused again. */
export interface RateLimitWindow {
  untilMs: number;
  style: 'retry-after' | 'reset-only';
  reason: string;
}

export interface CallDescription {
  method: string;
  template: string;
  values: Record<string, string>;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

export function endpointMatches(pattern: string, call: Pick<CallDescription, 'method' | 'template'>): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '*') return true;
  const [first, ...rest] = trimmed.split(/\s+/);
  const methodPattern = rest.length > 0 ? first! : '*';
  const pathPattern = rest.length > 0 ? rest.join(' ') : first!;
  return globToRegExp(methodPattern.toUpperCase()).test(call.method.toUpperCase()) && globToRegExp(pathPattern).test(call.template);
}

function whereMatches(where: Record<string, string> | undefined, values: Record<string, string>): boolean {
  if (!where) return true;
  return Object.entries(where).every(([key, value]) => values[key] === value);
}

/** Decides the faults of each call; counters restart with reset(). */
export class FaultPlan {
  private readonly ruleCounts: number[];
  private readonly burstWindows: number[][];
  /** By "METHOD /template|accountId": the period the last 429 to that caller asked for. */
  private readonly rateLimitWindows = new Map<string, RateLimitWindow>();

  constructor(private scenario: Scenario) {
    this.ruleCounts = (scenario.faults ?? []).map(() => 0);
    this.burstWindows = (scenario.burstLimits ?? []).map(() => []);
  }

  get current(): Scenario {
    return this.scenario;
  }

  reset(): void {
    this.ruleCounts.fill(0);
    for (const window of this.burstWindows) window.length = 0;
    this.rateLimitWindows.clear();
  }

  /**
   * Jira: a request reissued before the Retry-After period expires fails again
   * with the same or a longer period. Every 429 opens such a window for its
   * endpoint and caller (a later, longer one extends it).
   */
  openRateLimitWindow(call: Pick<CallDescription, 'method' | 'template'>, callerId: string, window: RateLimitWindow): void {
    const key = windowKey(call, callerId);
    const existing = this.rateLimitWindows.get(key);
    if (!existing || existing.untilMs < window.untilMs) this.rateLimitWindows.set(key, window);
  }

  /** The window this caller's call would be sent into, or undefined when the endpoint is open to it. */
  rateLimitWindowAt(call: Pick<CallDescription, 'method' | 'template'>, callerId: string, nowMs: number): RateLimitWindow | undefined {
    const window = this.rateLimitWindows.get(windowKey(call, callerId));
    return window && nowMs < window.untilMs ? window : undefined;
  }

  /** The faults this call gets, in rule order. Counts the call against every rule it matches. */
  faultsFor(call: CallDescription): Fault[] {
    const hits: Fault[] = [];
    (this.scenario.faults ?? []).forEach((rule, index) => {
      if (!endpointMatches(rule.endpoint, call) || !whereMatches(rule.where, call.values)) return;
      const number = ++this.ruleCounts[index]!;
      const every = rule.calls === undefined && rule.fromCall === undefined;
      if (every || rule.calls?.includes(number) || (rule.fromCall !== undefined && number >= rule.fromCall)) hits.push(rule.fault);
    });
    return hits;
  }

  /** Jira-style burst limit: seconds to wait when this call is over a limit, else undefined. */
  burstRetryAfter(call: CallDescription, nowMs: number): number | undefined {
    let retryAfter: number | undefined;
    (this.scenario.burstLimits ?? []).forEach((limit, index) => {
      if (!endpointMatches(limit.endpoint, call)) return;
      const window = this.burstWindows[index]!;
      while (window.length > 0 && window[0]! <= nowMs - limit.perMs) window.shift();
      if (window.length >= limit.maxRequests) {
        const wait = Math.max(1, Math.ceil((window[0]! + limit.perMs - nowMs) / 1000));
        retryAfter = Math.max(retryAfter ?? 0, wait);
      } else {
        window.push(nowMs);
      }
    });
    return retryAfter;
  }
}

function windowKey(call: Pick<CallDescription, 'method' | 'template'>, callerId: string): string {
  return `${call.method.toUpperCase()} ${call.template}|${callerId}`;
}

/** Small seeded PRNG (mulberry32) for repeatable jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function latencyMs(latency: Scenario['latency'], random: () => number): number {
  if (!latency) return 0;
  const jitter = latency.jitterMs ?? 0;
  return Math.max(0, Math.round(latency.meanMs + (random() * 2 - 1) * jitter));
}

/** Applies the body-changing faults to a JSON body that was about to be sent. */
export function tamperPage(body: unknown, fault: Extract<Fault, { type: 'pagingIsLastMissing' | 'pagingWrongTotal' }>): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (fault.type === 'pagingIsLastMissing') {
    delete copy.isLast;
    delete copy.isLastPage;
  } else {
    const delta = fault.delta ?? 7;
    if (typeof copy.total === 'number') copy.total = copy.total + delta;
    else if (typeof copy.size === 'number') copy.size = copy.size + delta;
  }
  return copy;
}

/** A body that starts like the real one and stops mid-way. */
export function malformed(serialised: string): string {
  const cut = Math.max(1, Math.floor(serialised.length / 2));
  return `${serialised.slice(0, cut)}<!-- upstream timeout`;
}
