/**
 * A fake site with everything the resolvers touch: a stored report for IT and HR,
 * settings naming the service account and an end-user group, and Jira routes for
 * roles, customers, group members, pickers and service desks.
 */
import { migrateStorage } from '../../../src/forge/storage/migrate';
import { storeReport } from '../../../src/forge/storage/report-repo';
import { saveSettings } from '../../../src/forge/storage/settings-repo';
import { SA_ID } from '../../../src/requirements/testing/snapshot-builder';
import { FakeJira, type Who } from './fake-jira';
import { reportFor } from './reports';
import { testDeps, type TestDeps } from './test-deps';

export const PEOPLE: Record<string, Who> = {
  'site-admin': { siteAdmin: true },
  'it-admin': { projectAdminOf: ['IT'] },
  'hr-admin': { projectAdminOf: ['HR'] },
};

export const GROUP = 'all-staff';

export interface SiteState {
  roleActors: string[];
  customers: Set<string>;
  members: string[];
  /** JSM organizations associated with desk 1: their members are its customers too. */
  organizations?: { id: string; name: string; members: string[] }[];
}

function jsmPageOf<T>(all: T[], query: string): { start: number; limit: number; size: number; isLastPage: boolean; values: T[] } {
  const q = new URLSearchParams(query);
  const start = Number(q.get('start') ?? 0);
  const limit = Math.min(Number(q.get('limit') ?? 50), 50);
  const values = all.slice(start, start + limit);
  return { start, limit, size: values.length, isLastPage: start + values.length >= all.length, values };
}

export function withJiraRoutes(jira: FakeJira, state: SiteState): FakeJira {
  return jira
    .on('GET', /^\/rest\/api\/3\/project\/(IT|HR)\/role$/, (_r, m) => ({
      status: 200,
      body: { 'Service Desk Team': `https://acme.atlassian.net/rest/api/3/project/${m[1]}/role/10101`, Administrators: 'https://acme.atlassian.net/rest/api/3/project/IT/role/10002' },
    }))
    .on('GET', /^\/rest\/api\/3\/project\/(IT|HR)\/role\/10101$/, () => ({
      status: 200,
      body: { id: 10101, name: 'Service Desk Team', actors: state.roleActors.map((accountId) => ({ type: 'atlassian-user-role-actor', actorUser: { accountId } })) },
    }))
    .on('POST', /^\/rest\/api\/3\/project\/(IT|HR)\/role\/10101$/, (req) => {
      for (const id of (req.body as { user: string[] }).user) if (!state.roleActors.includes(id)) state.roleActors.push(id);
      return { status: 200, body: { actors: [] } };
    })
    .on('GET', /^\/rest\/api\/3\/group\/member\?(.*)$/, (_r, m) => {
      const q = new URLSearchParams(m[1]);
      const startAt = Number(q.get('startAt'));
      const max = Number(q.get('maxResults'));
      const page = state.members.slice(startAt, startAt + max);
      return { status: 200, body: { startAt, maxResults: max, total: state.members.length, isLast: startAt + page.length >= state.members.length, values: page.map((accountId) => ({ accountId, displayName: `User ${accountId}`, active: true })) } };
    })
    .on('GET', /^\/rest\/servicedeskapi\/servicedesk\/1\/customer\?(.*)$/, (req, m) => {
      if (req.headers?.['X-ExperimentalApi'] !== 'opt-in') return { status: 412, body: { errorMessage: 'experimental' } };
      const q = new URLSearchParams(m[1]);
      const start = Number(q.get('start'));
      const all = [...state.customers];
      const page = all.slice(start, start + Number(q.get('limit')));
      return { status: 200, body: { start, limit: 50, size: page.length, isLastPage: start + page.length >= all.length, values: page.map((accountId) => ({ accountId })) } };
    })
    .on('GET', /^\/rest\/servicedeskapi\/servicedesk\/1\/organization\?(.*)$/, (_r, m) => ({
      status: 200,
      body: jsmPageOf((state.organizations ?? []).map(({ id, name }) => ({ id, name })), m[1]!),
    }))
    .on('GET', /^\/rest\/servicedeskapi\/organization\/(\d+)\/user\?(.*)$/, (_r, m) => {
      const organization = (state.organizations ?? []).find((o) => o.id === m[1]);
      if (!organization) return { status: 404, body: { errorMessage: `The organization with ID ${m[1]} does not exist.` } };
      return { status: 200, body: jsmPageOf(organization.members.map((accountId) => ({ accountId })), m[2]!) };
    })
    .on('POST', /^\/rest\/servicedeskapi\/servicedesk\/1\/customer$/, (req) => {
      if (req.headers?.['X-ExperimentalApi'] !== 'opt-in') return { status: 412, body: { errorMessage: 'experimental' } };
      for (const id of (req.body as { accountIds: string[] }).accountIds) state.customers.add(id);
      return { status: 204 };
    })
    .on('GET', /^\/rest\/servicedeskapi\/servicedesk\?/, () => ({
      status: 200,
      body: { start: 0, limit: 50, size: 2, isLastPage: true, values: [{ id: '1', projectKey: 'IT', projectName: 'IT Service Desk' }, { id: '2', projectKey: 'HR', projectName: 'HR' }] },
    }))
    .on('GET', /^\/rest\/api\/3\/user\/search\?/, () => ({
      status: 200,
      body: [{ accountId: SA_ID, accountType: 'atlassian', displayName: 'Moveworks Bot', emailAddress: 'moveworks-bot@acme.com', active: true }],
    }))
    .on('GET', /^\/rest\/api\/3\/groups\/picker\?/, () => ({ status: 200, body: { groups: [{ name: GROUP, groupId: 'g-1' }] } }))
    .on('GET', /^\/rest\/api\/3\/myself$/, (req) => ({ status: 200, body: { accountId: req.as, displayName: `Name of ${req.as}` } }));
}

export async function seededSite(): Promise<{ deps: TestDeps; state: SiteState }> {
  const state: SiteState = { roleActors: [], customers: new Set(['557058:c1']), members: ['557058:c1', '557058:m1', '557058:m2'] };
  const deps = testDeps(withJiraRoutes(new FakeJira(PEOPLE), state));
  await migrateStorage(deps.storage);
  await saveSettings(deps.storage, { settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: [GROUP] }, version: 0 }, 'site-admin', deps.now());
  await storeReport(deps.storage, reportFor([{ key: 'IT', id: '10000', serviceDeskId: '1' }, { key: 'HR', id: '10001', serviceDeskId: '2', name: 'HR' }], { endUserGroups: [GROUP], members: state.members }), 'run-0');
  return { deps, state };
}
