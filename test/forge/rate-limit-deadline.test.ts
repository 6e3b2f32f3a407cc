/**
 * A queue job meets one of Jira's long quota waits (an hour, as Forge apps can
 * meet): the wait cannot fit in the job's 900 s invocation, so the job gives up on
 * that data at once instead of sleeping until Forge kills it, and stores the
 * checks that needed it as `error` with Jira's requested wait as the reason.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, InvocationContext, ProjectJob } from '../../src/forge/deps';
import { buildResolvers } from '../../src/forge/resolvers';
import { loadProject } from '../../src/forge/storage/report-repo';
import { demoSiteDeps } from './helpers/demo-site-deps';

const CUSTOMERS = 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
let simulator: RunningSimulator;
let deps: AppDeps;
const jobs: ProjectJob[] = [];

beforeAll(async () => {
  simulator = await startSimulator({
    site: buildDemoSite(),
    scenario: { name: 'hourly quota', faults: [{ endpoint: CUSTOMERS, calls: [1], fault: { type: 'rateLimit', style: 'retry-after', retryAfterSeconds: 3600, reason: 'jira-quota-tenant-based' } }] },
  });
  deps = await demoSiteDeps(simulator, { jobs });
});

afterAll(async () => simulator?.close());

const ADMIN: InvocationContext = { accountId: DEMO_CREDENTIALS.admin.accountId, surface: 'admin' };

it('gives up at once on an hour-long Retry-After and stores the checks that needed the data as error with the reason', async () => {
  const started = await buildResolvers(deps).startRecheck({ projectKeys: ['HR'] }, ADMIN);
  if (!started.success) throw new Error(JSON.stringify(started.errors));
  const job = jobs.find((j) => j.projectKey === 'HR')!;

  const began = Date.now();
  expect(await processProjectJob(deps, job)).toMatchObject({ state: 'done' });
  expect(Date.now() - began).toBeLessThan(20_000);

  const coverage = (await loadProject(deps.storage, 'HR'))!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect(coverage.status).toBe('error');
  expect(`${coverage.summary} ${JSON.stringify(coverage.evidence ?? '')}`).toMatch(/Jira asked to wait 3600 s, more than the \d+ s left before this run must finish/);
  // Nothing more was sent into the closed window.
  expect(simulator.requests.filter((r) => r.endpoint === CUSTOMERS).map((r) => r.status)).toEqual([429]);
}, 30_000);
