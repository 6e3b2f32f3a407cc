/**
 * The backend end to end against the simulated Jira Cloud site (dev/simulator), with
 * the real engine: a re-check through the queue consumer, then the one-click
 * "add missing customers" fix as the site admin turning CUST-COVERAGE green, and the
 * project admin of HR kept out of the admin page.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../dev/simulator/sites/demo';
import { createHttpTransport } from '../../src/jira/http-transport';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { buildResolvers } from '../../src/forge/resolvers';
import { saveSettings } from '../../src/forge/storage/settings-repo';
import type { AppDeps, InvocationContext, ProjectJob } from '../../src/forge/deps';
import { MemoryStore } from '../../src/forge/storage/memory-store';

let simulator: RunningSimulator;
let deps: AppDeps;
const jobs: ProjectJob[] = [];

beforeAll(async () => {
  simulator = await startSimulator({ site: buildDemoSite() });
  const as = (c: { email: string; token: string }) => createHttpTransport({ baseUrl: simulator.url, email: c.email, apiToken: c.token });
  const byAccount: Record<string, ReturnType<typeof as>> = {
    [DEMO_CREDENTIALS.admin.accountId]: as(DEMO_CREDENTIALS.admin),
    [DEMO_CREDENTIALS.projectAdmin.accountId]: as(DEMO_CREDENTIALS.projectAdmin),
  };
  deps = {
    storage: new MemoryStore(),
    queue: { push: async (pushed) => void jobs.push(...pushed) },
    jiraAsApp: () => as(DEMO_CREDENTIALS.admin),
    jiraAsUser: (accountId) => {
      const t = byAccount[accountId];
      if (!t) throw new Error('unknown caller');
      return t;
    },
    now: () => new Date(),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
  await saveSettings(deps.storage, { settings: { serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] }, version: 0 }, 'test', new Date());
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
