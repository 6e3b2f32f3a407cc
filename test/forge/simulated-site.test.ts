/**
 * The backend end to end against the simulated Jira Cloud site (dev/simulator), with
 * the real engine: a re-check through the queue consumer, then the one-click
 * "add missing customers" fix as the site admin turning CUST-COVERAGE green, and the
 * project admin of HR kept out of the admin page.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { buildResolvers } from '../../src/forge/resolvers';
import type { AppDeps, InvocationContext, ProjectJob } from '../../src/forge/deps';
import { demoSiteDeps } from './helpers/demo-site-deps';

let simulator: RunningSimulator;
let deps: AppDeps;
const jobs: ProjectJob[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ site: buildDemoSite() });
  deps = await demoSiteDeps(simulator, { jobs, callersAsThemselves: true });
});

afterAll(async () => simulator?.close());

const ADMIN: InvocationContext = { accountId: DEMO_CREDENTIALS.admin.accountId, surface: 'admin' };

it('re-checks every desk through the consumer and fixes HR customers in one click', async () => {
  const resolvers = buildResolvers(deps);
  const started = await resolvers.startRecheck({}, ADMIN);
  if (!started.success) throw new Error(JSON.stringify(started.errors));
  expect(started.data.pending).toEqual(expect.arrayContaining(['ITSD', 'HR', 'FAC']));
  for (const job of jobs) expect(await processProjectJob(deps, job)).toMatchObject({ state: 'done' });

  const overview = await resolvers.getOverview({}, ADMIN);
  if (!overview.success) throw new Error(JSON.stringify(overview.errors));
  expect(overview.data.progress).toMatchObject({ state: 'done', failed: [] });
  const hr = overview.data.report!.projects.find((p) => p.key === 'HR')!;
  expect(hr.checks.find((c) => c.id === 'CUST-COVERAGE')!.status).toBe('fail');

  const fixed = await resolvers.applyFix({ fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN);
  if (!fixed.success) throw new Error(JSON.stringify(fixed.errors));
  expect(fixed.data.progress.itemsDone).toBeGreaterThan(0);
  expect(fixed.data.progress.itemsFailed).toBe(0);
  expect(fixed.data.rechecked.flatMap((r) => r.checks).map((c) => [c.id, c.status])).toEqual([['CUST-COVERAGE', 'pass']]);

  const again = await resolvers.applyFix({ fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN);
  expect(again.success && again.data.changesRecorded).toBe(0);
}, 60_000);

it('keeps the HR project admin out of the admin page but lets them see HR from its settings page', async () => {
  const resolvers = buildResolvers(deps);
  const asAdminPage = await resolvers.getOverview({}, { accountId: DEMO_CREDENTIALS.projectAdmin.accountId, surface: 'admin' });
  expect(asAdminPage.success).toBe(false);
  const hrPage = await resolvers.getProjectView({ projectKey: 'HR' }, { accountId: DEMO_CREDENTIALS.projectAdmin.accountId, surface: 'project', projectKey: 'HR' });
  expect(hrPage.success && hrPage.data.project?.key).toBe('HR');
  const itsdPage = await resolvers.getProjectView({ projectKey: 'ITSD' }, { accountId: DEMO_CREDENTIALS.projectAdmin.accountId, surface: 'project', projectKey: 'ITSD' });
  expect(itsdPage).toEqual({ success: false, errors: [expect.objectContaining({ errorType: 'UNAUTHORISED' })] });
});
