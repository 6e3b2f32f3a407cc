/**
 * When and how long to wait before retrying a Jira call. Pure: the clock and the
 * random source come in as arguments so tests are instant and deterministic.
 *
 * Atlassian's guidance: on 429 honour `Retry-After` (seconds), else
 * `X-RateLimit-Reset` (ISO 8601 timestamp), else back off exponentially with
 * jitter; 502/503/504 and timeouts are transient; a 500 is usually a real fault,
 * so it is retried at most once.
 *
 * The server's period is honoured in full, never cut short: Jira answers a
 * request sent before it ends with another 429 and the same or a longer period,
 * so a shortened wait only costs a call and a retry. A wait too long for the run
 * is given up on instead (see waitBeyondAllowance).
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
  /** Cap on one step of our own exponential back-off; never applied to a wait the server asked for. */
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

/** An ISO 8601 time to the minute only ("2026-11-28T10:01Z"), as Atlassian documents X-RateLimit-Reset. */
const MINUTE_PRECISION = /T\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * When the X-RateLimit-Reset time has surely passed (ms since the epoch). A time
 * given only to the minute may stand for any instant within that minute, so it is
 * read as the minute's end: a request must not reach Jira before the reset.
 */
export function resetTimeMs(value: string): number | undefined {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return MINUTE_PRECISION.test(value) ? at + 60_000 : at;
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
    const at = resetTimeMs(reset);
    if (at !== undefined) return Math.max(0, at - nowMs);
  }
  return undefined;
}

/** Exponential back-off with full jitter: uniform in [0, min(cap, base·2^retryIndex)). */
export function jitteredBackoffMs(retryIndex: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before retry number `retryIndex` (0 = first retry): the
 * server's period in full when it named one, else our own back-off (capped by
 * maxDelayMs).
 */
export function retryDelayMs(input: {
  retryIndex: number;
  headers?: HeaderReader;
  nowMs: number;
  policy: RetryPolicy;
  random: () => number;
}): number {
  return serverHintMs(input.headers, input.nowMs) ?? jitteredBackoffMs(input.retryIndex, input.policy, input.random);
}

/** What a run may still spend waiting for Jira. */
export interface WaitAllowance {
  nowMs: number;
  /** Wall time already spent blocked, and what the wait in question would add to it (overlaps count once). */
  blockedMs: number;
  addedMs: number;
  retryBudgetMs: number;
  /** Absolute time (ms since the epoch) by which the run must be done with Jira, if it has one. */
  deadlineMs?: number;
}

/**
 * Why a wait until `untilMs` is more than the run has left, or undefined when it
 * fits: the retry budget (blocked wall time), or the run's deadline (a Forge
 * job's invocation limit). Said in whole seconds, for the admin.
 */
export function waitBeyondAllowance(untilMs: number, allowance: WaitAllowance): string | undefined {
  const budgetLeftMs = Math.max(0, allowance.retryBudgetMs - allowance.blockedMs);
  if (allowance.deadlineMs !== undefined && untilMs > allowance.deadlineMs) {
    return `more than the ${wholeSecondsLeft(allowance.deadlineMs - allowance.nowMs)} s left before this run must finish`;
  }
  if (allowance.addedMs > budgetLeftMs) {
    return `more than the ${wholeSecondsLeft(budgetLeftMs)} s left of the run's retry budget of ${wholeSecondsLeft(allowance.retryBudgetMs)} s`;
  }
  return undefined;
}

/** A wait in whole seconds, rounded up so it is never understated. */
export function seconds(ms: number): number {
  return Math.ceil(Math.max(0, ms) / 1000);
}

/** Time left in whole seconds, rounded down so it is never overstated. */
function wholeSecondsLeft(ms: number): number {
  return Math.floor(Math.max(0, ms) / 1000);
}
