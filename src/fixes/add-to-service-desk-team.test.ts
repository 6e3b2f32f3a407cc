import { JiraClient } from '../jira/jira-client';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { failed, ok, SA_ID } from '../requirements/testing/snapshot-builder';
import { addToServiceDeskTeam, type RoleChangePayload } from './add-to-service-desk-team';
import { buildPlanInput, describeFixPlan } from './testing/table';

const team = (actors: { type: 'user' | 'group'; accountId?: string; groupName?: string }[] = []) => ok([{ id: '10101', name: 'Service Desk Team', actors }]);

describeFixPlan(addToServiceDeskTeam, [
  { name: 'nothing to do: the account holds the role directly', changes: [] },
  {
    name: 'nothing to do: the account holds the role through one of its groups',
    projects: [{ roles: team([{ type: 'group', groupName: 'jira-servicedesk-users' }]) }],
    changes: [],
  },
  {
    name: 'one change: the account is missing from Service Desk Team',
    projects: [{ roles: team() }],
    changes: [`IT:role:10101:${SA_ID}`],
    summary: 'Add Moveworks Bot (moveworks-bot@acme.com) to Service Desk Team in IT Service Desk',
    assert: (plan) => {
      expect(plan.projectKey).toBe('IT');
      expect(plan.changes[0]).toMatchObject({
        target: { kind: 'project-role', id: '10101', name: 'Service Desk Team in IT' },
        reach: { projects: [{ key: 'IT', name: 'IT Service Desk' }] },
        items: 1,
        payload: { projectKey: 'IT', roleId: '10101', accountId: SA_ID },
      });
    },
  },
  {
    name: 'shared artifact: the same global role in two desks is one change per desk, each reaching its own desk',
    projects: [{ roles: team() }, { key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2', roles: team() }],
    changes: [`IT:role:10101:${SA_ID}`, `HR:role:10101:${SA_ID}`],
    summary: 'in 2 service desks',
    assert: (plan) => {
      expect(plan.projectKey).toBeUndefined();
      expect(plan.changes.map((c) => c.reach.projects.map((p) => p.key))).toEqual([['IT'], ['HR']]);
    },
  },
  {
    name: 'permission missing: a project admin of HR plans nothing for IT and is told who can',
    projects: [{ roles: team() }],
    caller: { isSiteAdmin: false, administersProjects: ['HR'] },
    changes: [],
    blockers: ['You do not administer IT'],
    assert: (plan) => expect(plan.blockers[0]!.who).toContain('administrator of IT'),
  },
  {
    name: 'a project admin of the desk may fix it',
    projects: [{ roles: team() }],
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [`IT:role:10101:${SA_ID}`],
  },
  {
    name: 'a team-managed agent role with another name is left to the admin',
    projects: [{ style: 'team-managed', roles: ok([{ id: '7', name: 'Agent', actors: [] }]) }],
    changes: [],
    blockers: ['calls its agent role "Agent"'],
  },
  {
    name: 'a company-managed desk without the role: nothing to add to',
    projects: [{ roles: ok([{ id: '10102', name: 'Service Desk Customers', actors: [] }]) }],
    changes: [],
    blockers: ['has no "Service Desk Team" role'],
  },
  {
    name: 'unreadable roles block the desk with Jira’s reason',
    projects: [{ roles: failed('forbidden', 'GET /rest/api/3/project/{projectIdOrKey}/role', 403, 'You cannot administer IT') }],
    changes: [],
    blockers: ['You cannot administer IT'],
  },
  {
    name: 'no service account found: nothing planned, SA-EXISTS named',
    site: { serviceAccount: ok(null) },
    projects: [{ roles: team() }],
    changes: [],
    blockers: ['SA-EXISTS'],
  },
]);

describe('add-to-service-desk-team apply', () => {
  const change = addToServiceDeskTeam.plan(buildPlanInput({ projects: [{ roles: team() }] })).changes[0]!;
  const roles = (actors: string[]) => ({ id: 10101, name: 'Service Desk Team', actors: actors.map((accountId) => ({ type: 'atlassian-user-role-actor', actorUser: { accountId } })) });

  it('adds the account once, then answers unchanged without posting again', async () => {
    const actors: string[] = [];
    const transport = createFakeTransport()
      .on('GET', '/rest/api/3/project/IT/role/10101', () => ({ body: roles(actors) }))
      .on('POST', '/rest/api/3/project/IT/role/10101', (req) => {
        actors.push(...(req.body as { user: string[] }).user);
        return { body: roles(actors) };
      });
    const client = new JiraClient(transport, { sleep: async () => undefined });
    expect((change.payload as RoleChangePayload).accountId).toBe(SA_ID);
    expect(await addToServiceDeskTeam.apply(change, client)).toMatchObject({ outcome: 'applied', itemsDone: 1, items: [{ id: SA_ID, outcome: 'done' }] });
    expect(await addToServiceDeskTeam.apply(change, client)).toMatchObject({ outcome: 'unchanged', itemsDone: 0 });
    expect(transport.callsTo('POST', '/rest/api/3/project/IT/role/10101')).toHaveLength(1);
  });

  it('reports a refusal in Jira’s words', async () => {
    const transport = createFakeTransport()
      .on('GET', '/rest/api/3/project/IT/role/10101', { body: roles([]) })
      .on('POST', '/rest/api/3/project/IT/role/10101', { status: 403, body: { errorMessages: ['You cannot edit the configuration of this project.'], errors: {} } });
    const result = await addToServiceDeskTeam.apply(change, new JiraClient(transport, { sleep: async () => undefined }));
    expect(result).toMatchObject({ outcome: 'refused', message: 'You cannot edit the configuration of this project.', itemsFailed: 1 });
  });
});
