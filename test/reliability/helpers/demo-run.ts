/**
 * One readiness run against the simulator's demo site, as the CLI would do it
 * (admin token, plus the service account's own token), with back-off waits made
 * instant so a fault matrix of hundreds of runs stays fast.
 */
import { startSimulator, type RunningSimulator, type Scenario } from '../../../dev/simulator/server';
import * as demo from '../../../dev/simulator/sites/demo';
import { runReadiness, type RunReadinessResult } from '../../../src/engine/run-readiness';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../../src/shared/report-model';
import { createHttpTransport } from '../../../src/jira/http-transport';

export const RUN_AT = new Date('2026-11-28T12:00:00.000Z');

export const DEMO_SETTINGS: EngineSettings = {
  ...DEFAULT_ENGINE_SETTINGS,
  serviceAccount: demo.DEMO_SERVICE_ACCOUNT_EMAIL,
  endUserGroups: [demo.DEMO_END_USER_GROUP],
};

/** Per-attempt timeout of the faulted runs; the "slow" fault waits well beyond it. */
export const FAULT_TIMEOUT_MS = 300;

/**
 * Each simulator's rate-limit clock: the waits a run records instead of sleeping
 * move it on, so a retry sent after its recorded wait finds Jira's period over,
 * and one sent without waiting still meets the 429 again.
 */
const rateLimitClocks = new WeakMap<RunningSimulator, { ms: number }>();

export async function startDemoSimulator(): Promise<RunningSimulator> {
  const clock = { ms: RUN_AT.getTime() };
  const sim = await startSimulator({ site: demo.buildDemoSite(), host: '127.0.0.1', port: 0, now: () => RUN_AT, rateLimitClock: () => clock.ms });
  rateLimitClocks.set(sim, clock);
  return sim;
}

export type RunOutcome = { ok: true; result: RunReadinessResult; sleeps: number[] } | { ok: false; error: unknown; sleeps: number[] };

/** Moves a demo simulator's rate-limit clock on by a wait the run recorded instead of sleeping. */
export function advanceRateLimitClock(sim: RunningSimulator, ms: number): void {
  const clock = rateLimitClocks.get(sim);
  if (clock) clock.ms += ms;
}

export async function runOnSimulator(sim: RunningSimulator, scenario: Scenario, timeoutMs = FAULT_TIMEOUT_MS): Promise<RunOutcome> {
  sim.setScenario(scenario);
  sim.requests.length = 0;
  const sleeps: number[] = [];
  const transport = createHttpTransport({ baseUrl: sim.url, email: demo.DEMO_CREDENTIALS.admin.email, apiToken: demo.DEMO_CREDENTIALS.admin.token });
  const serviceAccountTransport = createHttpTransport({
    baseUrl: sim.url,
    email: demo.DEMO_CREDENTIALS.serviceAccount.email,
    apiToken: demo.DEMO_CREDENTIALS.serviceAccount.token,
  });
  try {
    const result = await runReadiness({
      transport,
      serviceAccountTransport,
      settings: DEMO_SETTINGS,
      now: RUN_AT,
      clientOptions: {
        // The waits are recorded, not slept: the run's logic is what is under test.
        sleep: async (ms) => {
          sleeps.push(ms);
          advanceRateLimitClock(sim, ms);
        },
        random: () => 0.5,
        timeoutMs,
      },
    });
    return { ok: true, result, sleeps };
  } catch (error) {
    return { ok: false, error, sleeps };
  }
}
