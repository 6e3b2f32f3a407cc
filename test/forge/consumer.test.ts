/**
 * The queue consumer and the run it belongs to: startRecheck enqueues one job per
 * project and answers at once; each job stores its project's report and the site
 * checks, updates progress; a failing job keeps the previous report and says why;
 * the last job turns the run into a history entry.
 */
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { buildResolvers } from '../../src/forge/resolvers';
import { runChecks } from '../../src/forge/run/readiness-runner';
import { loadProgress } from '../../src/forge/storage/progress-repo';
import { JOB_FINISH_MARGIN_MS } from '../../src/forge/consumer/job-deadline';
import { loadProject } from '../../src/forge/storage/report-repo';
import { lastDiff, listHistory } from '../../src/forge/storage/history-repo';
import type { InvocationContext } from '../../src/forge/deps';
import type { RunProgress } from '../../src/shared/resolver-api';
import { reportFor } from './helpers/reports';
import { seededSite } from './helpers/seeded-site';

jest.mock('../../src/forge/run/readiness-runner', () => ({ ...jest.requireActual('../../src/forge/run/readiness-runner'), runChecks: jest.fn() }));
const mockedRun = runChecks as jest.MockedFunction<typeof runChecks>;
const ADMIN: InvocationContext = { accountId: 'site-admin', surface: 'admin' };

beforeEach(() => mockedRun.mockReset());

async function startRun(deps: Awaited<ReturnType<typeof seededSite>>['deps']): Promise<RunProgress> {
  const started = await buildResolvers(deps).startRecheck({}, ADMIN);
  if (!started.success) throw new Error(JSON.stringify(started.errors));
  return started.data;
}

it('enqueues one job per service desk and answers at once, without running checks', async () => {
  const { deps } = await seededSite();
  const progress = await startRun(deps);
  expect(progress).toMatchObject({ state: 'running', projectsTotal: 2, projectsDone: 0, pending: ['IT', 'HR'], failed: [] });
  expect(deps.queue.jobs()).toEqual([
    { runId: progress.runId, projectKey: 'IT', reason: 'recheck' },
    { runId: progress.runId, projectKey: 'HR', reason: 'recheck' },
  ]);
  expect(mockedRun).not.toHaveBeenCalled();

  // A second click while the run is going returns the same run.
  const again = await startRun(deps);
  expect(again.runId).toBe(progress.runId);
  expect(deps.queue.jobs()).toHaveLength(2);
});

it('stores each project report and the site checks, counts progress, and records the finished run in history', async () => {
  const { deps } = await seededSite();
  const progress = await startRun(deps);
  mockedRun.mockImplementation(async ({ projectKeys }) =>
    reportFor(projectKeys.map((key) => ({ key, name: `${key} desk`, serviceDeskId: key === 'IT' ? '1' : '2' })), { now: deps.now() }),
  );

  const it1 = await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });
  expect(it1).toEqual({ projectKey: 'IT', state: 'done' });
  expect(mockedRun).toHaveBeenCalledWith(expect.objectContaining({ projectKeys: ['IT'] }));
  expect((await loadProject(deps.storage, 'IT'))!).toMatchObject({ name: 'IT desk', runId: progress.runId });
  expect((await loadProject(deps.storage, 'HR'))!.runId).toBe('run-0');
  expect(await loadProgress(deps.storage, deps.now())).toMatchObject({ state: 'running', projectsDone: 1, pending: ['HR'] });
  expect(await listHistory(deps.storage)).toEqual([]);

  await processProjectJob(deps, { runId: progress.runId, projectKey: 'HR', reason: 'recheck' });
  const done = (await loadProgress(deps.storage, deps.now()))!;
  expect(done).toMatchObject({ state: 'done', projectsDone: 2, pending: [], failed: [] });
  expect(done.finishedAt).toBeDefined();
  const history = await listHistory(deps.storage);
  expect(history).toHaveLength(1);
  expect(history[0].runId).toBe(progress.runId);
  expect((await listHistory(deps.storage, 'IT'))[0].runId).toBe(progress.runId);
});

it('marks a failing job in progress and keeps the previous report of that project', async () => {
  const { deps } = await seededSite();
  const before = JSON.stringify(await loadProject(deps.storage, 'HR'));
  const progress = await startRun(deps);
  mockedRun.mockImplementation(async ({ projectKeys }) => {
    if (projectKeys[0] === 'HR') throw new Error('Jira answered 503 for GET /rest/servicedeskapi/servicedesk/{id}/customer');
    return reportFor(projectKeys.map((key) => ({ key, serviceDeskId: '1' })));
  });

  await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });
  const failed = await processProjectJob(deps, { runId: progress.runId, projectKey: 'HR', reason: 'recheck' });
  expect(failed.state).toBe('failed');
  expect(JSON.stringify(await loadProject(deps.storage, 'HR'))).toBe(before);
  const summary = (await loadProgress(deps.storage, deps.now()))!;
  expect(summary.state).toBe('done');
  expect(summary.failed).toEqual([{ key: 'HR', message: 'Jira answered 503 for GET /rest/servicedeskapi/servicedesk/{id}/customer' }]);
  expect(deps.logged.some((l) => l.level === 'error' && l.fields?.projectKey === 'HR')).toBe(true);
});

it('gives the checks a Jira deadline of the job start + 900 s − a margin, and shows a rate-limit wait in progress while the job is pending', async () => {
  const { deps } = await seededSite();
  const progress = await startRun(deps);
  const startedAt = deps.now().getTime();
  let during: RunProgress | null = null;
  mockedRun.mockImplementation(async ({ projectKeys, onRateLimitWait }) => {
    onRateLimitWait?.({ endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', waitMs: 120_000, reason: 'jira-quota-tenant-based' });
    await new Promise((resolve) => setImmediate(resolve)); // the note is written in the background
    during = await loadProgress(deps.storage, deps.now());
    return reportFor(projectKeys.map((key) => ({ key, serviceDeskId: '1' })), { now: deps.now() });
  });

  await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });
  const deadlineMs = mockedRun.mock.calls[0]![0].deadlineMs!;
  expect(deadlineMs).toBe(startedAt + 900_000 - JOB_FINISH_MARGIN_MS);
  expect(JOB_FINISH_MARGIN_MS).toBeGreaterThan(0);
  expect(during!.waiting).toEqual([
    {
      key: 'IT',
      message: "Waiting 120 s for Jira's rate limit on GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer",
      until: new Date(startedAt + 120_000).toISOString(),
    },
  ]);
  // Once the job is done its wait is no longer news.
  expect((await loadProgress(deps.storage, deps.now()))!.waiting).toBeUndefined();
});

it('reports a run as failed when every job failed, and adds nothing to history', async () => {
  const { deps } = await seededSite();
  const progress = await startRun(deps);
  mockedRun.mockRejectedValue(new Error('down'));
  await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });
  await processProjectJob(deps, { runId: progress.runId, projectKey: 'HR', reason: 'recheck' });
  expect((await loadProgress(deps.storage, deps.now()))!.state).toBe('failed');
  expect(await listHistory(deps.storage)).toEqual([]);
});

it('treats jobs not heard from in 30 minutes as failed, so a run cannot look running forever', async () => {
  const { deps } = await seededSite();
  await startRun(deps);
  deps.clock.now = new Date(deps.clock.now.getTime() + 31 * 60 * 1000);
  const p = (await loadProgress(deps.storage, deps.now()))!;
  expect(p.state).toBe('failed');
  expect(p.failed.map((f) => f.key)).toEqual(['IT', 'HR']);
});

it('records why when the queue refuses the jobs', async () => {
  const { deps } = await seededSite();
  deps.queue.fail = new Error('Too many events');
  const progress = await startRun(deps);
  expect(progress.state).toBe('failed');
  expect(progress.failed[0].message).toContain('Too many events');
});

it('says what changed between two finished runs', async () => {
  const { deps } = await seededSite();
  const members = ['557058:a'];
  mockedRun.mockImplementation(async ({ projectKeys }) =>
    reportFor(projectKeys.map((key) => ({ key, serviceDeskId: '1', customers: { ok: true, value: [...customers] } })), { endUserGroups: ['all-staff'], members }),
  );
  let customers: string[] = [];
  const first = await startRun(deps);
  for (const key of ['IT', 'HR']) await processProjectJob(deps, { runId: first.runId, projectKey: key, reason: 'recheck' });
  customers = ['557058:a'];
  deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
  const second = await startRun(deps);
  expect(second.runId).not.toBe(first.runId);
  for (const key of ['IT', 'HR']) await processProjectJob(deps, { runId: second.runId, projectKey: key, reason: 'recheck' });

  const diff = (await lastDiff(deps.storage))!;
  expect(diff.fixed.sort()).toEqual(['HR:CUST-COVERAGE', 'IT:CUST-COVERAGE']);
  expect(diff.newlyFailing).toEqual([]);
  expect((await lastDiff(deps.storage, 'IT'))!.fixed).toEqual(['IT:CUST-COVERAGE']);
  const history = await buildResolvers(deps).getHistory({}, ADMIN);
  expect(history.success && history.data.entries.map((e) => e.runId)).toEqual([second.runId, first.runId]);
});

describe('report e-mail at the end of a scheduled run', () => {
  async function scheduledSite() {
    const { deps } = await seededSite();
    const { saveSettings } = jest.requireActual('../../src/forge/storage/settings-repo');
    await saveSettings(
      deps.storage,
      { settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: ['all-staff'], schedule: 'daily', sendWhen: 'always', reportIssueKey: 'IT-1', recipients: { users: ['557058:boss'], groups: [] } }, version: 1 },
      'x',
      deps.now(),
    );
    deps.jira.on('POST', /^\/rest\/api\/3\/issue\/IT-1\/notify$/, () => ({ status: 204 }));
    mockedRun.mockImplementation(async ({ projectKeys }) => reportFor(projectKeys.map((key) => ({ key, serviceDeskId: '1' }))));
    return deps;
  }

  it('sends once through Jira notify as the app and records the delivery', async () => {
    const deps = await scheduledSite();
    const { runScheduledTrigger } = jest.requireActual('../../src/forge/scheduled/scheduled-run');
    const started = await runScheduledTrigger(deps, { random: () => 0 });
    expect(started.enqueued).toBe(true);
    for (const job of deps.queue.jobs()) await processProjectJob(deps, job);
    // A repeated completion (a retried last job) does not send again.
    await processProjectJob(deps, deps.queue.jobs()[1]);

    const notifies = deps.jira.requests.filter((r) => r.path === '/rest/api/3/issue/IT-1/notify');
    expect(notifies).toHaveLength(1);
    expect(notifies[0].as).toBe('app');
    expect(notifies[0].body).toMatchObject({ to: { users: [{ accountId: '557058:boss' }] } });
    const history = await buildResolvers(deps).getHistory({}, ADMIN);
    expect(history.success && history.data.deliveries).toEqual([expect.objectContaining({ runId: started.runId, outcome: 'sent', issueKey: 'IT-1' })]);
  });

  it('does not e-mail after a re-check an admin started', async () => {
    const deps = await scheduledSite();
    const progress = await startRun(deps);
    for (const key of ['IT', 'HR']) await processProjectJob(deps, { runId: progress.runId, projectKey: key, reason: 'recheck' });
    expect(deps.jira.requests.filter((r) => r.path.endsWith('/notify'))).toHaveLength(0);
  });

  it('sends a test report on request, marked as a test', async () => {
    const deps = await scheduledSite();
    const result = await buildResolvers(deps).sendTestReport({}, ADMIN);
    expect(result.success && result.data.outcome).toBe('sent');
    const notify = deps.jira.requests.find((r) => r.path.endsWith('/notify'))!;
    expect((notify.body as { subject: string }).subject).toMatch(/^\[Test\] /);
  });
});

it('lets a project asked for during a run join that run instead of replacing it', async () => {
  const { deps } = await seededSite();
  const progress = await startRun(deps);
  mockedRun.mockImplementation(async ({ projectKeys }) => reportFor(projectKeys.map((key) => ({ key, serviceDeskId: '1' }))));
  await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });

  const fromItPage = await buildResolvers(deps).startRecheck({}, { accountId: 'it-admin', surface: 'project', projectKey: 'IT' });
  expect(fromItPage.success && fromItPage.data).toMatchObject({ runId: progress.runId, pending: expect.arrayContaining(['IT', 'HR']), projectsTotal: 2 });
  expect(deps.queue.jobs().filter((j) => j.projectKey === 'IT')).toHaveLength(2);

  await processProjectJob(deps, { runId: progress.runId, projectKey: 'HR', reason: 'recheck' });
  await processProjectJob(deps, { runId: progress.runId, projectKey: 'IT', reason: 'recheck' });
  expect(await loadProgress(deps.storage, deps.now())).toMatchObject({ runId: progress.runId, state: 'done', projectsDone: 2 });
});
