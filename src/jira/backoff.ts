/**
 * When and how long to wait before retrying a Jira call. Pure: the clock and the
 * random source come in as arguments so tests are instant and deterministic.
 *
 * Atlassian's guidance: on 429 honour `Retry-After` (seconds), else
 * `X-RateLimit-Reset` (ISO 8601 timestamp), else back off exponentially with
 * jitter; 502/503/504 and timeouts are transient; a 500 is usually a real fault,
 * so it is retried at most once.
 */
export interface RetryPolicy {
  /** Retries of a 429. */
  maxRateLimitRetries: number;
  /** Retries of a 502/503/504 or a timeout. */
  maxTransientRetries: number;
  /** Retries of a 500 (and any other 5xx). */
  maxServerErrorRetries: number;
  /** Retries when no response arrived at all (connection refused, DNS…). */
  maxNetworkRetries: number;
  /** First exponential step. */
  baseDelayMs: number;
  /** Cap on any single wait, whatever the server asked for. */
  maxDelayMs: number;
  /** Total time one client may spend waiting between retries over a whole run. */
  retryBudgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRateLimitRetries: 6,
  maxTransientRetries: 4,
  maxServerErrorRetries: 1,
  maxNetworkRetries: 1,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  retryBudgetMs: 180_000,
};

export type RetryCause = 'rate_limit' | 'transient' | 'server' | 'network';

/** Why a response may be retried; undefined when it must not be. */
export function retryCauseForStatus(status: number): RetryCause | undefined {
  if (status === 429) return 'rate_limit';
  if (status === 502 || status === 503 || status === 504) return 'transient';
  if (status >= 500) return 'server';
  return undefined;
}

export function maxRetriesFor(cause: RetryCause, policy: RetryPolicy): number {
  switch (cause) {
    case 'rate_limit':
      return policy.maxRateLimitRetries;
    case 'transient':
      return policy.maxTransientRetries;
    case 'server':
      return policy.maxServerErrorRetries;
    case 'network':
      return policy.maxNetworkRetries;
  }
}

interface HeaderReader {
  get(name: string): string | null;
}

/** The wait the server asked for, in ms, or undefined when it did not say (or said nonsense). */
export function serverHintMs(headers: HeaderReader | undefined, nowMs: number): number | undefined {
  if (!headers) return undefined;
  const retryAfter = headers.get('Retry-After')?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter); // RFC 9110 also allows an HTTP date
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  const reset = headers.get('X-RateLimit-Reset')?.trim();
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  }
  return undefined;
}

/** Exponential back-off with full jitter: uniform in [0, min(cap, base·2^retryIndex)). */
export function jitteredBackoffMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/** How long to wait before retry number `retryIndex` (0 = first retry), capped by maxDelayMs. */
export function retryDelayMs(input: {
  retryIndex: number;
  headers?: HeaderReader;
  nowMs: number;
  policy: RetryPolicy;
  random: () => number;
}): number {
  const hinted = serverHintMs(input.headers, input.nowMs);
  const delay = hinted ?? jitteredBackoffMs(input.retryIndex, input.policy, input.random);
  return Math.min(delay, input.policy.maxDelayMs);
}
