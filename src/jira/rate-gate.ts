/**
 * One rate gate per endpoint template, shared by every request of a run.
 *
 * Jira's burst limits are per endpoint. When one request meets a 429, every other
 * request to the same endpoint would meet it too, so the gate closes for the whole
 * endpoint until the server's reopening time and they all wait that one window
 * together, instead of each sleeping (and retrying into the limit) on its own.
 *
 * From then on the gate paces the endpoint under the rate Jira accepted: the calls
 * it took in the window before the refused call, times a share below one
 * (multiplicative decrease), creeping back up by one call per window after a
 * quiet spell (additive increase), so a long run meets the limit about once
 * instead of hundreds of times.
 *
 * A 429 met while the gate was pacing, with the client sending at its own pace,
 * says that pace is just over what Jira takes, not that Jira takes 5 % less than
 * the client sent: the pace steps back by one call, and the gate does not try
 * the failed pace again for a while. The 429s of calls that were already on their
 * way when the first one came back are one refusal, learned from once.
 *
 * Pure bookkeeping: the caller passes the clock in and does the sleeping, so
 * tests are instant.
 */

import { priorityOf, type Priority } from './concurrency';

export interface RateGateTuning {
  /** The window burst limits are counted over. */
  windowMs: number;
  /** Share of the accepted rate to pace at after a 429. */
  paceShare: number;
  /** A 429 after fewer accepted calls than this says nothing about the rate (a quota, a fault): the gate closes but does not pace. */
  minCallsToLearn: number;
  /** Quiet time (no 429) after which the paced limit grows by one call per window. */
  increaseEveryMs: number;
  /** How long a pace that met a 429 is not tried again. */
  failedPaceHoldMs: number;
}

export const DEFAULT_RATE_GATE_TUNING: RateGateTuning = {
  windowMs: 1000,
  paceShare: 0.95,
  minCallsToLearn: 5,
  increaseEveryMs: 10_000,
  failedPaceHoldMs: 60_000,
};

export class RateGate {
  /** Until when every request to the endpoint waits (ms since the epoch). */
  private closedUntil = 0;
  /** Calls per window the gate lets through; undefined until a 429 taught one. */
  private limit?: number;
  private lastChangeAt = 0;
  /** A pace that met a 429, and when: growth stops below it for `failedPaceHoldMs`. */
  private failedPace?: { limit: number; at: number };
  /** When the last refusal the gate learned from came back: calls sent before it met the same limit. */
  private learnedAt = -Infinity;
  /** That refusal (its call's send time, when it came back) and the pace before it, until the gate reopens and the pace is learned for good. */
  private learning?: { sentAt: number; refusedAt: number; before: number | undefined };
  /** Send times within the last window: every call; and (three windows) the ones Jira accepted. */
  private readonly sent: number[] = [];
  private readonly acceptedAt: number[] = [];
  /** Calls waiting at the paced gate, by waiter, with their priority (pages their chain has read). */
  private readonly waiting = new Map<number, Priority>();
  private nextWaiter = 1;

  constructor(private readonly tuning: RateGateTuning = DEFAULT_RATE_GATE_TUNING) {}

  /** The calls per window the gate currently paces at (undefined: not pacing). */
  get pacedLimit(): number | undefined {
    return this.limit;
  }

  /** Until when the gate is closed by a 429 (0 or a past time: open). */
  get reopensAt(): number {
    return this.closedUntil;
  }

  /**
   * 0 when a call may go now (and it is recorded as sent at `now`), else how many
   * ms to wait before asking again. A waiter (see `wait`) lets any waiter of a
   * higher priority take a free place first, so while the endpoint is paced the
   * longest chain of pages is not slowed by the others.
   */
  tryAdmit(now: number, waiter?: number): number {
    if (this.closedUntil > now) return this.closedUntil - now;
    this.settleLearning(now);
    prune(this.sent, now, this.tuning.windowMs);
    if (this.limit !== undefined) {
      this.growIfQuiet(now);
      if (this.sent.length >= this.limit) return Math.max(1, this.sent[0]! + this.tuning.windowMs - now);
      if (waiter !== undefined && this.outranked(waiter)) return 2;
    }
    this.sent.push(now);
    return 0;
  }

  /** A call starts waiting at this gate with `priority`; `done(id)` when it leaves. */
  wait(priority: Priority): number {
    const id = this.nextWaiter++;
    this.waiting.set(id, priority);
    return id;
  }

  done(waiter: number): void {
    this.waiting.delete(waiter);
  }

  private outranked(waiter: number): boolean {
    const own = priorityOf(this.waiting.get(waiter) ?? 0);
    for (const priority of this.waiting.values()) if (priorityOf(priority) > own) return true;
    return false;
  }

  /** Records a call sent at `now` whatever the gate says (the caller already waited); returns `now`. */
  admitAnyway(now: number): number {
    this.sent.push(now);
    return now;
  }

  /** Jira accepted the call sent at `sentAt`. */
  accept(sentAt: number, now: number): void {
    prune(this.acceptedAt, now, 3 * this.tuning.windowMs);
    this.acceptedAt.push(sentAt);
  }

  /**
   * Jira refused with 429, at `now`, the call sent at `sentAt` (default: `now`), and
   * asked for `waitMs`: close the gate until then (never earlier than an existing
   * closure) and learn the pace. Returns the time the gate reopens.
   */
  refused(now: number, waitMs: number, sentAt: number = now): number {
    this.closedUntil = Math.max(this.closedUntil, now + Math.max(0, waitMs));
    this.lastChangeAt = now;
    // Sent before the last refusal came back: the same meeting with the limit, already learned from.
    if (sentAt < this.learnedAt) return this.closedUntil;
    this.learnedAt = now;
    this.settleLearning(now);
    this.learning = { sentAt, refusedAt: now, before: this.limit };
    this.learn(now);
    return this.closedUntil;
  }

  /**
   * The pace from what Jira took in the window that ended with the refusal: the calls
   * sent from a window before the refused call until its 429 came back (one sent after
   * it and still accepted reached Jira first). Learned when the 429 comes, and again
   * when the gate reopens: some of those calls were still on their way at first.
   */
  private learn(now: number): void {
    const { sentAt, refusedAt, before } = this.learning!;
    prune(this.acceptedAt, now, 3 * this.tuning.windowMs);
    const taken = this.acceptedAt.filter((at) => at > sentAt - this.tuning.windowMs && at <= refusedAt);
    // Calls all sent at one instant (a clock that stands still, as injected ones can) show no rate.
    const spanMs = taken.length > 0 ? Math.max(...taken) - Math.min(...taken) : 0;
    if (taken.length < this.tuning.minCallsToLearn || spanMs < this.tuning.windowMs / 10) return;
    if (before !== undefined && taken.length >= Math.floor(before * this.tuning.paceShare)) {
      // The client filled its own pace and met the limit: one call less is what Jira takes.
      this.failedPace = { limit: before, at: now };
      this.limit = Math.max(1, before - 1);
    } else {
      this.limit = Math.max(1, Math.floor(taken.length * this.tuning.paceShare));
    }
  }

  private settleLearning(now: number): void {
    if (!this.learning) return;
    this.learn(now);
    this.learning = undefined;
  }


  private growIfQuiet(now: number): void {
    if (this.limit === undefined) return;
    const steps = Math.floor((now - this.lastChangeAt) / this.tuning.increaseEveryMs);
    if (steps <= 0) return;
    this.lastChangeAt += steps * this.tuning.increaseEveryMs;
    const held = this.failedPace && now - this.failedPace.at < this.tuning.failedPaceHoldMs ? this.failedPace.limit - 1 : Infinity;
    this.limit = Math.max(this.limit, Math.min(this.limit + steps, held));
  }
}

function prune(times: number[], now: number, windowMs: number): void {
  let drop = 0;
  while (drop < times.length && times[drop]! <= now - windowMs) drop += 1;
  if (drop > 0) times.splice(0, drop);
}

/** The gates of one run, by endpoint template ("GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer"). */
export class RateGates {
  private readonly gates = new Map<string, RateGate>();

  constructor(private readonly tuning: RateGateTuning = DEFAULT_RATE_GATE_TUNING) {}

  for(endpoint: string): RateGate {
    let gate = this.gates.get(endpoint);
    if (!gate) this.gates.set(endpoint, (gate = new RateGate(this.tuning)));
    return gate;
  }
}

/**
 * Wall time during which some request was blocked by Jira (a closed gate or a
 * back-off), counted once however many requests waited in it: the union of the
 * waiting intervals. Intervals are added in start order (each starts "now").
 */
export class BlockedTime {
  private total = 0;
  private coveredUntil = 0;

  get ms(): number {
    return this.total;
  }

  /** How much `[from, until)` would add to the union. */
  extra(from: number, until: number): number {
    return Math.max(0, until - Math.max(from, this.coveredUntil));
  }

  add(from: number, until: number): void {
    this.total += this.extra(from, until);
    this.coveredUntil = Math.max(this.coveredUntil, until);
  }
}

/** A 429 closed an endpoint: every request to it waits `waitMs` for Jira to reopen it. */
export interface RateLimitWait {
  /** The endpoint template, e.g. "GET /rest/api/3/group/member". */
  endpoint: string;
  waitMs: number;
  /** Jira's RateLimit-Reason, when it sent one (jira-burst-based, jira-quota-tenant-based…). */
  reason?: string;
}
