/**
 * grant-service-management-access on the demo site, where the service account is
 * taken out of jira-servicedesk-users first (the demo's account has access).
 */
import type { RunningSimulator } from '../../dev/simulator/server';
import { GROUP_IDS } from '../../dev/simulator/sites/demo';
import { grantServiceManagementAccess } from '../../src/fixes/grant-service-management-access';
import { admin, applyAll, clientAs, demoSimulator, planFor, projectAdmin, runChecks, serviceAccount, statusOf, writes } from './helpers/fix-e2e';

describe('grant-service-management-access on the demo site', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await demoSimulator((site) => site.removeFromGroup(GROUP_IDS.serviceDeskUsers, [serviceAccount.accountId]));
  });
  afterEach(async () => {
    expect(sim.violations).toEqual([]);
    await sim.close();
  });

  it('the check fails, the site admin applies the plan, the check passes and a second plan is empty', async () => {
    const before = await runChecks(sim);
    expect(statusOf(before, 'SA-PRODUCT-ACCESS')).toBe('fail');
    const plan = planFor(grantServiceManagementAccess, before, []);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]!.reach.projects.map((p) => p.key)).toEqual(before.snapshot.projects.map((p) => p.key));

    expect(await applyAll(grantServiceManagementAccess, plan, clientAs(sim, admin))).toEqual([expect.objectContaining({ outcome: 'applied', itemsDone: 1 })]);
    expect(writes(sim, 'POST /rest/api/3/group/user').map((r) => [new URL(r.path, sim.url).searchParams.get('groupId'), r.requestBody])).toEqual([[GROUP_IDS.serviceDeskUsers, { accountId: serviceAccount.accountId }]]);

    const after = await runChecks(sim);
    expect(statusOf(after, 'SA-PRODUCT-ACCESS')).toBe('pass');
    expect(planFor(grantServiceManagementAccess, after, []).changes).toEqual([]);
  });

  it('a caller who is not a site admin gets a blocker, and applying as them is refused in Jira’s words with nothing written', async () => {
    const before = await runChecks(sim);
    const blocked = planFor(grantServiceManagementAccess, before, [], { isSiteAdmin: false, administersProjects: ['HR'] });
    expect(blocked.changes).toEqual([]);
    expect(blocked.blockers[0]).toMatchObject({ who: expect.stringContaining('site admin'), link: 'https://admin.atlassian.com' });

    const plan = planFor(grantServiceManagementAccess, before, []);
    const [result] = await applyAll(grantServiceManagementAccess, plan, clientAs(sim, projectAdmin));
    expect(result).toMatchObject({ outcome: 'refused', message: 'You are not authorized to perform this action. Administrator privileges are required.' });
    expect(writes(sim, 'POST /rest/api/3/group/user')).toEqual([]);
    expect(statusOf(await runChecks(sim), 'SA-PRODUCT-ACCESS')).toBe('fail');
  });
});
