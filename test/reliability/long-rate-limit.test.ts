/**
 * A long rate-limit period (Retry-After 120 s, as Jira's quotas can ask) in a
 * whole run against the simulator, in virtual time: the run waits the period in
 * full and says so in its progress; with a deadline too close for it, the run
 * gives up on that data at once and the checks that needed it are `error` with
 * Jira's requested wait as the reason, never `pass`.
 */
import { FAULT_SCENARIOS } from '../../dev/simulator/fault-scenarios';
import type { RunningSimulator } from '../../dev/simulator/server';
import * as demo from '../../dev/simulator/sites/demo';
import { runReadiness } from '../../src/engine/run-readiness';
import type { GatherProgress } from '../../src/gather/progress';
import { createHttpTransport } from '../../src/jira/http-transport';
import { DEMO_SETTINGS, RUN_AT, startDemoSimulator, advanceRateLimitClock } from './helpers/demo-run';

const CUSTOMERS = 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
/** The demo site's desks (IT, its test desk, HR, Facilities): their customer paging starts at once, so that many calls can be in flight when the 429 comes. */
const DESKS = 4;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startDemoSimulator();
});

afterAll(async () => {
  await sim.close();
});

async function run(deadlineMs?: number) {
  sim.setScenario(FAULT_SCENARIOS.longRetryAfter);
  sim.requests.length = 0;
  const progress: GatherProgress[] = [];
  const sleeps: number[] = [];
  const transport = createHttpTransport({ baseUrl: sim.url, email: demo.DEMO_CREDENTIALS.admin.email, apiToken: demo.DEMO_CREDENTIALS.admin.token });
  const result = await runReadiness({
    transport,
    settings: DEMO_SETTINGS,
    now: RUN_AT,
    onProgress: (event) => progress.push(event),
    clientOptions: {
      sleep: async (ms) => {
        sleeps.push(ms);
        advanceRateLimitClock(sim, ms);
      },
      random: () => 0.5,
      ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    },
  });
  const customerCalls = sim.requests.filter((r) => r.endpoint === CUSTOMERS).map((r) => r.status);
  return { ...result, progress, sleeps, customerCalls };
}

describe('a 120 s Retry-After in a whole run', () => {
  it('is waited in full, reported in progress, and the run reads everything', async () => {
    const { report, progress, sleeps, customerCalls } = await run();
    expect(Math.max(...sleeps)).toBe(120_000);
    expect(progress.filter((e) => e.stage === 'rate-limit-wait')).toEqual([
      {
        stage: 'rate-limit-wait',
        done: 0,
        total: 0,
        message: `Waiting 120 s for Jira's rate limit on ${CUSTOMERS}`,
        wait: { endpoint: CUSTOMERS, seconds: 120, reason: 'jira-quota-tenant-based' },
      },
    ]);
    // The simulator refuses anything sent into the window: only the calls already in flight met the 429.
    const firstAnswer = customerCalls.indexOf(200);
    expect(firstAnswer).toBeGreaterThan(0);
    expect(firstAnswer).toBeLessThanOrEqual(DESKS);
    expect(customerCalls.slice(firstAnswer)).not.toContain(429);
    const coverage = report.projects.map((p) => p.checks.find((c) => c.id === 'CUST-COVERAGE')!.status);
    expect(coverage).not.toContain('error');
  });

  it('gives up at once when the deadline is nearer than the wait, and the checks needing that data are error with the reason', async () => {
    const { report, progress, sleeps, customerCalls } = await run(RUN_AT.getTime() + 60_000);
    expect(sleeps.filter((ms) => ms >= 60_000)).toEqual([]);
    expect(progress.filter((e) => e.stage === 'rate-limit-wait')).toEqual([]);
    // Nothing more was sent into the closed window: only the calls already in flight.
    expect(customerCalls.length).toBeLessThanOrEqual(DESKS);
    expect(customerCalls.every((s) => s === 429)).toBe(true);
    const needing = report.projects.filter((p) => p.key !== 'ENG').map((p) => p.checks.find((c) => c.id === 'CUST-COVERAGE')!);
    expect(needing.length).toBeGreaterThan(0);
    for (const check of needing) {
      expect(check.status).toBe('error');
      expect(`${check.summary} ${JSON.stringify(check.evidence ?? '')}`).toMatch(/Jira asked to wait 120 s, more than the 60 s left before this run must finish/);
    }
  });
});
