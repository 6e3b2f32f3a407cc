import { JiraClient, type JiraClientOptions } from './jira-client';
import { JiraError } from './jira-error';
import { createFakeTransport, type FakeAnswer } from './testing/fake-transport';
import { TransportError } from './transport';
import { rejection } from '../shared/testing/caught';

/** A client whose sleeps are recorded, not waited, and whose clock advances with them. */
function harness(answers: (FakeAnswer | Error)[], options: JiraClientOptions = {}) {
  const sleeps: number[] = [];
  const logs: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  let nowMs = Date.parse('2026-11-28T10:00:00.000Z');
  const transport = createFakeTransport();
  let i = 0;
  const request = transport.request.bind(transport);
  transport.on('GET', '/rest/api/3/serverInfo', () => {
    const next = answers[Math.min(i++, answers.length - 1)];
    if (next instanceof Error) throw next;
    return next;
  });
  const client = new JiraClient(
    { baseUrl: transport.baseUrl, request },
    {
      sleep: async (ms) => {
        sleeps.push(ms);
        nowMs += ms;
      },
      now: () => nowMs,
      random: () => 0.5,
      logger: {
        info: (message, fields) => logs.push({ level: 'info', message, fields }),
        warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
        error: (message, fields) => logs.push({ level: 'error', message, fields }),
      },
      ...options,
    },
  );
  return { client, sleeps, logs, transport, calls: () => i };
}

const OK: FakeAnswer = { status: 200, body: { baseUrl: 'https://acme.atlassian.net' } };

const failure = (promise: Promise<unknown>) => rejection(JiraError, promise);

describe('JiraClient back-off', () => {
  it('waits exactly the seconds Retry-After asks for, then succeeds', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '7' } }, OK]);
    await expect(h.client.get('/rest/api/3/serverInfo')).resolves.toEqual({ baseUrl: 'https://acme.atlassian.net' });
    expect(h.sleeps).toEqual([7000]);
    expect(h.client.stats().retries).toBe(1);
    expect(h.client.stats().callsByEndpoint['GET /rest/api/3/serverInfo']).toBe(2);
  });

  it('falls back to X-RateLimit-Reset (ISO 8601) when there is no Retry-After', async () => {
    const h = harness([{ status: 429, headers: { 'X-RateLimit-Reset': '2026-11-28T10:00:12.500Z' } }, OK]);
    await h.client.get('/rest/api/3/serverInfo');
    expect(h.sleeps).toEqual([12500]);
  });

  it('prefers Retry-After over X-RateLimit-Reset', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '2', 'X-RateLimit-Reset': '2026-11-28T10:05:00Z' } }, OK]);
    await h.client.get('/rest/api/3/serverInfo');
    expect(h.sleeps).toEqual([2000]);
  });

  it('uses exponential back-off with full jitter when the server gives no hint', async () => {
    const h = harness([{ status: 429 }, { status: 429 }, { status: 429 }, OK], { random: () => 0.999, policy: { baseDelayMs: 1000 } });
    await h.client.get('/rest/api/3/serverInfo');
    // full jitter: each wait is below base·2^n and the ceilings double
    expect(h.sleeps).toEqual([999, 1998, 3996]);
  });

  it('keeps jittered waits inside [0, base·2^n) for any random value', async () => {
    for (const r of [0, 0.25, 0.999999]) {
      const h = harness([{ status: 503 }, { status: 503 }, OK], { random: () => r, policy: { baseDelayMs: 400 } });
      await h.client.get('/rest/api/3/serverInfo');
      expect(h.sleeps[0]).toBeGreaterThanOrEqual(0);
      expect(h.sleeps[0]).toBeLessThan(400);
      expect(h.sleeps[1]).toBeLessThan(800);
    }
  });

  it('waits the whole Retry-After the server asked for, beyond the back-off cap, within the retry budget', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '3600' } }, OK], { policy: { maxDelayMs: 20_000, retryBudgetMs: 4_000_000 } });
    await h.client.get('/rest/api/3/serverInfo');
    expect(h.sleeps).toEqual([3_600_000]);
  });

  it('gives up on 429 after the bounded number of retries with kind rate_limited', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '1' } }], { policy: { maxRateLimitRetries: 3 } });
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(h.calls()).toBe(4);
    expect(h.client.stats().retries).toBe(3);
    expect(error.message).toContain('after 3 retries');
  });

  it('retries 502/503/504 at most maxTransientRetries times', async () => {
    const h = harness([{ status: 502 }, { status: 503 }, { status: 504 }, { status: 503 }, { status: 503 }, OK]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('server');
    expect(h.calls()).toBe(5); // 1 + 4 retries
  });

  it('retries a 500 only once', async () => {
    const h = harness([{ status: 500, body: { errorMessages: ['Internal error'] } }]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(h.calls()).toBe(2);
    expect(error.kind).toBe('server');
    expect(error.message).toContain('Internal error');
  });

  it('retries timeouts as transient and reports kind timeout when they persist', async () => {
    const h = harness([new TransportError('timeout', 'No answer from acme.atlassian.net within 30 s')]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('timeout');
    expect(h.calls()).toBe(5);
  });

  it('maps a network failure to kind network after one retry', async () => {
    const h = harness([new TransportError('network', 'Could not connect to acme.atlassian.net (ECONNREFUSED)')]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('acme.atlassian.net');
    expect(h.calls()).toBe(2);
  });

  it('does not retry client errors', async () => {
    const h = harness([{ status: 400, body: { errorMessages: [], errors: { projectId: 'The ID of a project has to be provided.' } } }]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(h.calls()).toBe(1);
    expect(error.kind).toBe('bad_request');
    expect(error.message).toContain('projectId: The ID of a project has to be provided.');
  });

  it('stops retrying when the overall retry budget is spent', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '10' } }], { policy: { retryBudgetMs: 25_000, maxRateLimitRetries: 10 } });
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(h.sleeps).toEqual([10_000, 10_000]);
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toContain('retry budget');
  });

  it('logs RateLimit-Reason through the injected logger', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '1', 'RateLimit-Reason': 'jira-burst-based' } }, OK]);
    await h.client.get('/rest/api/3/serverInfo');
    expect(h.logs).toContainEqual({ level: 'warn', message: 'Jira rate limit', fields: { endpoint: 'GET /rest/api/3/serverInfo', reason: 'jira-burst-based' } });
  });
});

describe('JiraClient error mapping', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [412, 'precondition'],
    [400, 'bad_request'],
    [409, 'bad_request'],
  ] as const)('maps %i to %s', async (status, kind) => {
    const h = harness([{ status, body: { errorMessages: ['Nope'], errors: {} } }]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.endpoint).toBe('GET /rest/api/3/serverInfo');
    expect(error.toFetchError()).toEqual({ kind, status, endpoint: 'GET /rest/api/3/serverInfo', message: error.message });
  });

  it("carries JSM's errorMessage (e.g. 412 without the experimental header)", async () => {
    const h = harness([
      {
        status: 412,
        body: { errorMessage: 'This API is experimental. Experimental APIs are not guaranteed to be stable.', i18nErrorMessage: { i18nKey: 'x', parameters: [] } },
      },
    ]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('precondition');
    expect(error.message).toContain('This API is experimental');
  });

  it('names the endpoint template, not the built path with ids', async () => {
    const transport = createFakeTransport().on('GET', '/rest/api/3/project/SECRET-KEY/role', { status: 404, body: { errorMessages: ['No project could be found with key'] } });
    const client = new JiraClient(transport, { sleep: async () => undefined });
    const error = await failure(client.get('/rest/api/3/project/{projectIdOrKey}/role', { path: { projectIdOrKey: 'SECRET-KEY' } }));
    expect(error.endpoint).toBe('GET /rest/api/3/project/{projectIdOrKey}/role');
    expect(error.message).not.toContain('SECRET-KEY');
    expect(client.stats().callsByEndpoint).toEqual({ 'GET /rest/api/3/project/{projectIdOrKey}/role': 1 });
  });

  it('turns an unparsable 200 body into kind malformed', async () => {
    const h = harness([{ status: 200, body: '<html>login</html>' }]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.kind).toBe('malformed');
    expect(h.calls()).toBe(1);
  });

  it('never lets an Authorization value through in a message', async () => {
    const h = harness([{ status: 400, body: { errorMessages: ['Bad header Basic bWUAZXhhbXBsZS5jb206c2VjcmV0LXRva2Vu'] } }]);
    const error = await failure(h.client.get('/rest/api/3/serverInfo'));
    expect(error.message).not.toContain('bWUAZXhhbXBsZS5jb206c2VjcmV0LXRva2Vu');
    expect(error.message).toContain('Basic [redacted]');
  });

  it('builds queries with repeated keys and encoded values, and sends JSON bodies', async () => {
    const transport = createFakeTransport()
      .on('GET', '/rest/api/3/workflowscheme/project', { body: { values: [] } })
      .on('POST', '/rest/api/3/workflows', { body: { workflows: [] } });
    const client = new JiraClient(transport);
    await client.get('/rest/api/3/workflowscheme/project', { query: { projectId: [10000, 10001], skip: undefined, q: 'a b&c' } });
    await client.post('/rest/api/3/workflows', { workflowNames: ['IT'] });
    expect(transport.requests[0].path).toBe('/rest/api/3/workflowscheme/project?projectId=10000&projectId=10001&q=a%20b%26c');
    expect(transport.requests[1]).toMatchObject({ method: 'POST', body: { workflowNames: ['IT'] }, headers: { 'Content-Type': 'application/json' } });
  });
});

describe('JiraClient counter and concurrency', () => {
  it('counts calls per endpoint template, the total and retries across concurrency views', async () => {
    const transport = createFakeTransport()
      .on('GET', '/rest/api/3/serverInfo', { body: {} })
      .on('GET', '/rest/api/3/myself', { body: {} });
    const client = new JiraClient(transport);
    const limited = client.withConcurrency(2);
    await Promise.all([client.get('/rest/api/3/serverInfo'), limited.get('/rest/api/3/myself'), limited.get('/rest/api/3/myself')]);
    expect(client.stats()).toMatchObject({
      callsByEndpoint: { 'GET /rest/api/3/myself': 2, 'GET /rest/api/3/serverInfo': 1 },
      totalCalls: 3,
      retries: 0,
    });
  });

  it('keeps at most N requests in flight through withConcurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const transport = createFakeTransport().on('GET', '/rest/api/3/myself', async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return { body: {} };
    });
    const client = new JiraClient(transport).withConcurrency(3);
    await Promise.all(Array.from({ length: 12 }, () => client.get('/rest/api/3/myself')));
    expect(peak).toBe(3);
  });
});
