/**
 * One-click fixes: made as the calling admin, idempotent, in batches of 50 for
 * customers with the experimental header, with an outcome per item, then the
 * affected check re-run for that project.
 */
import { buildResolvers } from '../../src/forge/resolvers';
import type { InvocationContext } from '../../src/forge/deps';
import type { Envelope, FixResult } from '../../src/shared/resolver-api';
import { addMissingCustomers, CUSTOMER_BATCH } from '../../src/forge/fixes/add-missing-customers';
import { SA_ID } from '../../src/requirements/testing/snapshot-builder';
import { runChecks } from '../../src/forge/run/readiness-runner';
import { seededSite } from './helpers/seeded-site';
import { loadProject } from '../../src/forge/storage/report-repo';

jest.mock('../../src/forge/run/readiness-runner', () => ({
  runChecks: jest.fn(),
}));

const mockedRun = runChecks as jest.MockedFunction<typeof runChecks>;
const ADMIN: InvocationContext = { accountId: 'site-admin', surface: 'admin' };
const IT_PAGE: InvocationContext = { accountId: 'it-admin', surface: 'project', projectKey: 'IT' };

function data(result: Envelope<FixResult>): FixResult {
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

beforeEach(() => {
  mockedRun.mockReset();
});

describe('add the service account to the Service Desk Team role', () => {
  it('posts as the calling admin, then answers already_present without posting again', async () => {
    const { deps, state } = await seededSite();
    mockedRun.mockImplementation(async () => {
      const { reportFor } = jest.requireActual('./helpers/reports');
      const actors = state.roleActors.map((accountId: string) => ({ type: 'user', accountId }));
      return reportFor([{ key: 'IT', serviceDeskId: '1', roles: { ok: true, value: [{ id: '10101', name: 'Service Desk Team', actors }] } }]);
    });
    const resolvers = buildResolvers(deps);
    const beforeFix = (await loadProject(deps.storage, 'IT'))!;

    const first = data(await resolvers.fixAddServiceAccountToRole({ projectKey: 'IT' }, IT_PAGE));
    expect(first.items).toEqual([{ item: SA_ID, displayName: 'Moveworks Bot', outcome: 'added' }]);
    const posts = deps.jira.writes();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/project/IT/role/10101', as: 'it-admin', body: { user: [SA_ID] } });
    // The re-check ran as the app for IT alone and shows the role check passing now.
    expect(mockedRun).toHaveBeenCalledWith(expect.objectContaining({ projectKeys: ['IT'], requires: ['serviceAccount', 'projectRoles'] }));
    expect(first.rechecked.map((c) => [c.id, c.status])).toEqual([['SA-PROJECT-ROLE', 'pass']]);
    // Only the affected check was replaced; the project's other stored results are untouched.
    const after = (await loadProject(deps.storage, 'IT'))!;
    expect(after.runId).toBe('run-0');
    expect(after.checks.find((c) => c.id === 'WF-STATUS-BUCKETS')).toEqual(beforeFix.checks.find((c) => c.id === 'WF-STATUS-BUCKETS'));

    const second = data(await resolvers.fixAddServiceAccountToRole({ projectKey: 'IT' }, IT_PAGE));
    expect(second.items[0].outcome).toBe('already_present');
    expect(deps.jira.writes()).toHaveLength(1);
  });

  it('reports a refused post as failed with Jira\'s reason', async () => {
    const { deps } = await seededSite();
    deps.jira.on('POST', /\/role\/10101$/, () => ({ status: 403, body: { errorMessages: ['You cannot edit the configuration of this project.'] } }));
    mockedRun.mockRejectedValue(new Error('not needed'));
    const result = data(await buildResolvers(deps).fixAddServiceAccountToRole({ projectKey: 'IT' }, ADMIN));
    expect(result.items).toEqual([expect.objectContaining({ outcome: 'failed', message: 'You cannot edit the configuration of this project.' })]);
  });

  it('falls back to a queued re-check when the re-run does not finish in time', async () => {
    const { deps } = await seededSite();
    mockedRun.mockImplementation(() => new Promise(() => undefined));
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const pending = buildResolvers(deps).fixAddServiceAccountToRole({ projectKey: 'IT' }, ADMIN);
      await jest.advanceTimersByTimeAsync(25_000);
      const result = data(await pending);
      expect(result.rechecked).toEqual([]);
      expect(result.recheckQueued).toBe(true);
      expect(deps.queue.jobs()).toEqual([expect.objectContaining({ projectKey: 'IT', reason: 'fix' })]);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('add the missing end users as customers', () => {
  it('adds every missing user in batches of 50 with the experimental header, as the caller, once', async () => {
    const { deps, state } = await seededSite();
    state.members = Array.from({ length: 120 }, (_, i) => `557058:u${i}`);
    state.customers = new Set(['557058:u0', '557058:u1']);
    mockedRun.mockImplementation(async () => {
      const { reportFor } = jest.requireActual('./helpers/reports');
      return reportFor([{ key: 'IT', serviceDeskId: '1', customers: { ok: true, value: [...state.customers] } }], { endUserGroups: ['all-staff'], members: state.members });
    });
    const resolvers = buildResolvers(deps);

    const result = data(await resolvers.fixAddMissingCustomers({ projectKey: 'IT' }, ADMIN));
    const posts = deps.jira.writes();
    expect(posts.map((p) => (p.body as { accountIds: string[] }).accountIds.length)).toEqual([50, 50, 18]);
    expect(posts.every((p) => p.as === 'site-admin' && p.headers?.['X-ExperimentalApi'] === 'opt-in')).toBe(true);
    expect(result.items).toHaveLength(118);
    expect(result.items.every((i) => i.outcome === 'added')).toBe(true);
    expect(result.items[0]).toEqual({ item: '557058:u2', displayName: 'User 557058:u2', outcome: 'added' });
    expect(state.customers.size).toBe(120);
    expect(result.rechecked.map((c) => [c.id, c.status])).toEqual([['CUST-COVERAGE', 'pass']]);

    const again = data(await resolvers.fixAddMissingCustomers({ projectKey: 'IT' }, ADMIN));
    expect(again.items).toEqual([]);
    expect(deps.jira.writes()).toHaveLength(3);
  });

  it('never adds an end user the desk already covers through one of its organizations', async () => {
    const { deps, state } = await seededSite();
    state.members = Array.from({ length: 60 }, (_, i) => `557058:u${i}`);
    state.customers = new Set(['557058:u0']);
    // 55 members in one organization: two pages of members.
    state.organizations = [
      { id: '7', name: 'Field Operations', members: state.members.slice(1, 56) },
      { id: '8', name: 'Vendors', members: ['557058:vendor-1'] },
    ];
    const outcome = await addMissingCustomers(deps.jiraAsUser('site-admin'), '1', ['all-staff'], () => false);
    expect(outcome.incomplete).toBeUndefined();
    expect(outcome.items.map((i) => i.item)).toEqual(['557058:u56', '557058:u57', '557058:u58', '557058:u59']);
    const posted = deps.jira.writes().flatMap((p) => (p.body as { accountIds: string[] }).accountIds);
    expect(posted).toEqual(['557058:u56', '557058:u57', '557058:u58', '557058:u59']);
    expect(deps.jira.requests.filter((r) => r.path.startsWith('/rest/servicedeskapi/organization/7/user')).map((r) => r.path)).toEqual([
      '/rest/servicedeskapi/organization/7/user?start=0&limit=50',
      '/rest/servicedeskapi/organization/7/user?start=50&limit=50',
    ]);
  });

  it("adds nobody when the desk's organizations cannot be read, and says why", async () => {
    const { deps, state } = await seededSite();
    state.customers = new Set();
    deps.jira.on('GET', /^\/rest\/servicedeskapi\/servicedesk\/1\/organization\?/, () => ({ status: 403, body: { errorMessage: 'You are not an agent of this service project.' } }));
    const outcome = await addMissingCustomers(deps.jiraAsUser('site-admin'), '1', ['all-staff'], () => false);
    expect(outcome.items).toEqual([]);
    expect(outcome.incomplete).toBe("Jira refused to list the desk's organizations: You are not an agent of this service project.");
    expect(deps.jira.writes()).toHaveLength(0);
  });

  it('gives each user of a refused batch their own outcome', async () => {
    const { deps, state } = await seededSite();
    state.members = ['557058:ok-1', '557058:bad-1', '557058:ok-2'];
    state.customers = new Set();
    deps.jira.on('POST', /^\/rest\/servicedeskapi\/servicedesk\/1\/customer$/, (req) => {
      const ids = (req.body as { accountIds: string[] }).accountIds;
      if (ids.some((id) => id.includes('bad'))) return { status: 400, body: { errorMessage: 'The user 557058:bad-1 cannot be a customer.' } };
      ids.forEach((id) => state.customers.add(id));
      return { status: 204 };
    });
    const outcome = await addMissingCustomers(deps.jiraAsUser('site-admin'), '1', ['all-staff'], () => false);
    expect(outcome.items.map((i) => [i.item, i.outcome])).toEqual([
      ['557058:ok-1', 'added'],
      ['557058:bad-1', 'failed'],
      ['557058:ok-2', 'added'],
    ]);
    expect(outcome.items[1].message).toBe('The user 557058:bad-1 cannot be a customer.');
    expect(CUSTOMER_BATCH).toBe(50);
  });

  it('stops at the deadline and says what is left instead of overrunning the request', async () => {
    const { deps, state } = await seededSite();
    state.members = Array.from({ length: 200 }, (_, i) => `557058:u${i}`);
    state.customers = new Set();
    let posts = 0;
    deps.jira.on('POST', /customer$/, () => {
      posts += 1;
      return { status: 204 };
    });
    const outcome = await addMissingCustomers(deps.jiraAsUser('site-admin'), '1', ['all-staff'], () => posts >= 2);
    expect(outcome.items).toHaveLength(100);
    expect(outcome.incomplete).toMatch(/100 users are still missing/);
  });

  it('refuses with a clear VALIDATION error when no end-user group is configured', async () => {
    const { deps } = await seededSite();
    const { saveSettings } = jest.requireActual('../../src/forge/storage/settings-repo');
    await saveSettings(deps.storage, { settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: [] }, version: 1 }, 'x', deps.now());
    const result = await buildResolvers(deps).fixAddMissingCustomers({ projectKey: 'IT' }, ADMIN);
    expect(result).toEqual({ success: false, errors: [expect.objectContaining({ errorType: 'VALIDATION', field: 'endUserGroups' })] });
    expect(deps.jira.writes()).toHaveLength(0);
  });
});
