/**
 * Races that must not send the report twice: Forge delivering one trigger firing
 * twice at the same moment, and the last two jobs of a run finishing together.
 * Jobs are run by hand here, so the test decides what overlaps.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { finaliseRunIfComplete } from '../../src/forge/consumer/finalise-run';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, ProjectJob } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import { runScheduledTrigger } from '../../src/forge/scheduled/scheduled-run';
import { listDeliveries } from '../../src/forge/storage/delivery-repo';
import { listHistory } from '../../src/forge/storage/history-repo';
import { KEYS } from '../../src/forge/storage/keys';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { currentRun, loadProgress } from '../../src/forge/storage/progress-repo';
import { mailEveryRun } from '../forge/helpers/mail-every-run';
import { createHttpTransport } from '../../src/jira/http-transport';

const MONDAY_9 = new Date('2026-11-30T09:00:00.000Z');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ site: buildDemoSite() });
});
afterEach(async () => sim?.close());

async function site(): Promise<{ deps: AppDeps; queued: ProjectJob[] }> {
  const queued: ProjectJob[] = [];
  const asApp = createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
  const deps: AppDeps = {
    storage: new MemoryStore(),
    queue: { push: async (jobs) => void queued.push(...jobs) },
    jiraAsApp: () => asApp,
    jiraAsUser: () => asApp,
    now: () => MONDAY_9,
    log: silent,
  };
  await mailEveryRun(deps.storage, MONDAY_9);
  return { deps, queued };
}

test('a firing delivered twice at once starts one run', async () => {
  const { deps, queued } = await site();
  const outcomes = await Promise.all([runScheduledTrigger(deps), runScheduledTrigger(deps), runScheduledTrigger(deps)]);
  expect(outcomes.filter((o) => o.enqueued)).toHaveLength(1);
  expect(outcomes.filter((o) => !o.enqueued)).toEqual([
    { enqueued: false, reason: 'already-run' },
    { enqueued: false, reason: 'already-run' },
  ]);
  expect(queued.map((j) => j.projectKey).sort()).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
  expect(new Set(queued.map((j) => j.runId)).size).toBe(1);
});

test('two finishes of one run reaching the send together send one e-mail and record one delivery', async () => {
  const { deps, queued } = await site();
  await runScheduledTrigger(deps);
  const runId = queued[0].runId;
  // Hold the send back while the jobs run (only scheduled runs mail), so both finishes below meet it at once.
  const header = (await currentRun(deps.storage))!;
  await deps.storage.set(KEYS.progress, { ...header, reason: 'recheck' });
  for (const job of queued) await processProjectJob(deps, job);
  await deps.storage.set(KEYS.progress, { ...header, reason: 'scheduled' });
  const progress = (await loadProgress(deps.storage, MONDAY_9))!;
  expect(progress.state).toBe('done');

  await Promise.all([finaliseRunIfComplete(deps, progress), finaliseRunIfComplete(deps, progress)]);

  expect(sim.notifications).toHaveLength(1);
  expect(await listDeliveries(deps.storage)).toEqual([expect.objectContaining({ outcome: 'sent', runId })]);
  expect((await listHistory(deps.storage)).map((e) => e.runId)).toEqual([runId]);
});

test('a run that could not start gives the period back, so the next hour tries again', async () => {
  const { deps, queued } = await site();
  // No stored report to fall back on and the desk list refused: the run cannot start.
  sim.setScenario({ faults: [{ endpoint: 'GET /rest/servicedeskapi/servicedesk', fault: { type: 'status', status: 403, message: 'Forbidden for now' } }] });
  await expect(runScheduledTrigger(deps)).rejects.toThrow(/could not list this site's service desks/);
  expect(queued).toHaveLength(0);

  sim.setScenario({});
  expect(await runScheduledTrigger(deps)).toMatchObject({ enqueued: true, period: '2026-W49' });
  expect(queued.map((j) => j.projectKey).sort()).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
});
