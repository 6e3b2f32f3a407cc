import { coverage, custCoverage, howCovered } from './cust-coverage';
import { describeCheck, buildInput } from '../testing/table';
import { BASE_URL, failed, ok } from '../testing/snapshot-builder';
import { DOCS } from '../links';
import type { DeskOrganization, GroupMembers } from '../../gather/snapshot';
import type { Fetched } from '../../shared/fetched';

const customersPage = `${BASE_URL}/jira/servicedesk/projects/IT/customers`;
const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ accountId: `${prefix}-${i}`, displayName: `${prefix} ${i}` }));
const group = (name: string, members: GroupMembers['members']): Fetched<GroupMembers> => ok({ name, groupId: `id-${name}`, members });
const ids = (list: { accountId: string }[]) => list.map((u) => u.accountId);

const staff = users('staff', 3);
const contractors = users('contractor', 2);
const big = users('u', 20000);
const organization = (id: string, name: string, members: { accountId: string }[]): DeskOrganization => ({ id, name, memberIds: ids(members) });
const fieldOps = organization('1', 'Field Operations', staff);

describeCheck(custCoverage, {
  valid: [
    {
      name: 'every member of one group is a customer',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { customers: ok([...ids(staff), 'someone-else']) },
      summary: 'All 3 end users of all-staff are customers of IT',
      evidence: { groups: ['all-staff'], endUsers: 3, covered: 3, missing: 0 },
    },
    {
      name: 'a user in two groups counts once',
      settings: { endUserGroups: ['all-staff', 'contractors'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff), contractors: group('contractors', [...contractors, staff[0]]) } },
      project: { customers: ok([...ids(staff), ...ids(contractors)]) },
      evidence: { groups: ['all-staff', 'contractors'], endUsers: 5, covered: 5 },
    },
    {
      name: 'group names are trimmed and deduplicated',
      settings: { endUserGroups: [' all-staff ', 'all-staff', ''] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { customers: ok(ids(staff)) },
      evidence: { groups: ['all-staff'], endUsers: 3 },
    },
    {
      name: 'a snapshot keyed by the untrimmed configured name is still found',
      settings: { endUserGroups: ['all-staff '] },
      site: { endUserGroups: { 'all-staff ': group('all-staff', staff) } },
      project: { customers: ok(ids(staff)) },
      evidence: { groups: ['all-staff'], endUsers: 3 },
    },
    {
      name: 'members covered only through an organization of the desk are customers: pass',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { customers: ok([]), organizations: ok([fieldOps]) },
      summary: 'All 3 end users of all-staff are customers of IT (0 individually, 3 through organization Field Operations)',
      evidence: { endUsers: 3, covered: 3, coveredIndividually: 0, coveredThroughOrganizations: [{ id: '1', name: 'Field Operations', users: 3 }], missing: 0 },
    },
    {
      name: 'individual customers and two organizations together cover everyone, each user counted once',
      settings: { endUserGroups: ['all-staff', 'contractors'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff), contractors: group('contractors', contractors) } },
      project: {
        customers: ok([staff[0].accountId]),
        // staff-0 is also in Field Operations: counted individually. contractor-0 is in both organizations: counted under the first.
        organizations: ok([organization('1', 'Field Operations', [...staff, contractors[0]]), organization('2', 'Vendors', contractors)]),
      },
      evidence: {
        endUsers: 5,
        covered: 5,
        coveredIndividually: 1,
        coveredThroughOrganizations: [
          { id: '1', name: 'Field Operations', users: 3 },
          { id: '2', name: 'Vendors', users: 1 },
        ],
      },
    },
  ],
  invalid: [
    {
      name: 'no end-user group configured',
      verdict: 'manual',
      summary: 'No end-user group is configured',
      remediationUrls: [customersPage, DOCS.customers],
      remediationText: 'Settings',
    },
    {
      name: 'some members are not customers: counts, the missing users and the one-click fix',
      settings: { endUserGroups: ['all-staff', 'contractors'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff), contractors: group('contractors', contractors) } },
      project: { customers: ok([staff[0].accountId, contractors[1].accountId]) },
      verdict: 'violated',
      summary: '3 of 5 end users of all-staff, contractors are not customers of IT',
      evidence: {
        groups: ['all-staff', 'contractors'],
        endUsers: 5,
        covered: 2,
        missing: 3,
        missingUsers: [
          { accountId: 'staff-1', displayName: 'staff 1' },
          { accountId: 'staff-2', displayName: 'staff 2' },
          { accountId: 'contractor-0', displayName: 'contractor 0' },
        ],
      },
      remediationUrls: [customersPage, DOCS.customers],
      remediationText: ['Add customers'],
      // The fix is a button beside the card; the text never sends the admin to click inside the app they are in.
      assert: (outcome) => expect(outcome.remediation!.map((r) => r.text).join(' ')).not.toMatch(/Moveworks Readiness app|one click/i),
    },
    {
      name: 'covered partly through an organization: only the others are missing, and the evidence says how each covered user is covered',
      settings: { endUserGroups: ['all-staff', 'contractors'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff), contractors: group('contractors', contractors) } },
      project: { customers: ok([staff[0].accountId]), organizations: ok([organization('1', 'Field Operations', [staff[1], staff[2]])]) },
      verdict: 'violated',
      summary: ['2 of 5 end users of all-staff, contractors are not customers of IT', 'The 3 who are: 1 individually, 2 through organization Field Operations'],
      evidence: {
        endUsers: 5,
        covered: 3,
        coveredIndividually: 1,
        coveredThroughOrganizations: [{ id: '1', name: 'Field Operations', users: 2 }],
        missing: 2,
        missingUsers: [
          { accountId: 'contractor-0', displayName: 'contractor 0' },
          { accountId: 'contractor-1', displayName: 'contractor 1' },
        ],
      },
      remediationText: ['organization associated with IT'],
    },
    {
      name: "the desk's organizations could not be read: error with the reason, never pass",
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      // Every end user is a customer one by one, yet half of the desk's customers is unknown.
      project: { customers: ok(ids(staff)), organizations: failed('forbidden', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', 403) },
      verdict: 'undecided',
      summary: ["Could not read the service desk's organizations and their members", '403'],
      evidence: { errors: [{ kind: 'forbidden', status: 403 }] },
      remediationText: 'agent or admin permission on this service desk',
    },
    {
      name: "an organization's members could not be read: error naming the organization",
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: {
        organizations: failed('server', 'GET /rest/servicedeskapi/organization/{organizationId}/user', 503, 'The members of organization "Field Operations" could not be read: Jira answered 503'),
      },
      verdict: 'undecided',
      summary: ["Could not read the service desk's organizations and their members", 'Field Operations'],
    },
    {
      name: '20,000 members: counts are exact, the list is capped at 50',
      settings: { endUserGroups: ['everyone'] },
      site: { endUserGroups: { everyone: group('everyone', big) } },
      project: { customers: ok(ids(big.slice(0, 19000))) },
      verdict: 'violated',
      summary: '1000 of 20000 end users',
      evidence: { endUsers: 20000, covered: 19000, missing: 1000 },
      assert: (o) => {
        const ev = o.evidence as { missingUsers: { accountId: string }[] };
        expect(ev.missingUsers).toHaveLength(50);
        expect(ev.missingUsers[0].accountId).toBe('u-19000');
      },
    },
    {
      name: 'a member without a display name is listed with null',
      settings: { endUserGroups: ['g'] },
      site: { endUserGroups: { g: group('g', [{ accountId: 'a-1' }]) } },
      project: { customers: ok([]) },
      verdict: 'violated',
      evidence: { missingUsers: [{ accountId: 'a-1', displayName: null }] },
    },
    {
      name: 'a group could not be read: names the group and the reason',
      settings: { endUserGroups: ['all-staff', 'ghosts'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff), ghosts: failed('not_found', 'GET /rest/api/3/group/member', 404, 'Group ghosts does not exist') } },
      verdict: 'undecided',
      summary: ['Group ghosts does not exist', 'Jira says it does not exist'],
      remediationText: "must match the groups' names in Jira exactly",
      assert: (o) => expect(o.summary).not.toContain('all-staff'),
    },
    {
      name: 'a configured group that was not read at all is a fault of the run, never a verdict',
      settings: { endUserGroups: ['all-staff'] },
      verdict: 'undecided',
      summary: ['was not judged', '(endUserGroups)'],
    },
    {
      name: 'customers refused for lack of the experimental header (412)',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { customers: failed('precondition', 'GET /rest/servicedeskapi/servicedesk/{id}/customer', 412) },
      verdict: 'undecided',
      summary: ["Could not read the service desk's customers", '412'],
      evidence: { errors: [{ kind: 'precondition', status: 412 }] },
      remediationText: 'X-ExperimentalApi: opt-in',
    },
    {
      name: 'customers forbidden (403)',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { customers: failed('forbidden', 'GET /rest/servicedeskapi/servicedesk/{id}/customer', 403) },
      verdict: 'undecided',
      summary: ['permission', '403'],
      remediationText: 'agent or admin permission on this service desk',
    },
    {
      name: 'project unavailable',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', staff) } },
      project: { unavailable: { kind: 'not_found', status: 404, endpoint: 'GET /rest/api/3/project/{key}', message: 'No project with key IT' } },
      verdict: 'undecided',
      summary: 'Could not read project IT',
    },
    {
      name: 'an empty group leaves no one to compare',
      settings: { endUserGroups: ['all-staff'] },
      site: { endUserGroups: { 'all-staff': group('all-staff', []) } },
      verdict: 'undecided',
      summary: 'has no active members',
      evidence: { endUsers: 0 },
    },
  ],
});

describe('coverage', () => {
  it('stays linear: 20,000 members against 20,000 customers in well under a second', () => {
    const customers = ids(users('u', 20000));
    const start = Date.now();
    const result = coverage([big, big], customers);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(result).toEqual({ endUsers: 20000, covered: 20000, coveredIndividually: 20000, coveredThroughOrganizations: [], missingUsers: [] });
  });

  it('stays linear with organizations: 20,000 members covered through one', () => {
    const start = Date.now();
    const result = coverage([big], [], [organization('9', 'Everyone', big)]);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(result).toMatchObject({ endUsers: 20000, covered: 20000, coveredIndividually: 0, missingUsers: [] });
  });

  it('never lists an organization member as missing', () => {
    const result = coverage([staff], [], [fieldOps]);
    expect(result.missingUsers).toEqual([]);
    expect(howCovered(result)).toBe('0 individually, 3 through organization Field Operations');
  });

  it('keeps a display name found in a later group', () => {
    expect(coverage([[{ accountId: 'a' }], [{ accountId: 'a', displayName: 'Ann' }]], []).missingUsers).toEqual([{ accountId: 'a', displayName: 'Ann' }]);
  });

  it('is what CUST-COVERAGE reports for the builders\' default project (no customers)', () => {
    const input = buildInput({ name: 'x', settings: { endUserGroups: ['g'] }, site: { endUserGroups: { g: group('g', staff) } } });
    expect(custCoverage.evaluate(input).evidence).toMatchObject({ endUsers: 3, covered: 0, missing: 3 });
  });
});
