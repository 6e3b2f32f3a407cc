import type { GroupMembers } from '../gather/snapshot';
import type { Fetched } from '../shared/fetched';
import { JiraClient } from '../jira/jira-client';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { failed, ok } from '../requirements/testing/snapshot-builder';
import { addMissingCustomers, CUSTOMER_BATCH, type CustomersChangePayload } from './add-missing-customers';
import { buildPlanInput, describeFixPlan } from './testing/table';

const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ accountId: `${prefix}-${String(i).padStart(3, '0')}`, displayName: `${prefix} ${i}` }));
const group = (name: string, members: GroupMembers['members']): Fetched<GroupMembers> => ok({ name, members });
const ids = (list: { accountId: string }[]) => list.map((u) => u.accountId);
const staff = users('staff', 3);
const withGroup = (members = staff) => ({ settings: { endUserGroups: ['all-staff'] }, site: { endUserGroups: { 'all-staff': group('all-staff', members) } } });

describeFixPlan(addMissingCustomers, [
  { name: 'nothing to do: every end user is a customer', ...withGroup(), projects: [{ customers: ok(ids(staff)) }], changes: [] },
  {
    name: 'nothing to do: end users covered through an organization of the desk are never added',
    ...withGroup(),
    projects: [{ customers: ok([]), organizations: ok([{ id: '7', name: 'Field Operations', memberIds: ids(staff) }]) }],
    changes: [],
  },
  {
    name: 'one change: the missing users of one desk in one batch',
    ...withGroup(),
    projects: [{ customers: ok([staff[0]!.accountId]) }],
    changes: ['IT:customers:1'],
    summary: "Add 2 users to IT Service Desk's customers",
    assert: (plan) => {
      expect(plan.changes[0]).toMatchObject({ target: { kind: 'customers', id: '1' }, items: 2, reach: { projects: [{ key: 'IT' }] } });
      expect((plan.changes[0]!.payload as CustomersChangePayload).accounts).toEqual([staff[1], staff[2]]);
    },
  },
  {
    name: 'batches of 50, sorted so re-planning the same state gives the same changes',
    ...withGroup([...users('u', 120)].reverse()),
    projects: [{ customers: ok([]) }],
    changes: ['IT:customers:1', 'IT:customers:2', 'IT:customers:3'],
    summary: "Add 120 users to IT Service Desk's customers",
    assert: (plan) => {
      expect(plan.changes.map((c) => c.items)).toEqual([CUSTOMER_BATCH, CUSTOMER_BATCH, 20]);
      expect((plan.changes[0]!.payload as CustomersChangePayload).accounts[0]!.accountId).toBe('u-000');
      expect(plan.changes[2]!.summary).toContain('batch 3 of 3');
    },
  },
  {
    name: 'shared artifact: a user in two groups is added once; an organization shared by two desks covers its members in both',
    settings: { endUserGroups: ['all-staff', 'contractors'] },
    site: { endUserGroups: { 'all-staff': group('all-staff', staff), contractors: group('contractors', [staff[0]!, ...users('c', 1)]) } },
    projects: [
      { customers: ok([]), organizations: ok([{ id: '7', name: 'Field Operations', memberIds: [staff[0]!.accountId] }]) },
      { key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2', customers: ok([]), organizations: ok([{ id: '7', name: 'Field Operations', memberIds: [staff[0]!.accountId] }]) },
    ],
    changes: ['IT:customers:1', 'HR:customers:1'],
    summary: 'Add 6 users to the customers of 2 service desks',
    assert: (plan) => {
      for (const change of plan.changes) expect(ids((change.payload as CustomersChangePayload).accounts)).toEqual(['c-000', 'staff-001', 'staff-002']);
    },
  },
  {
    name: 'permission missing: a project admin of another desk plans nothing here',
    ...withGroup(),
    projects: [{ customers: ok([]) }],
    caller: { isSiteAdmin: false, administersProjects: ['HR'] },
    changes: [],
    blockers: ['You do not administer IT, so you cannot add customers to it.'],
  },
  {
    name: 'unreadable organizations: nobody is added, since their members are customers too',
    ...withGroup(),
    projects: [{ customers: ok([]), organizations: failed('forbidden', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', 403, 'You are not an agent of this service project.') }],
    changes: [],
    blockers: ['You are not an agent of this service project.'],
  },
  {
    name: 'an unreadable end-user group: nobody is added',
    settings: { endUserGroups: ['ghosts'] },
    site: { endUserGroups: { ghosts: failed('not_found', 'GET /rest/api/3/group/member', 404, 'Group ghosts does not exist') } },
    changes: [],
    blockers: ['Group ghosts does not exist'],
  },
  { name: 'no end-user group configured: nothing to compare', settings: { endUserGroups: [] }, changes: [], blockers: ['No end-user group is configured'] },
]);

describe('add-missing-customers apply', () => {
  const plan = addMissingCustomers.plan(buildPlanInput({ ...withGroup(), projects: [{ customers: ok([]) }] }));
  const change = plan.changes[0]!;

  function desk(known: (id: string) => boolean) {
    const customers = new Set<string>();
    const transport = createFakeTransport().on('POST', '/rest/servicedeskapi/servicedesk/1/customer', (req) => {
      if (req.headers?.['X-ExperimentalApi'] !== 'opt-in') return { status: 412, body: { errorMessage: 'experimental' } };
      const accountIds = (req.body as { accountIds: string[] }).accountIds;
      const unknown = accountIds.filter((id) => !known(id));
      // JSM adds the valid ones even when it answers 400 for the others.
      accountIds.filter(known).forEach((id) => customers.add(id));
      return unknown.length ? { status: 400, body: { errorMessage: `The following account IDs do not exist: ${unknown.join(', ')}` } } : { status: 204 };
    });
    return { customers, transport, client: new JiraClient(transport, { sleep: async () => undefined }) };
  }

  it('adds the batch in one call with the experimental header and counts every user', async () => {
    const { customers, transport, client } = desk(() => true);
    const result = await addMissingCustomers.apply(change, client);
    expect(result).toMatchObject({ outcome: 'applied', itemsDone: 3, itemsFailed: 0, message: '3 added, 0 failed.' });
    expect([...customers]).toEqual(ids(staff));
    expect(transport.requests).toHaveLength(1);
  });

  it('after a 400 for one unknown account, never claims none were added: each user gets Jira’s own answer', async () => {
    const { customers, client } = desk((id) => id !== 'staff-001');
    const result = await addMissingCustomers.apply(change, client);
    expect(result.outcome).toBe('applied');
    expect(result.items!.map((i) => [i.id, i.outcome])).toEqual([
      ['staff-000', 'done'],
      ['staff-001', 'failed'],
      ['staff-002', 'done'],
    ]);
    expect(result.items![1]!.message).toBe('The following account IDs do not exist: staff-001');
    expect([result.itemsDone, result.itemsFailed]).toEqual([2, 1]);
    expect(result.message).toMatch(/^2 added, 1 failed; Jira refused the batch/);
    expect([...customers].sort()).toEqual(['staff-000', 'staff-002']);
  });

  it('a refusal that is not a 400 added nobody and says so in Jira’s words', async () => {
    const transport = createFakeTransport().on('POST', '/rest/servicedeskapi/servicedesk/1/customer', { status: 403, body: { errorMessage: 'You do not have permission to add customers to this service project.' } });
    const result = await addMissingCustomers.apply(change, new JiraClient(transport, { sleep: async () => undefined }));
    expect(result).toMatchObject({ outcome: 'refused', message: 'You do not have permission to add customers to this service project.', itemsDone: 0, itemsFailed: 3 });
    expect(transport.requests).toHaveLength(1);
  });
});
