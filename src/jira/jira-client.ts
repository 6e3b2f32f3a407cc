/**
 * JiraClient: JSON requests over a JiraTransport, with back-off, error mapping and
 * counting, so the Forge and HTTP adapters behave the same. Every call names an
 * endpoint template ("GET /rest/api/3/project/{projectIdOrKey}/role"); that label is
 * what stats and errors carry, never the built URL or any header.
 */
import type { RunStats } from '../shared/report-model';
import type { Logger } from '../shared/logger';
import { DEFAULT_RETRY_POLICY, maxRetriesFor, retryCauseForStatus, retryDelayMs, seconds, waitBeyondAllowance, type RetryCause, type RetryPolicy } from './backoff';
import type { Limiter, Priority } from './concurrency';
import { createLimiter } from './concurrency';
import { BlockedTime, DEFAULT_RATE_GATE_TUNING, RateGates, type RateGate, type RateGateTuning, type RateLimitWait } from './rate-gate';
import { httpErrorMessage, JiraError, jiraErrorDetail, kindForStatus, redactSecrets } from './jira-error';
import { needsUserConsent } from './needs-consent';
import { RequestCounter } from './request-counter';
import { buildRequestPath, type PathParams, type QueryParams } from './request-path';
import { TransportError, type HttpMethod, type JiraTransport, type TransportResponse } from './transport';

export interface JiraClientOptions {
  logger?: Logger;
  /** Injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Uniform in [0, 1). */
  random?: () => number;
  policy?: Partial<RetryPolicy>;
  /** Per-attempt timeout handed to the transport. */
  timeoutMs?: number;
  /** How the per-endpoint rate gates pace after a 429. */
  rateGate?: Partial<RateGateTuning>;
  /**
   * Absolute time (ms since the epoch) by which the run must be done with Jira,
   * e.g. a Forge job's start + its invocation limit − a margin. A wait Jira asks
   * for that would end later is given up on at once, as rate_limited.
   */
  deadlineMs?: number;
  /** Told once each time a 429 closes an endpoint and the run will wait for it to reopen. */
  onWait?: (wait: RateLimitWait) => void;
  /**
   * Whether speculative calls (pages read ahead, see `Speculation`) may go. Only for a
   * client that is the site's one caller in its run (the CLI's): then the pace each
   * gate learned is the endpoint's whole room. Where other clients share Jira's limits
   * (a Forge run's jobs, each with its own client), a gate's pace is only its share,
   * and every client reading ahead into its own would meet the limit together.
   * Default: off.
   */
  readAhead?: boolean;
}

export interface RequestOptions {
  path?: PathParams;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: unknown;
  /**
   * Where the call waits for a free slot and at a paced gate: higher first. Paging
   * gives each page the number of pages its chain has read, so the longest chains
   * never queue behind short ones. A function is read each time the call is
   * compared (a page read ahead rises when its chain comes to need it).
   */
  priority?: Priority;
  /** A call its caller may never need: see `Speculation`. */
  speculation?: Speculation;
}

/**
 * A call read ahead of need (the page after the one a chain waits for). While it is
 * `speculative` it is sent only by a client that reads ahead (`readAhead`), on an
 * endpoint whose gate paces at a rate Jira accepted (it only fills room under that
 * pace; it never helps meet the limit); once `cancelled` it is not sent at all. A
 * call not sent rejects with RequestNotSent and costs nothing.
 */
export interface Speculation {
  /** The caller does not wait for it yet. */
  readonly speculative: boolean;
  /** The caller will never need it. */
  readonly cancelled: boolean;
}

/** A speculative call that was not sent (cancelled, or no room known to read ahead into). */
export class RequestNotSent extends Error {
  constructor(endpoint: string, why: 'cancelled' | 'no room') {
    super(`${endpoint} was not sent: ${why === 'cancelled' ? 'no longer needed' : 'read ahead only by the site’s one caller, under a pace Jira accepted'}`);
    this.name = 'RequestNotSent';
  }
}

/** State shared by a client and every view made with withConcurrency(). */
interface SharedState {
  transport: JiraTransport;
  counter: RequestCounter;
  policy: RetryPolicy;
  logger?: Logger;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  timeoutMs: number;
  startedAtMs: number;
  /** One gate per endpoint template, shared by every view. */
  gates: RateGates;
  /** Wall time the run was blocked by Jira (once, however many requests waited), against policy.retryBudgetMs. */
  blocked: BlockedTime;
  deadlineMs?: number;
  onWait?: (wait: RateLimitWait) => void;
  readAhead: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class JiraClient {
  private readonly shared: SharedState;
  private readonly limiter?: Limiter;

  constructor(transport: JiraTransport, options?: JiraClientOptions);
  /** @internal a view sharing state (counter, retry budget) with another client. */
  constructor(shared: SharedState, limiter: Limiter | undefined, internal: true);
  constructor(first: JiraTransport | SharedState, second?: JiraClientOptions | Limiter, internal?: true) {
    if (internal) {
      this.shared = first as SharedState;
      this.limiter = second as Limiter | undefined;
      return;
    }
    const options = (second as JiraClientOptions | undefined) ?? {};
    const now = options.now ?? Date.now;
    this.shared = {
      transport: first as JiraTransport,
      counter: new RequestCounter(),
      policy: { ...DEFAULT_RETRY_POLICY, ...options.policy },
      logger: options.logger,
      sleep: options.sleep ?? realSleep,
      now,
      random: options.random ?? Math.random,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      startedAtMs: now(),
      gates: new RateGates({ ...DEFAULT_RATE_GATE_TUNING, ...options.rateGate }),
      blocked: new BlockedTime(),
      readAhead: options.readAhead === true,
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
      ...(options.onWait ? { onWait: options.onWait } : {}),
    };
  }

  get baseUrl(): string {
    return this.shared.transport.baseUrl;
  }

  get counter(): RequestCounter {
    return this.shared.counter;
  }

  /** Calls, retries and time since the client was made. */
  stats(): RunStats {
    return this.shared.counter.stats(Math.max(0, this.shared.now() - this.shared.startedAtMs));
  }

  /** Wall time so far that requests waited for Jira to reopen (rate limits, back-off), counted once. */
  get blockedMs(): number {
    return this.shared.blocked.ms;
  }

  /** Whether speculative calls to `method endpoint` may go: the client reads ahead and the endpoint's gate paces at a rate Jira accepted (learned from a 429 this run). */
  readsAhead(method: HttpMethod, endpoint: string): boolean {
    return mayReadAhead(this.shared, this.shared.gates.for(`${method} ${endpoint}`));
  }

  /** A view of this client with at most `limit` requests in flight; counts, rate gates and retry budget stay shared. */
  withConcurrency(limit: number): JiraClient {
    return new JiraClient(this.shared, createLimiter(limit), true);
  }

  get<T>(endpoint: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', endpoint, options);
  }

  post<T>(endpoint: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', endpoint, { ...options, body });
  }

  /** One JSON call; resolves with the parsed body (undefined for an empty 2xx), rejects with JiraError. */
  request<T>(method: HttpMethod, endpoint: string, options: RequestOptions = {}): Promise<T> {
    const run = (): Promise<T> => this.send<T>(method, endpoint, options);
    return this.limiter ? this.limiter(run, options.priority ?? 0) : run();
  }

  private async send<T>(method: HttpMethod, endpoint: string, options: RequestOptions): Promise<T> {
    const s = this.shared;
    const label = `${method} ${endpoint}`;
    const path = buildRequestPath(endpoint, options.path, options.query);
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const retriesUsed: Record<RetryCause, number> = { rate_limit: 0, transient: 0, server: 0, network: 0 };
    let retryIndex = 0;
    const gate = s.gates.for(label);

    for (;;) {
      const sentAt = await this.admit(gate, label, options.priority ?? 0, options.speculation);
      notSendable(s, gate, label, options.speculation);
      s.counter.countCall(label);
      let response: TransportResponse | undefined;
      let failure!: JiraError;
      let cause: RetryCause | undefined;
      try {
        response = await s.transport.request({ method, path, headers, body: options.body, timeoutMs: s.timeoutMs });
      } catch (error) {
        // Forge's consent prompt appears only if this error escapes untouched; retrying cannot help.
        if (needsUserConsent(error)) throw error;
        const kind = error instanceof TransportError ? error.kind : 'network';
        const reason = error instanceof Error ? error.message : String(error);
        failure = new JiraError({ kind, endpoint: label, message: `${kind === 'timeout' ? 'Jira did not answer in time' : 'Could not reach Jira'} for ${label}: ${reason}` });
        cause = kind === 'timeout' ? 'transient' : 'network';
      }

      if (response) {
        if (response.status >= 200 && response.status < 300) {
          gate.accept(sentAt, s.now());
          return parseJson<T>(await response.text(), label, response.status);
        }
        const text = await safeText(response);
        const kind = kindForStatus(response.status) ?? 'malformed';
        failure = new JiraError({
          kind,
          status: response.status,
          endpoint: label,
          message: kindForStatus(response.status)
            ? httpErrorMessage(kind, response.status, label, jiraErrorDetail(text))
            : response.status >= 300 && response.status < 400
              ? `Jira redirected ${label} (${response.status}); check the site URL (https://<site>.atlassian.net)`
              : `Jira answered an unexpected ${response.status} for ${label}`,
        });
        cause = retryCauseForStatus(response.status);
        if (response.status === 429) {
          const reason = response.headers.get('RateLimit-Reason');
          s.logger?.warn('Jira rate limit', { endpoint: label, reason: reason ?? undefined });
        }
      }

      if (!cause) throw retryIndex > 0 ? withRetryNote(failure, retryIndex) : failure;
      const nowMs = s.now();
      const delay = retryDelayMs({ retryIndex, headers: response?.headers, nowMs, policy: s.policy, random: s.random });
      // A 429 closes the endpoint for everyone until Jira's period ends, even when this
      // request gives up: any call sent earlier would only meet another 429.
      const newClosure = cause === 'rate_limit' && gate.reopensAt <= nowMs;
      if (cause === 'rate_limit') gate.refused(nowMs, delay, sentAt);
      if (retriesUsed[cause] >= maxRetriesFor(cause, s.policy)) {
        throw retryIndex > 0 ? withRetryNote(failure, retryIndex) : failure;
      }
      // Other failures back off this request alone.
      const until = cause === 'rate_limit' ? gate.reopensAt : nowMs + delay;
      const beyond = waitBeyondAllowance(until, { nowMs, blockedMs: s.blocked.ms, addedMs: s.blocked.extra(nowMs, until), retryBudgetMs: s.policy.retryBudgetMs, deadlineMs: s.deadlineMs });
      if (beyond) throw gaveUp(failure, failure.message, cause, until - nowMs, beyond);
      s.blocked.add(nowMs, until);
      if (newClosure) s.onWait?.({ endpoint: label, waitMs: until - nowMs, ...(response?.headers.get('RateLimit-Reason') ? { reason: response.headers.get('RateLimit-Reason')! } : {}) });
      retriesUsed[cause] += 1;
      retryIndex += 1;
      s.counter.countRetry();
      s.logger?.info('Retrying Jira call', { endpoint: label, status: response?.status, kind: failure.kind, retry: retryIndex, waitMs: until - nowMs });
      // After a 429 the wait happens in admit(), on the gate every request to the endpoint shares.
      if (cause !== 'rate_limit') await s.sleep(delay);
    }
  }

  /**
   * Waits until the endpoint's gate lets a call through; returns the send time.
   * When a 429 has closed the endpoint for longer than the run has left, fails at
   * once without calling Jira.
   */
  private async admit(gate: RateGate, label: string, priority: Priority, speculation: Speculation | undefined): Promise<number> {
    const s = this.shared;
    notSendable(s, gate, label, speculation);
    const nowMs = s.now();
    // A speculative call never goes straight in: it waits behind any call already waiting.
    if (!speculation?.speculative && gate.tryAdmit(nowMs) === 0) return nowMs;
    // Waiting: a call of a longer chain of pages takes a free place first.
    const waiter = gate.wait(priority);
    try {
      return await this.admitWaiting(gate, label, waiter, speculation);
    } finally {
      gate.done(waiter);
    }
  }

  private async admitWaiting(gate: RateGate, label: string, waiter: number, speculation: Speculation | undefined): Promise<number> {
    const s = this.shared;
    for (;;) {
      notSendable(s, gate, label, speculation);
      const nowMs = s.now();
      const wait = gate.tryAdmit(nowMs, waiter);
      if (wait === 0) return nowMs;
      if (gate.reopensAt > nowMs) {
        const until = gate.reopensAt;
        const beyond = waitBeyondAllowance(until, { nowMs, blockedMs: s.blocked.ms, addedMs: s.blocked.extra(nowMs, until), retryBudgetMs: s.policy.retryBudgetMs, deadlineMs: s.deadlineMs });
        if (beyond) {
          const closed = new JiraError({ kind: 'rate_limited', status: 429, endpoint: label, message: `Jira rate-limited ${label} (429)` });
          throw gaveUp(closed, `${closed.message} for longer than this run can wait`, 'rate_limit', until - nowMs, beyond);
        }
        s.blocked.add(nowMs, until);
      }
      await s.sleep(wait);
      // A clock that does not move with sleep (an injected one) could never reopen the gate: the sleep was the wait.
      if (s.now() <= nowMs) return gate.admitAnyway(nowMs);
    }
  }
}

/** Throws RequestNotSent when a speculative call must not go (any more). */
function notSendable(s: SharedState, gate: RateGate, label: string, speculation: Speculation | undefined): void {
  if (!speculation) return;
  if (speculation.cancelled) throw new RequestNotSent(label, 'cancelled');
  if (speculation.speculative && !mayReadAhead(s, gate)) throw new RequestNotSent(label, 'no room');
}

function mayReadAhead(s: SharedState, gate: RateGate): boolean {
  return s.readAhead && gate.pacedLimit !== undefined;
}

/** The explanation an admin sees when a wait was too long for the run: how long, and what it exceeds. */
function gaveUp(failure: JiraError, base: string, cause: RetryCause, waitMs: number, beyond: string): JiraError {
  const asked = cause === 'rate_limit' ? `Jira asked to wait ${seconds(waitMs)} s` : `the next retry would wait ${seconds(waitMs)} s`;
  return new JiraError({ ...failure.toFetchError(), message: `${base}; ${asked}, ${beyond}, so the run gave up on it` });
}

function withRetryNote(error: JiraError, retries: number): JiraError {
  return new JiraError({ ...error.toFetchError(), message: `${error.message} (after ${retries} ${retries === 1 ? 'retry' : 'retries'})` });
}

async function safeText(response: TransportResponse): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

function parseJson<T>(text: string, label: string, status: number): T {
  if (text.trim() === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new JiraError({ kind: 'malformed', status, endpoint: label, message: redactSecrets(`Jira sent a response for ${label} that is not JSON`) });
  }
}
