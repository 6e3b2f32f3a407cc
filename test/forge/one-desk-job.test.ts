/**
 * A Forge job checks one desk: the queue consumer runs the real engine for a single
 * ProjectJob against the simulated demo site, whose desk ids (1, 2, 3) differ from
 * its project ids (10000+) as on every real site. The desk's own checks — customers
 * and workflows, which need the desk — must come back as real verdicts, never
 * `error` because the desk was asked for by the wrong id.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite } from '../../dev/simulator/sites/demo';
import { PROJECT_IDS } from '../../dev/simulator/sites/demo-workflows';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps } from '../../src/forge/deps';
import { loadProject } from '../../src/forge/storage/report-repo';
import { PROJECT_CHECKS } from '../../src/requirements/catalogue';
import { demoSiteDeps } from './helpers/demo-site-deps';

const WORKFLOW_CHECK_IDS = PROJECT_CHECKS.filter((c) => c.meta.group === 'workflows').map((c) => c.meta.id);

let simulator: RunningSimulator;
let deps: AppDeps;

beforeAll(async () => {
  simulator = await startSimulator({ site: buildDemoSite() });
  deps = await demoSiteDeps(simulator);
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
