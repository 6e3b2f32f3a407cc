/**
 * A Forge job checks one desk: the queue consumer runs the real engine for a single
 * ProjectJob against the simulated demo site, whose desk ids (1, 2, 3) differ from
 * its project ids (10000+) as on every real site. The desk's own checks — customers
 * and workflows, which need the desk — must come back as real verdicts, never
 * `error` because the desk was asked for by the wrong id.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../dev/simulator/sites/demo';
import { PROJECT_IDS } from '../../dev/simulator/sites/demo-workflows';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps } from '../../src/forge/deps';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { loadProject } from '../../src/forge/storage/report-repo';
import { saveSettings } from '../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../src/jira/http-transport';
import { PROJECT_CHECKS } from '../../src/requirements/catalogue';

const WORKFLOW_CHECK_IDS = PROJECT_CHECKS.filter((c) => c.meta.group === 'workflows').map((c) => c.meta.id);

let simulator: RunningSimulator;
let deps: AppDeps;

beforeAll(async () => {
  simulator = await startSimulator({ site: buildDemoSite() });
  const admin = createHttpTransport({ baseUrl: simulator.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
  deps = {
    storage: new MemoryStore(),
    queue: { push: async () => undefined },
    jiraAsApp: () => admin,
    jiraAsUser: () => admin,
    now: () => new Date(),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  await saveSettings(deps.storage, { settings: { serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] }, version: 0 }, 'test', new Date());
});

afterAll(async () => simulator?.close());

it('checks a single desk in one job with real customer and workflow verdicts, under the desk id JSM uses', async () => {
  expect(WORKFLOW_CHECK_IDS.length).toBeGreaterThan(5);
  expect(await processProjectJob(deps, { runId: 'run-1', projectKey: 'HR', reason: 'recheck' })).toEqual({ projectKey: 'HR', state: 'done' });

  const hr = (await loadProject(deps.storage, 'HR'))!;
  expect(hr).toMatchObject({ id: PROJECT_IDS.HR, serviceDeskId: '2' });
  const status = Object.fromEntries(hr.checks.map((c) => [c.id, c.status]));
  const coverage = hr.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect([coverage.status, coverage.summary]).toEqual(['fail', expect.stringMatching(/^8 of 43 end users/)]);
  for (const id of WORKFLOW_CHECK_IDS) expect([id, status[id]]).not.toEqual([id, 'error']);
  expect(status).toMatchObject({ 'WF-ANY-TO-RESOLVED': 'fail', 'WF-RESOLVE-SCREEN-ASSIGNEE': 'fail', 'WF-EXPORT': 'pass' });
}, 60_000);
