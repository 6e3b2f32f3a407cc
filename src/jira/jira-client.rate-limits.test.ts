/**
 * JiraClient under a burst limit, in virtual time: sleeps and the server's latency
 * are timers on a clock the test advances, so minutes of simulated traffic run
 * in milliseconds and every time in an assertion is exact.
 */
import { JiraClient, RequestNotSent } from './jira-client';
import { JiraError } from './jira-error';
import { response } from './testing/fake-transport';
import type { JiraTransport, TransportResponse } from './transport';
import { virtualClock, type VirtualClock } from './testing/virtual-clock';

const ENDPOINT = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
const LABEL = `GET ${ENDPOINT}`;

type Clock = VirtualClock;

/**
 * Jira's burst limit as the simulator models it: at most `max` accepted calls per
 * sliding `perMs`, else 429 + Retry-After (whole seconds); every call takes `latencyMs`.
 */
function burstLimitedJira(clock: Clock, limit: { max: number; perMs: number; latencyMs: number }) {
  const window: number[] = [];
  const log: { at: number; status: number }[] = [];
  const transport: JiraTransport = {
    baseUrl: 'https://acme.atlassian.net',
    async request(): Promise<TransportResponse> {
      const at = clock.now();
      while (window.length > 0 && window[0]! <= at - limit.perMs) window.shift();
      let answer;
      if (window.length >= limit.max) {
        const seconds = Math.max(1, Math.ceil((window[0]! + limit.perMs - at) / 1000));
        answer = { status: 429, headers: { 'Retry-After': String(seconds), 'RateLimit-Reason': 'jira-burst-based' } };
      } else {
        window.push(at);
        answer = { status: 200, body: { values: [] } };
      }
      log.push({ at, status: answer.status });
      await clock.sleep(limit.latencyMs);
      return response(answer);
    },
  };
  return { transport, log, refused: () => log.filter((c) => c.status === 429).length };
}

describe('JiraClient rate gate', () => {
  it('makes every request to an endpoint wait the same window after one 429, and counts that window once', async () => {
    const clock = virtualClock();
    // The endpoint is closed for the first 2 s of the run, whoever calls.
    const sent: number[] = [];
    const transport: JiraTransport = {
      baseUrl: 'https://acme.atlassian.net',
      async request() {
        const at = clock.now();
        sent.push(at - clock.startMs);
        await clock.sleep(10);
        return at - clock.startMs < 2000 ? response({ status: 429, headers: { 'Retry-After': '2' } }) : response({ body: {} });
      },
    };
    // A budget of 5 s: ten requests each waiting 2 s on their own would need 20 s.
    const client = new JiraClient(transport, { now: clock.now, sleep: clock.sleep, policy: { retryBudgetMs: 5000 } }).withConcurrency(10);
    const work = Promise.all(Array.from({ length: 10 }, (_, i) => client.get(ENDPOINT, { path: { serviceDeskId: i + 1 } })));
    await clock.run(work);

    // Ten first tries at 0 ms, all refused; the gate closed at 10 ms until 2010 ms; ten retries then, none earlier.
    expect(sent.filter((t) => t === 0)).toHaveLength(10);
    expect(sent.filter((t) => t > 0)).toEqual(Array(10).fill(2010));
    expect(client.blockedMs).toBe(2000);
    expect(client.stats().retries).toBe(10);
    expect(client.stats().callsByEndpoint[LABEL]).toBe(20);
  });

  it('holds later requests at a closed gate without sending them into the limit', async () => {
    const clock = virtualClock();
    const statuses: number[] = [];
    const transport: JiraTransport = {
      baseUrl: 'https://acme.atlassian.net',
      async request() {
        const status = statuses.length === 0 ? 429 : 200;
        statuses.push(status);
        await clock.sleep(10);
        return response(status === 429 ? { status, headers: { 'Retry-After': '3' } } : { body: {} });
      },
    };
    const client = new JiraClient(transport, { now: clock.now, sleep: clock.sleep });
    const first = client.get(ENDPOINT, { path: { serviceDeskId: 1 } });
    const later = (async () => {
      await clock.sleep(500); // arrives while the gate is closed
      return client.get(ENDPOINT, { path: { serviceDeskId: 2 } });
    })();
    await clock.run(Promise.all([first, later]));
    // One 429 in all: the later request never met the limit, it waited at the gate.
    expect(statuses).toEqual([429, 200, 200]);
    expect(client.stats().retries).toBe(1);
  });

  it('spends the retry budget on wall time blocked, so a long shared wait still ends in rate_limited', async () => {
    const clock = virtualClock();
    const transport: JiraTransport = {
      baseUrl: 'https://acme.atlassian.net',
      async request() {
        await clock.sleep(5);
        return response({ status: 429, headers: { 'Retry-After': '10' } });
      },
    };
    const client = new JiraClient(transport, { now: clock.now, sleep: clock.sleep, policy: { retryBudgetMs: 25_000, maxRateLimitRetries: 10 } }).withConcurrency(4);
    const results = await clock.run(Promise.allSettled(Array.from({ length: 4 }, (_, i) => client.get(ENDPOINT, { path: { serviceDeskId: i } }))));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const error = (result as PromiseRejectedResult).reason as JiraError;
      expect(error.kind).toBe('rate_limited');
      expect(error.message).toContain('retry budget');
    }
    // Two shared 10 s windows fit in 25 s; a third would not. Four requests did not spend 4× the budget.
    expect(client.blockedMs).toBe(20_000);
    expect(clock.now() - clock.startMs).toBeLessThan(25_000);
  });

  it('paces under the learned rate, so thousands of calls meet the burst limit only a few times', async () => {
    const clock = virtualClock();
    const jira = burstLimitedJira(clock, { max: 100, perMs: 1000, latencyMs: 40 });
    // 12 in flight at 40 ms could send 300 calls a second against a limit of 100.
    const client = new JiraClient(jira.transport, { now: clock.now, sleep: clock.sleep }).withConcurrency(12);
    const total = 3000;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) {
        next += 1;
        await client.get(ENDPOINT, { path: { serviceDeskId: next } });
      }
    };
    await clock.run(Promise.all(Array.from({ length: 12 }, worker)));

    const elapsedS = (clock.now() - clock.startMs) / 1000;
    expect(jira.log.filter((c) => c.status === 200)).toHaveLength(total);
    // Without a shared, pacing gate every reopening meets the limit again: hundreds of 429s.
    // Here: only the calls already in flight when the limit was first met (at most 12),
    // within one round trip of the first 429, and none after the gate learned the rate.
    const refusedAt = jira.log.filter((c) => c.status === 429).map((c) => c.at);
    expect(refusedAt.length).toBeGreaterThan(0);
    expect(refusedAt.length).toBeLessThanOrEqual(12);
    expect(Math.max(...refusedAt) - Math.min(...refusedAt)).toBeLessThanOrEqual(40);
    expect(client.stats().callsByEndpoint[LABEL]).toBe(total + refusedAt.length);
    // …and the run still goes at close to the limit: 3000 calls at 100/s is 30 s.
    expect(elapsedS).toBeLessThan(30 / 0.85);
  });

  it('sends a speculative call only from a client that reads ahead, under a pace learned from Jira, and never once it is cancelled', async () => {
    const clock = virtualClock();
    const jira = burstLimitedJira(clock, { max: 20, perMs: 1000, latencyMs: 40 });
    const client = new JiraClient(jira.transport, { now: clock.now, sleep: clock.sleep, readAhead: true }).withConcurrency(6);
    const shared = new JiraClient(jira.transport, { now: clock.now, sleep: clock.sleep }).withConcurrency(6);
    const guess = { speculative: true, cancelled: false };
    // Jira has not limited the endpoint yet: the client knows no room under a limit to fill, so it sends nothing.
    await expect(clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 1 }, speculation: guess }))).rejects.toBeInstanceOf(RequestNotSent);
    expect(jira.log).toHaveLength(0);

    // 60 calls from each client, 6 at a time, meet the limit of 20 a second: both gates learn a pace.
    for (const c of [client, shared]) {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < 60) await c.get(ENDPOINT, { path: { serviceDeskId: ++next } });
      };
      await clock.run(Promise.all(Array.from({ length: 6 }, worker)));
    }
    expect(client.readsAhead('GET', ENDPOINT)).toBe(true);
    const before = jira.log.length;
    await expect(clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 99 }, speculation: guess }))).resolves.toEqual({ values: [] });
    expect(jira.log).toHaveLength(before + 1);
    // A client that may share Jira's limits with others (a Forge job's) never sends one: its pace is only its share.
    expect(shared.readsAhead('GET', ENDPOINT)).toBe(false);
    await expect(clock.run(shared.get(ENDPOINT, { path: { serviceDeskId: 99 }, speculation: guess }))).rejects.toBeInstanceOf(RequestNotSent);
    // Cancelled before it went: not sent, not counted.
    const calls = client.stats().totalCalls;
    await expect(clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 100 }, speculation: { speculative: true, cancelled: true } }))).rejects.toBeInstanceOf(RequestNotSent);
    expect(jira.log).toHaveLength(before + 1);
    expect(client.stats().totalCalls).toBe(calls);
  });

  it('does not spin when the injected clock stands still: each wait is served by one sleep', async () => {
    const answers = [429, 429, 200];
    const transport: JiraTransport = {
      baseUrl: 'https://acme.atlassian.net',
      request: async () => response(answers.shift() === 429 ? { status: 429, headers: { 'Retry-After': '1' } } : { body: { ok: true } }),
    };
    const sleeps: number[] = [];
    const frozen = Date.parse('2026-11-28T10:00:00Z');
    const client = new JiraClient(transport, { now: () => frozen, sleep: async (ms) => void sleeps.push(ms) });
    await expect(client.get(ENDPOINT, { path: { serviceDeskId: 1 } })).resolves.toEqual({ ok: true });
    expect(sleeps).toEqual([1000, 1000]);
  });
});

/**
 * Jira as Atlassian describes it: a 429 asks for a period, and a request sent
 * before that period ends is refused again with the time still left (never less).
 */
function windowedJira(clock: Clock, firstRefusal: { seconds: number; headers?: 'retry-after' | 'reset-only' }) {
  let closedUntil: number | undefined;
  const log: { at: number; status: number }[] = [];
  const transport: JiraTransport = {
    baseUrl: 'https://acme.atlassian.net',
    async request(): Promise<TransportResponse> {
      const at = clock.now();
      let status = 200;
      if (closedUntil === undefined) closedUntil = at + firstRefusal.seconds * 1000;
      if (at < closedUntil) status = 429;
      log.push({ at: at - clock.startMs, status });
      await clock.sleep(10);
      if (status === 200) return response({ body: { ok: true } });
      const left = Math.ceil((closedUntil - at) / 1000);
      const reset = new Date(closedUntil).toISOString();
      const headers: Record<string, string> =
        firstRefusal.headers === 'reset-only' ? { 'X-RateLimit-Reset': reset } : { 'Retry-After': String(left), 'X-RateLimit-Reset': reset, 'RateLimit-Reason': 'jira-quota-tenant-based' };
      return response({ status: 429, headers });
    },
  };
  return { transport, log };
}

describe('JiraClient and long rate-limit periods', () => {
  it('waits a 120 s Retry-After in full, not the 30 s back-off cap, and sends nothing before it ends', async () => {
    const clock = virtualClock();
    const jira = windowedJira(clock, { seconds: 120 });
    const waits: unknown[] = [];
    const client = new JiraClient(jira.transport, { now: clock.now, sleep: clock.sleep, onWait: (w) => waits.push(w) }).withConcurrency(4);
    const first = client.get(ENDPOINT, { path: { serviceDeskId: 1 } });
    const later = (async () => {
      await clock.sleep(45_000); // arrives while the endpoint is closed
      return client.get(ENDPOINT, { path: { serviceDeskId: 2 } });
    })();
    await expect(clock.run(Promise.all([first, later]))).resolves.toEqual([{ ok: true }, { ok: true }]);

    // One refusal only: the retry and the later request both went after the 120 s (answered at 10 ms).
    expect(jira.log).toEqual([
      { at: 0, status: 429 },
      { at: 120_010, status: 200 },
      { at: 120_010, status: 200 },
    ]);
    expect(waits).toEqual([{ endpoint: LABEL, waitMs: 120_000, reason: 'jira-quota-tenant-based' }]);
    expect(client.blockedMs).toBe(120_000);
  });

  it('waits out an X-RateLimit-Reset alone just as long', async () => {
    const clock = virtualClock();
    const jira = windowedJira(clock, { seconds: 120, headers: 'reset-only' });
    const client = new JiraClient(jira.transport, { now: clock.now, sleep: clock.sleep });
    await clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 1 } }));
    expect(jira.log.map((c) => c.status)).toEqual([429, 200]);
    expect(jira.log[1]!.at).toBeGreaterThanOrEqual(120_000);
  });

  it('gives up at once, without sleeping, when the wait would pass the deadline, and says how long Jira asked for', async () => {
    const clock = virtualClock();
    const jira = windowedJira(clock, { seconds: 120 });
    const sleeps: number[] = [];
    const waits: unknown[] = [];
    const client = new JiraClient(jira.transport, {
      now: clock.now,
      sleep: (ms) => (sleeps.push(ms), clock.sleep(ms)),
      deadlineMs: clock.startMs + 60_000,
      onWait: (w) => waits.push(w),
    });
    const sleepsBefore = () => sleeps.filter((ms) => ms !== 10).length; // the fake Jira's own latency is 10 ms
    const error = await clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 1 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe('rate_limited');
    expect((error as JiraError).message).toMatch(/Jira asked to wait 120 s, more than the 59 s left before this run must finish/);
    expect(sleepsBefore()).toBe(0);

    // Another request to the closed endpoint is not sent into it either.
    const second = await clock.run(client.get(ENDPOINT, { path: { serviceDeskId: 2 } })).catch((e: unknown) => e);
    expect((second as JiraError).kind).toBe('rate_limited');
    expect((second as JiraError).message).toMatch(/Jira asked to wait 120 s/);
    expect(jira.log).toEqual([{ at: 0, status: 429 }]);
    expect(sleepsBefore()).toBe(0);
    expect(waits).toEqual([]);
  });
});
