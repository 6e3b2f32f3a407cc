import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, GROUP_IDS } from '../../dev/simulator/sites/demo';
import { createHttpTransport } from '../jira/http-transport';
import { JiraClient } from '../jira/jira-client';
import { ok, project, serviceAccount } from '../requirements/testing/snapshot-builder';
import type { PlannedChange } from './fix';
import { ADMIN_CONSOLE, grantServiceManagementAccess } from './grant-service-management-access';
import { describeFixPlan } from './testing/table';

const noAccess = { serviceAccount: ok(serviceAccount({ applicationRoles: [], groups: [] })) };

describeFixPlan(grantServiceManagementAccess, [
  { name: 'nothing to do: the account already has Jira Service Management', changes: [] },
  {
    name: 'one change: the account has no Jira Service Management role',
    site: noAccess,
    changes: ['product-access:jira-servicedesk:557058:sa-moveworks'],
    summary: 'Give Moveworks Bot (moveworks-bot@acme.com) Jira Service Management access',
    assert: (plan) =>
      expect(plan.changes[0]).toMatchObject({ target: { kind: 'application-role', id: 'jira-servicedesk', name: 'Jira Service Management' }, items: 1, payload: { roleKey: 'jira-servicedesk' } }),
  },
  {
    name: 'shared artifact: product access is site-wide, so the change reaches every desk read',
    site: { ...noAccess, projects: [project(), project({ key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2' })] },
    changes: ['product-access:jira-servicedesk:557058:sa-moveworks'],
    assert: (plan) => expect(plan.changes[0]!.reach.projects.map((p) => p.key)).toEqual(['IT', 'HR']),
  },
  {
    name: 'permission missing: a Jira admin who is not a site admin is told a site admin can, in the admin console',
    site: noAccess,
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [],
    blockers: ['Only a site admin'],
    assert: (plan) => expect(plan.blockers[0]).toMatchObject({ who: expect.stringContaining('site admin'), link: ADMIN_CONSOLE }),
  },
  {
    name: 'no service account found: nothing planned, SA-EXISTS named',
    site: { serviceAccount: ok(null) },
    changes: [],
    blockers: ['SA-EXISTS'],
  },
]);

describe('grant-service-management-access apply on the simulator', () => {
  let sim: RunningSimulator;
  const sa = DEMO_CREDENTIALS.serviceAccount;
  const change: PlannedChange = {
    id: `product-access:jira-servicedesk:${sa.accountId}`,
    summary: 'Add Moveworks Bot to the default group of Jira Service Management',
    target: { kind: 'application-role', id: 'jira-servicedesk', name: 'Jira Service Management' },
    reach: { projects: [{ key: 'HR', name: 'HR' }] },
    items: 1,
    payload: { roleKey: 'jira-servicedesk', accountId: sa.accountId, accountName: 'Moveworks Bot' },
  };
  const clientAs = (who: { email: string; token: string }) => new JiraClient(createHttpTransport({ baseUrl: sim.url, email: who.email, apiToken: who.token }), { sleep: async () => undefined });

  beforeEach(async () => {
    const site = buildDemoSite();
    site.removeFromGroup(GROUP_IDS.serviceDeskUsers, [sa.accountId]);
    sim = await startSimulator({ site, validateResponses: true });
  });
  afterEach(() => sim.close());

  it('adds the account to the role’s default group read from Jira, then answers unchanged without posting again', async () => {
    const client = clientAs(DEMO_CREDENTIALS.admin);
    expect(await grantServiceManagementAccess.apply(change, client)).toMatchObject({ outcome: 'applied', message: expect.stringContaining('jira-servicedesk-users'), itemsDone: 1 });
    expect(sim.model.applicationRolesOf(sa.accountId).map((r) => r.key)).toContain('jira-servicedesk');
    expect(await grantServiceManagementAccess.apply(change, client)).toMatchObject({ outcome: 'unchanged', itemsDone: 0 });
    expect(sim.requests.filter((r) => r.endpoint === 'POST /rest/api/3/group/user')).toHaveLength(1);
    expect(sim.requests.find((r) => r.endpoint === 'POST /rest/api/3/group/user')?.requestBody).toEqual({ accountId: sa.accountId });
    expect(sim.violations).toEqual([]);
  });

  it('a caller who is not an admin is refused in Jira’s words and nothing changes', async () => {
    const result = await grantServiceManagementAccess.apply(change, clientAs(DEMO_CREDENTIALS.projectAdmin));
    expect(result).toMatchObject({ outcome: 'refused', message: expect.stringContaining('Administrator privileges are required'), itemsFailed: 1 });
    expect(sim.model.applicationRolesOf(sa.accountId).map((r) => r.key)).not.toContain('jira-servicedesk');
    expect(sim.requests.filter((r) => r.endpoint === 'POST /rest/api/3/group/user')).toEqual([]);
  });
});
