/**
 * Fixes end to end through the generic resolvers on the simulated demo site, with the
 * real engine: a failing check, previewFix (nothing written), applyFix as the caller,
 * the re-check turning the check green, and a second apply that changes nothing.
 * Then what History records, and a fix across many desks that runs as queued jobs,
 * stops, resumes where it stopped and never sends a change twice.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite } from '../../dev/simulator/sites/generated-site';
import { HR_MISSING_CUSTOMER_INDEXES, HR_ORGANIZATION_MEMBER_INDEXES, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { staffUsers } from '../../dev/simulator/sites/people';
import { WORKFLOW_NAMES } from '../../dev/simulator/sites/demo-workflows';
import { processFixJob } from '../../src/forge/consumer/process-fix-job';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, FixJob, InvocationContext, ProjectJob } from '../../src/forge/deps';
import { buildResolvers } from '../../src/forge/resolvers';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { getSettings, saveSettings } from '../../src/forge/storage/settings-repo';
import { runChecks } from '../../src/forge/run/readiness-runner';
import { PROJECT_CHECKS } from '../../src/requirements/catalogue';
import { addMissingCustomers, type CustomersChangePayload } from '../../src/fixes/add-missing-customers';
import { JiraClient } from '../../src/jira/jira-client';
import { createHttpTransport } from '../../src/jira/http-transport';
import type { DataOf, Envelope, FixPreview, FixRunView, ResolverName } from '../../src/shared/resolver-api';
import { IDENTITIES, startSimulatedApp, type SimulatedApp, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN: InvocationContext = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' };
const HR_PAGE: InvocationContext = { accountId: IDENTITIES.hrAdmin.accountId, surface: 'project', projectKey: 'HR' };

function data<T>(result: Envelope<unknown>): T {
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

async function status(app: SimulatedApp, projectKey: string, checkId: string): Promise<string | undefined> {
  const view = data<DataOf<'getProjectView'>>(await app.call('getProjectView', { projectKey }, ADMIN));
  return view.project?.checks.find((c) => c.id === checkId)?.status;
}

describe('fixes on the demo site', () => {
  const app = useSimulatedApp({ each: true });

  it('SA-PROJECT-ROLE on HR: fails, previewFix plans one change, applyFix adds the account as the site admin and the re-check passes; a second apply changes nothing', async () => {
    expect(await status(app, 'HR', 'SA-PROJECT-ROLE')).toBe('fail');
    const storeBefore = await app.storeSnapshot();
    const preview = data<FixPreview>(await app.call('previewFix', { fixId: 'add-to-service-desk-team', projectKey: 'HR' }, ADMIN));
    expect(preview).toMatchObject({ projectKey: 'HR', desks: ['HR'], changesTotal: 1, itemsTotal: 1, blockers: [], background: false });
    expect(preview.summary).toBe('Add Moveworks Bot (moveworks-bot@acme.example) to Service Desk Team in HR Help Desk');
    expect(preview.changes[0]).toMatchObject({ target: { kind: 'project-role', name: 'Service Desk Team in HR' }, reach: { projects: [{ key: 'HR', name: 'HR Help Desk' }] } });
    expect(app.writes()).toEqual([]);
    expect(await app.storeSnapshot()).toBe(storeBefore);

    const run = data<FixRunView>(await app.call('applyFix', { fixId: 'add-to-service-desk-team', projectKey: 'HR' }, ADMIN));
    expect(run).toMatchObject({ state: 'done', background: false, summary: '1 added, 0 failed', by: ADMIN.accountId, changesRecorded: 1 });
    expect(run.changes[0]!.result).toMatchObject({ outcome: 'applied', items: [{ id: DEMO_CREDENTIALS.serviceAccount.accountId, outcome: 'done' }] });
    expect(app.writes()).toEqual([{ endpoint: 'POST /rest/api/3/project/{projectIdOrKey}/role/{id}', accountId: ADMIN.accountId, status: 200 }]);
    expect(run.rechecked).toEqual([{ projectKey: 'HR', checks: [expect.objectContaining({ id: 'SA-PROJECT-ROLE', status: 'pass' })] }]);
    expect(await status(app, 'HR', 'SA-PROJECT-ROLE')).toBe('pass');

    const again = data<FixRunView>(await app.call('applyFix', { fixId: 'add-to-service-desk-team', projectKey: 'HR' }, ADMIN));
    expect(again).toMatchObject({ state: 'done', changesRecorded: 0, progress: { changesTotal: 0 } });
    expect(app.writes()).toHaveLength(1);
  }, 60_000);

  it('CUST-COVERAGE on HR: previewFix lists the missing users, never the organization members; applyFix adds them as the caller and the re-check passes; a second apply changes nothing', async () => {
    expect(await status(app, 'HR', 'CUST-COVERAGE')).toBe('fail');
    const missing = HR_MISSING_CUSTOMER_INDEXES.map((i) => staffUsers()[i]!.accountId).sort();
    const preview = data<FixPreview>(await app.call('previewFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN));
    expect(preview).toMatchObject({ summary: `Add ${missing.length} users to HR Help Desk's customers`, changesTotal: 1, itemsTotal: missing.length, blockers: [] });

    const run = data<FixRunView>(await app.call('applyFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN));
    expect(run).toMatchObject({ state: 'done', summary: `${missing.length} added, 0 failed` });
    const added = run.changes.flatMap((c) => c.result.items ?? []).map((i) => i.id);
    expect(added).toEqual(missing);
    const organizationMembers = HR_ORGANIZATION_MEMBER_INDEXES.map((i) => staffUsers()[i]!.accountId);
    expect(added.some((id) => organizationMembers.includes(id))).toBe(false);
    expect(app.writes()).toEqual([{ endpoint: 'POST /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', accountId: ADMIN.accountId, status: 204 }]);
    expect(run.rechecked[0]!.checks.map((c) => [c.id, c.status])).toEqual([['CUST-COVERAGE', 'pass']]);

    const previewAgain = data<FixPreview>(await app.call('previewFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN));
    expect(previewAgain).toMatchObject({ changesTotal: 0, changes: [] });
    const again = data<FixRunView>(await app.call('applyFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN));
    expect(again.changesRecorded).toBe(0);
    expect(app.writes()).toHaveLength(1);
  }, 60_000);

  it('without a desk, a fix works on every desk that fails its check', async () => {
    const preview = data<FixPreview>(await app.call('previewFix', { fixId: 'add-to-service-desk-team' }, ADMIN));
    expect(preview.desks).toEqual(['HR']);
    const run = data<FixRunView>(await app.call('applyFix', { fixId: 'add-to-service-desk-team' }, ADMIN));
    expect(run).toMatchObject({ state: 'done', desks: ['HR'], summary: '1 added, 0 failed' });
    expect(await status(app, 'HR', 'SA-PROJECT-ROLE')).toBe('pass');
  }, 60_000);

  it('after add-global-transitions on HR, every HR check judged on its workflows (WF-BOT-TRANSITIONS-RESTRICTED, the Resolve-screen checks) is re-checked in the stored report, not only the ones the fix resolves', async () => {
    const run = data<FixRunView>(await app.call('applyFix', { fixId: 'add-global-transitions', projectKey: 'HR' }, ADMIN));
    expect(run).toMatchObject({ state: 'done' });
    const stored = data<DataOf<'getProjectView'>>(await app.call('getProjectView', { projectKey: 'HR' }, ADMIN)).project!.checks;
    const { settings } = await getSettings(app.store);
    const fresh = await runChecks({ transport: app.deps.jiraAsApp(), settings, projectKeys: ['HR'], log: app.deps.log, now: app.deps.now });
    const onWorkflows = PROJECT_CHECKS.filter((c) => c.requires.includes('workflows') && c.meta.id !== 'PARITY-CONFIG').map((c) => c.meta.id);
    expect(onWorkflows).toEqual(expect.arrayContaining(['WF-BOT-TRANSITIONS-RESTRICTED', 'WF-RESOLVE-SCREEN-FIELDS']));
    const judged = (checks: readonly { id: string; status: string; summary?: string }[]) =>
      checks.filter((c) => onWorkflows.includes(c.id)).map(({ id, status: s, summary }) => ({ id, status: s, summary })).sort((a, b) => a.id.localeCompare(b.id));
    expect(judged(stored)).toEqual(judged(fresh.projects.find((p) => p.key === 'HR')!.checks));
    expect(stored.find((c) => c.id === 'WF-BOT-TRANSITIONS-RESTRICTED')).toMatchObject({ status: 'pass' });
  }, 60_000);

  it("a workflow HR shares with the software project ENG: the preview of HR's add-global-transitions lists ENG and its issue type beside HR, from where Jira says the workflow is used", async () => {
    // ENG's Bug runs HR's service request workflow: one workflow, two projects, only one of them a desk.
    app.sim.model.workflowScheme(10102)!.issueTypeMappings['10010'] = WORKFLOW_NAMES.hrServiceRequest;
    const preview = data<FixPreview>(await app.call('previewFix', { fixId: 'add-global-transitions', projectKey: 'HR' }, ADMIN));
    const shared = preview.changes.filter((c) => c.target.name === WORKFLOW_NAMES.hrServiceRequest);
    expect(shared.length).toBeGreaterThan(0);
    for (const change of shared) {
      expect(change.reach.projects).toEqual([{ key: 'HR', name: 'HR Help Desk' }, { key: 'ENG', name: 'Engineering' }]);
      expect(change.reach.issueTypes?.map((t) => t.name)).toEqual(expect.arrayContaining(['HR Inquiry', 'Bug']));
      expect(change.reach.unconfirmed).toBeUndefined();
    }
    expect(app.sim.requests.filter((r) => r.endpoint === 'GET /rest/api/3/workflow/{workflowId}/projectUsages').length).toBeGreaterThan(0);
    expect(app.writes()).toEqual([]);
  }, 60_000);

  it("the HR admin fixes HR's role from its settings page as themselves; their customers preview says Jira refused them the group, and nothing is written", async () => {
    const run = data<FixRunView>(await app.call('applyFix', { fixId: 'add-to-service-desk-team' }, HR_PAGE));
    expect(run).toMatchObject({ state: 'done', projectKey: 'HR', summary: '1 added, 0 failed' });
    expect(new Set(app.writes().map((w) => w.accountId))).toEqual(new Set([IDENTITIES.hrAdmin.accountId]));

    const before = app.writes().length;
    const preview = data<FixPreview>(await app.call('previewFix', { fixId: 'add-missing-customers' }, HR_PAGE));
    expect(preview.changes).toEqual([]);
    expect(preview.blockers[0]!.reason).toMatch(/The members of the end-user group\(s\) could not be read/);
    const applied = data<FixRunView>(await app.call('applyFix', { fixId: 'add-missing-customers' }, HR_PAGE));
    expect(applied.blockers[0]!.reason).toMatch(/could not be read/);
    expect(app.writes()).toHaveLength(before);
  }, 60_000);

  it("the HR admin's page offers the fixes they may run and names, apart, those only a Jira administrator may; a site admin's page has no such list", async () => {
    const hrView = data<DataOf<'getProjectView'>>(await app.call('getProjectView', { projectKey: 'HR' }, HR_PAGE));
    expect(hrView.fixes?.map((f) => f.permission)).not.toContain('site-admin');
    expect(hrView.fixesForOthers?.map((f) => f.id)).toEqual(['grant-service-management-access', 'add-resolve-screen-fields']);
    const adminView = data<DataOf<'getProjectView'>>(await app.call('getProjectView', { projectKey: 'HR' }, ADMIN));
    expect(adminView.fixesForOthers).toBeUndefined();
    expect(adminView.fixes?.map((f) => f.id)).toContain('add-resolve-screen-fields');
  });

  it('History lists the changes made by the app: who, when, which fix, which Jira objects and what Jira answered', async () => {
    await app.call('applyFix', { fixId: 'add-to-service-desk-team', projectKey: 'HR' }, ADMIN);
    const history = data<DataOf<'getHistory'>>(await app.call('getHistory', {}, ADMIN));
    expect(history.changes).toEqual([
      expect.objectContaining({
        fixId: 'add-to-service-desk-team',
        title: 'Add the service account to Service Desk Team',
        by: ADMIN.accountId,
        byName: expect.any(String),
        startedAt: expect.any(String),
        changes: [expect.objectContaining({ target: expect.objectContaining({ kind: 'project-role', name: 'Service Desk Team in HR' }), projects: ['HR'], result: expect.objectContaining({ outcome: 'applied' }) })],
      }),
    ]);
    const itsd = data<DataOf<'getHistory'>>(await app.call('getHistory', { projectKey: 'ITSD' }, ADMIN));
    expect(itsd.changes).toEqual([]);
  }, 60_000);

  it('an unknown fix or run is a VALIDATION or NOT_FOUND answer, and a plan from the page is never read', async () => {
    expect(await app.call('previewFix', { fixId: 'drop-database' }, ADMIN)).toEqual({ success: false, errors: [expect.objectContaining({ errorType: 'VALIDATION', field: 'fixId' })] });
    expect(await app.call('getFixRun', { runId: 'fix-nope' }, ADMIN)).toEqual({ success: false, errors: [expect.objectContaining({ errorType: 'NOT_FOUND' })] });
    const forged = { fixId: 'add-missing-customers', projectKey: 'HR', changes: [{ id: 'x', payload: { serviceDeskId: '1', accountIds: ['someone'] } }] };
    const run = data<FixRunView>(await app.call('applyFix', forged, ADMIN));
    expect(run.changes.every((c) => c.projects.includes('HR'))).toBe(true);
    expect(app.writes().every((w) => w.endpoint.includes('customer'))).toBe(true);
  }, 60_000);
});

describe("JSM's 400 for a batch with an unknown account, on the simulator", () => {
  it('adds the valid ones and the fix says so per user instead of claiming none were added', async () => {
    const app = await startSimulatedApp({ seed: false });
    try {
      const missing = HR_MISSING_CUSTOMER_INDEXES.slice(0, 2).map((i) => staffUsers()[i]!.accountId);
      const payload: CustomersChangePayload = { projectKey: 'HR', serviceDeskId: '2', accounts: [{ accountId: missing[0]! }, { accountId: '557058:ghost' }, { accountId: missing[1]! }] };
      const change = { id: 'HR:customers:1', summary: 's', target: { kind: 'customers' as const, id: '2', name: 'Customers of HR' }, reach: { projects: [{ key: 'HR', name: 'HR' }] }, items: 3, payload };
      const result = await addMissingCustomers.apply(change, new JiraClient(app.deps.jiraAsUser(ADMIN.accountId!), { sleep: async () => undefined }));
      expect(result.items!.map((i) => i.outcome)).toEqual(['done', 'failed', 'done']);
      expect([result.outcome, result.itemsDone, result.itemsFailed]).toEqual(['applied', 2, 1]);
      expect(app.sim.model.isCustomer(app.sim.model.project('HR')!.id, missing[0]!)).toBe(true);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('a fix across many desks', () => {
  let sim: RunningSimulator;
  afterEach(async () => sim?.close());

  it('runs as queued jobs with progress, resumes where it stopped and never sends a change twice', async () => {
    const site = generateSite({ desks: 12, endUsers: 240, minCustomers: 5, maxCustomers: 40, teamManagedShare: 0, sharedWorkflows: 2, schemes: 2, screens: 6 });
    sim = await startSimulator({ site: site.model });
    const transport = createHttpTransport({ baseUrl: sim.url, email: site.admin.email, apiToken: site.admin.token });
    const projectJobs: ProjectJob[] = [];
    const fixJobs: FixJob[] = [];
    let clock = Date.now();
    const deps: AppDeps = {
      storage: new MemoryStore(),
      queue: { push: async (jobs) => void projectJobs.push(...jobs), pushFix: async (job) => void fixJobs.push(job) },
      jiraAsApp: () => transport,
      jiraAsUser: (accountId) => {
        if (accountId !== site.admin.accountId) throw new Error('unknown caller');
        return transport;
      },
      now: () => new Date(clock),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    };
    await saveSettings(deps.storage, { settings: { serviceAccount: site.serviceAccountEmail, endUserGroups: site.endUserGroups }, version: 0 }, 'test', new Date());
    const resolvers = buildResolvers(deps);
    const call = async <K extends ResolverName>(name: K, payload: unknown) => data<DataOf<K>>(await (resolvers[name] as (p: unknown, c: InvocationContext) => Promise<Envelope<unknown>>)(payload, { accountId: site.admin.accountId, surface: 'admin' }));
    await call('startRecheck', {});
    for (const job of projectJobs.splice(0)) await processProjectJob(deps, job);
    const failing = site.desks.map((d: { key: string }) => d.key);

    const started = await call('applyFix', { fixId: 'add-missing-customers' });
    expect(started).toMatchObject({ state: 'running', background: true, desks: failing, progress: { desksTotal: 12, desksDone: 0 } });
    expect(fixJobs).toEqual([{ fixRunId: started.runId }]);

    // The first job's clock runs out after a few changes.
    const posts = () => sim.requests.filter((r) => r.endpoint === 'POST /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer');
    const realNow = deps.now;
    deps.now = () => {
      if (posts().length >= 5) clock += 60_000;
      return new Date(clock);
    };
    await processFixJob(deps, fixJobs.shift()!, 30_000);
    deps.now = realNow;
    const paused = await call('getFixRun', { runId: started.runId });
    expect(paused.state).toBe('running');
    expect(paused.changesRecorded).toBe(5);
    expect(fixJobs).toEqual([{ fixRunId: started.runId }]);
    // First pages of each desk's customer listing, read as the planning user or the re-checking app alike.
    const firstPageReads = () => {
      const reads: Record<string, number> = {};
      for (const r of sim.requests) {
        if (r.endpoint !== 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer' || !/[?&]start=0(&|$)/.test(r.path)) continue;
        reads[r.params.serviceDeskId!] = (reads[r.params.serviceDeskId!] ?? 0) + 1;
      }
      return reads;
    };
    const readsAtStop = firstPageReads();

    await processFixJob(deps, fixJobs.shift()!);
    const done = await call('getFixRun', { runId: started.runId });
    expect(done).toMatchObject({ state: 'done', progress: { desksDone: 12, desksTotal: 12, itemsFailed: 0 } });
    expect(done.progress.itemsDone).toBe(done.progress.itemsTotal);
    expect(fixJobs).toEqual([]);
    // Each change was sent once: as many posts as changes recorded, no id twice.
    expect(posts()).toHaveLength(done.changesRecorded);
    expect(new Set(done.changes.map((c) => c.changeId)).size).toBe(done.changesRecorded);
    // The first batch's desks, planned before the stop, are not read for a plan again: after the stop each is read once, by its re-check.
    const readsAfter = firstPageReads();
    const firstBatch = site.desks.slice(0, 10).map((d: { serviceDeskId: string }) => d.serviceDeskId);
    expect(firstBatch.map((id: string) => (readsAfter[id] ?? 0) - (readsAtStop[id] ?? 0))).toEqual(firstBatch.map(() => 1));
    const overview = await call('getOverview', {});
    expect(overview.report!.projects.map((p) => p.checks.find((c) => c.id === 'CUST-COVERAGE')!.status)).toEqual(failing.map(() => 'pass'));
  }, 120_000);
});
