/**
 * Fault injection: each kind of fault, picked by endpoint, parameters and call
 * number, looks on the wire the way Jira's does; counters restart on demand.
 */
import { FAULT_SCENARIOS } from './fault-scenarios';
import { endpointMatches, FaultPlan, latencyMs, seededRandom } from './scenario';
import { startSimulator, type RunningSimulator, type Scenario, type SimulatorOptions } from './server';
import { buildDemoSite, DEMO_CREDENTIALS } from './sites/demo';
import { call, OPT_IN } from './testing/client';

const { admin } = DEMO_CREDENTIALS;
const MEMBERS = '/rest/api/3/group/member?groupname=all-employees';

async function withScenario(scenario: Scenario, body: (sim: RunningSimulator) => Promise<void>, options: Partial<SimulatorOptions> = {}): Promise<void> {
  const sim = await startSimulator({ site: buildDemoSite(), scenario, validateResponses: true, ...options });
  try {
    await body(sim);
    // Faulted responses are exempt; everything else must still match the official schemas.
    expect(sim.violations).toEqual([]);
  } finally {
    await sim.close();
  }
}

describe('endpoint patterns', () => {
  it('match method and template, with globs and method-less patterns', () => {
    const call = { method: 'GET', template: '/rest/api/3/group/member' };
    expect(endpointMatches('GET /rest/api/3/group/member', call)).toBe(true);
    expect(endpointMatches('POST /rest/api/3/group/member', call)).toBe(false);
    expect(endpointMatches('/rest/api/3/group/*', call)).toBe(true);
    expect(endpointMatches('* /rest/servicedeskapi/*', call)).toBe(false);
    expect(endpointMatches('*', call)).toBe(true);
  });
});

describe('FaultPlan', () => {
  it('counts calls per rule, restarts on reset, and honours fromCall', () => {
    const plan = new FaultPlan({ faults: [{ endpoint: '/x', calls: [2], fault: { type: 'status', status: 500 } }, { endpoint: '/x', fromCall: 3, fault: { type: 'status', status: 503 } }] });
    const x = { method: 'GET', template: '/x', values: {} };
    expect([1, 2, 3, 4].map(() => plan.faultsFor(x).map((f) => (f.type === 'status' ? f.status : 0)))).toEqual([[], [500], [503], [503]]);
    plan.reset();
    expect(plan.faultsFor(x)).toEqual([]);
    expect(plan.faultsFor(x)).toEqual([{ type: 'status', status: 500 }]);
  });

  it('enforces a sliding burst window and says how long to wait', () => {
    const plan = new FaultPlan({ burstLimits: [{ endpoint: '/x', maxRequests: 2, perMs: 1000 }] });
    const x = { method: 'GET', template: '/x', values: {} };
    expect(plan.burstRetryAfter(x, 0)).toBeUndefined();
    expect(plan.burstRetryAfter(x, 100)).toBeUndefined();
    expect(plan.burstRetryAfter(x, 200)).toBe(1);
    expect(plan.burstRetryAfter(x, 1001)).toBeUndefined();
  });

  it('spreads latency within mean ± jitter, repeatably for a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const samples = Array.from({ length: 200 }, () => latencyMs({ meanMs: 40, jitterMs: 20 }, a));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...samples)).toBeLessThanOrEqual(60);
    expect(new Set(samples).size).toBeGreaterThan(10);
    expect(latencyMs({ meanMs: 40, jitterMs: 20 }, b)).toBe(samples[0]);
  });
});

describe('faults on the wire', () => {
  it('429 with Retry-After and RateLimit-Reason on the chosen call numbers only', async () => {
    const clock = { ms: Date.parse('2026-11-28T10:00:00Z') };
    await withScenario(
      FAULT_SCENARIOS.rateLimited,
      async (sim) => {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const result = await call(sim, 'GET', MEMBERS, { as: admin });
          statuses.push(result.status);
          if (result.status === 429) {
            expect(result.headers.get('retry-after')).toBe('1');
            expect(result.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
            expect(Date.parse(result.headers.get('x-ratelimit-reset')!)).toBe(clock.ms + 1000);
          }
          clock.ms += 1000; // each call waits the period out
        }
        expect(statuses).toEqual([429, 200, 429, 200]);
        expect(sim.requests.filter((r) => r.fault === 'rateLimit-retry-after')).toHaveLength(2);
      },
      { now: () => new Date(clock.ms) },
    );
  });

  it('429 with only X-RateLimit-Reset (an ISO timestamp)', async () => {
    const clock = { ms: Date.parse('2026-11-28T10:00:00Z') };
    await withScenario(
      FAULT_SCENARIOS.rateLimited,
      async (sim) => {
        const result = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: admin, headers: OPT_IN });
        expect(result.status).toBe(429);
        expect(result.headers.get('retry-after')).toBeNull();
        expect(result.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        clock.ms += 1000;
        expect((await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: admin, headers: OPT_IN })).status).toBe(200);
      },
      { now: () => new Date(clock.ms) },
    );
  });

  it('a call sent before the Retry-After period ends gets 429 again, with the time left, until the period is over', async () => {
    const clock = { ms: Date.parse('2026-11-28T10:00:00Z') };
    const start = clock.ms;
    await withScenario(
      FAULT_SCENARIOS.longRetryAfter,
      async (running) => {
        const customers = (desk: number) => call(running, 'GET', `/rest/servicedeskapi/servicedesk/${desk}/customer`, { as: admin, headers: OPT_IN });
        const first = await customers(1);
        expect(first.status).toBe(429);
        expect(first.headers.get('retry-after')).toBe('120');
        expect(first.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
        expect(Date.parse(first.headers.get('x-ratelimit-reset')!)).toBe(start + 120_000);

        // Early, on the same endpoint (another desk too): refused again, never with a shorter period than is left.
        clock.ms = start + 30_000;
        for (const desk of [1, 2]) {
          const early = await customers(desk);
          expect(early.status).toBe(429);
          expect(early.headers.get('retry-after')).toBe('90');
          expect(Date.parse(early.headers.get('x-ratelimit-reset')!)).toBe(start + 120_000);
        }
        clock.ms = start + 119_500;
        expect((await customers(1)).headers.get('retry-after')).toBe('1');

        // Another endpoint, and another caller, are not held by this caller's window.
        expect((await call(running, 'GET', '/rest/servicedeskapi/servicedesk', { as: admin })).status).toBe(200);
        expect((await call(running, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: DEMO_CREDENTIALS.agent, headers: OPT_IN })).status).not.toBe(429);

        clock.ms = start + 120_000;
        expect((await customers(1)).status).toBe(200);
        expect(running.requests.filter((r) => r.fault === 'rate-limit-window')).toHaveLength(3);
      },
      { now: () => new Date(clock.ms) },
    );
  });

  it('a burst-limit 429 also holds the caller off the endpoint for the whole Retry-After', async () => {
    const clock = { ms: Date.parse('2026-11-28T10:00:00.000Z') };
    await withScenario(
      { burstLimits: [{ endpoint: 'GET /rest/api/3/group/member', maxRequests: 1, perMs: 100 }] },
      async (sim) => {
        expect((await call(sim, 'GET', MEMBERS, { as: admin })).status).toBe(200);
        const refused = await call(sim, 'GET', MEMBERS, { as: admin });
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('1');
        // The burst window has room again after 100 ms, but Jira asked for 1 s.
        clock.ms += 500;
        expect((await call(sim, 'GET', MEMBERS, { as: admin })).status).toBe(429);
        clock.ms += 500;
        expect((await call(sim, 'GET', MEMBERS, { as: admin })).status).toBe(200);
      },
      { now: () => new Date(clock.ms) },
    );
  });

  it('5xx: Jira JSON for 500, gateway HTML for 502/503/504', async () => {
    await withScenario(FAULT_SCENARIOS.flaky5xx, async (sim) => {
      const desks = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk', { as: admin });
      expect(desks.status).toBe(503);
      expect(desks.headers.get('content-type')).toMatch(/text\/html/);
      expect((await call(sim, 'GET', '/rest/servicedeskapi/servicedesk', { as: admin })).status).toBe(200);
      const user = await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(admin.accountId)}`, { as: admin });
      expect(user.status).toBe(500);
      expect(user.json()).toEqual({ errorMessages: ['Internal server error.'], errors: {} });
    });
  });

  it('403 only for the desk the rule names, in JSM’s shape', async () => {
    await withScenario(FAULT_SCENARIOS.customers403, async (sim) => {
      const hr = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/2/customer', { as: admin, headers: OPT_IN });
      expect(hr.status).toBe(403);
      expect(hr.json()).toMatchObject({ errorMessage: expect.stringContaining('permission'), i18nErrorMessage: { i18nKey: expect.any(String) } });
      expect((await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: admin, headers: OPT_IN })).status).toBe(200);
    });
  });

  it('malformed JSON: a 200 whose body does not parse', async () => {
    await withScenario(FAULT_SCENARIOS.malformedWorkflow, async (sim) => {
      const result = await call(sim, 'POST', '/rest/api/3/workflows', { as: admin, body: { workflowNames: ['HR: Service Request Workflow'] } });
      expect(result.status).toBe(200);
      expect(result.headers.get('content-type')).toMatch(/application\/json/);
      expect(() => JSON.parse(result.text)).toThrow();
      expect(result.text.startsWith('{"workflows":[')).toBe(true);
    });
  });

  it('broken paging: isLast missing, total wrong', async () => {
    await withScenario(FAULT_SCENARIOS.brokenPaging, async (sim) => {
      const members = (await call(sim, 'GET', MEMBERS, { as: admin })).json();
      expect(members).not.toHaveProperty('isLast');
      expect(members.values.length).toBeGreaterThan(0);
      const projects = (await call(sim, 'GET', '/rest/api/3/project/search', { as: admin })).json();
      expect(projects.total).toBe(projects.values.length + 5);
    });
  });

  it('slow responses: a delay rule holds the answer back', async () => {
    await withScenario({ faults: [{ endpoint: 'GET /rest/api/3/serverInfo', calls: [1], fault: { type: 'delay', ms: 300 } }] }, async (sim) => {
      const started = Date.now();
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      const again = Date.now();
      await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin });
      expect(Date.now() - again).toBeLessThan(250);
    });
  });

  it('401, 404 and 412 on demand, each in its API’s words', async () => {
    await withScenario(
      {
        faults: [
          { endpoint: 'GET /rest/api/3/myself', fault: { type: 'status', status: 401 } },
          ...FAULT_SCENARIOS.projectGone.faults,
          ...FAULT_SCENARIOS.customers412.faults,
        ],
      },
      async (sim) => {
        const me = await call(sim, 'GET', '/rest/api/3/myself', { as: admin });
        expect([me.status, me.text]).toEqual([401, 'Client must be authenticated to access this resource.']);
        const roles = await call(sim, 'GET', '/rest/api/3/project/FAC/role', { as: admin });
        expect(roles.status).toBe(404);
        expect(roles.json()).toEqual({ errorMessages: ["No project could be found with key 'FAC'."], errors: {} });
        expect((await call(sim, 'GET', '/rest/api/3/project/ITSD/role', { as: admin })).status).toBe(200);
        const customers = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: admin, headers: OPT_IN });
        expect(customers.status).toBe(412);
        expect(customers.json().i18nErrorMessage.i18nKey).toBe('sd.public.api.experimental.header.missing');
      },
    );
  });

  it('burst limit: 429 + Retry-After + RateLimit-Reason jira-burst-based past the limit', async () => {
    await withScenario(FAULT_SCENARIOS.burstLimited, async (sim) => {
      const results = await Promise.all(Array.from({ length: 14 }, () => call(sim, 'GET', MEMBERS, { as: admin })));
      const limited = results.filter((r) => r.status === 429);
      expect(limited).toHaveLength(4);
      expect(limited[0]!.headers.get('ratelimit-reason')).toBe('jira-burst-based');
      expect(Number(limited[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });
  });

  it('latency applies to every call', async () => {
    await withScenario({ latency: { meanMs: 120, jitterMs: 0 } }, async (sim) => {
      const started = Date.now();
      await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin });
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    });
  });

  it('resetCounters and setScenario restart the call numbers', async () => {
    await withScenario({ faults: [{ endpoint: 'GET /rest/api/3/serverInfo', calls: [1], fault: { type: 'status', status: 500 } }] }, async (sim) => {
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(500);
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(200);
      sim.resetCounters();
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(500);
      sim.setScenario(FAULT_SCENARIOS.healthy);
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(200);
    });
  });

  it('a revoked token: everything after the first call is 401', async () => {
    await withScenario(FAULT_SCENARIOS.tokenRevoked, async (sim) => {
      expect((await call(sim, 'GET', '/rest/api/3/serverInfo', { as: admin })).status).toBe(200);
      expect((await call(sim, 'GET', '/rest/api/3/myself', { as: admin })).status).toBe(401);
      expect((await call(sim, 'GET', '/rest/servicedeskapi/servicedesk', { as: admin })).status).toBe(401);
    });
  });
});
