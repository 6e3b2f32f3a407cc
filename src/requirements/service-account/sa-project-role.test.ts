import { saProjectRole } from './sa-project-role';
import { describeCheck } from '../testing/table';
import { BASE_URL, SA_ID, failed, ok, serviceAccount } from '../testing/snapshot-builder';
import { DOCS } from '../links';
import type { ProjectRole } from '../../gather/snapshot';

const companyRoles = `${BASE_URL}/plugins/servlet/project-config/IT/roles`;
const teamAccess = `${BASE_URL}/jira/servicedesk/projects/IT/settings/access`;
const roles = (...r: ProjectRole[]) => ok(r);
const team = (actors: ProjectRole['actors'], name = 'Service Desk Team', id = '10101'): ProjectRole => ({ id, name, actors });
const customers: ProjectRole = { id: '10102', name: 'Service Desk Customers', actors: [{ type: 'user', accountId: SA_ID }] };

describeCheck(saProjectRole, {
  valid: [
    {
      name: 'directly in Service Desk Team',
      summary: 'holds the Service Desk Team role in IT directly',
      evidence: { role: { id: '10101', name: 'Service Desk Team' }, via: 'direct' },
    },
    {
      name: 'through a group matched by groupId',
      project: { roles: roles(team([{ type: 'group', groupId: 'g-jsd-users', groupName: 'renamed-group' }])) },
      summary: 'through the group jira-servicedesk-users',
      evidence: { via: 'group', group: 'jira-servicedesk-users' },
    },
    {
      name: 'through a group matched by name',
      project: { roles: roles(team([{ type: 'group', groupName: 'jira-servicedesk-users' }])) },
      evidence: { via: 'group', group: 'jira-servicedesk-users' },
    },
    {
      name: 'the role name is compared without case',
      project: { roles: roles(team([{ type: 'user', accountId: SA_ID }], 'service desk team')) },
      evidence: { role: { name: 'service desk team' }, via: 'direct' },
    },
    {
      name: 'a team-managed desk whose agent role is called Agent',
      project: { style: 'team-managed', roles: roles({ id: '1', name: 'Administrator', actors: [] }, team([{ type: 'user', accountId: SA_ID }], 'Agent', '2')) },
      evidence: { role: { id: '2', name: 'Agent' }, via: 'direct' },
    },
  ],
  invalid: [
    {
      name: 'service account missing',
      site: { serviceAccount: ok(null) },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: 'Cannot check the roles in IT',
    },
    {
      name: 'roles unreadable (403)',
      project: { roles: failed('forbidden', 'GET /rest/api/3/project/{key}/role/{id}', 403) },
      verdict: 'undecided',
      summary: ["Could not read the project's roles and their members", '403'],
      evidence: { errors: [{ kind: 'forbidden', status: 403 }] },
      remediationText: 'the Administer projects permission on this project',
    },
    {
      name: 'roles unreadable (server)',
      project: { roles: failed('server', 'GET /rest/api/3/project/{key}/role/{id}', 503) },
      verdict: 'undecided',
      summary: 'try again later',
      assert: (o) => expect(o.summary).not.toContain('Administer projects'),
    },
    {
      name: 'project unavailable',
      project: { unavailable: { kind: 'not_found', status: 404, endpoint: 'GET /rest/api/3/project/{key}', message: 'No project could be found with key IT' } },
      verdict: 'undecided',
      summary: ['Could not read project IT', 'No project could be found with key IT'],
    },
    {
      name: 'not in the role: says how to add it by hand, never to click inside the app',
      project: { roles: roles(team([{ type: 'user', accountId: 'someone' }, { type: 'group', groupName: 'agents' }]), customers) },
      verdict: 'violated',
      summary: 'does not hold the Service Desk Team role in IT',
      evidence: { role: { id: '10101', name: 'Service Desk Team' }, actors: 2 },
      remediationUrls: [companyRoles, DOCS.projectRoles],
      remediationText: ['Project settings > People'],
      // The fix is a button beside the card (src/fixes/add-to-service-desk-team.ts), not an instruction.
      assert: (outcome) => expect(outcome.remediation!.map((r) => r.text).join(' ')).not.toMatch(/Moveworks Readiness app|one click/i),
    },
    {
      name: 'a group of the same groupId but the account is not in it does not count',
      site: { serviceAccount: ok(serviceAccount({ groups: [] })) },
      project: { roles: roles(team([{ type: 'group', groupId: 'g-jsd-users', groupName: 'jira-servicedesk-users' }])) },
      verdict: 'violated',
      evidence: { role: { id: '10101', name: 'Service Desk Team' } },
    },
    {
      name: 'company-managed project without the role',
      project: { roles: roles(customers, { id: '3', name: 'Agents', actors: [{ type: 'user', accountId: SA_ID }] }) },
      verdict: 'violated',
      summary: ['"Service Desk Team" role is missing from IT', 'Agents'],
      evidence: { roles: ['Service Desk Customers', 'Agents'] },
      remediationUrls: [companyRoles, DOCS.projectRoles],
    },
    {
      name: 'team-managed project with no recognisable agent role is not guessed',
      project: { style: 'team-managed', roles: roles({ id: '1', name: 'Administrator', actors: [{ type: 'user', accountId: SA_ID }] }, { id: '4', name: 'Team Lead', actors: [{ type: 'user', accountId: SA_ID }] }, customers) },
      verdict: 'undecided',
      summary: ['team-managed', 'no agent role this check can recognise'],
      evidence: { roles: ['Administrator', 'Team Lead', 'Service Desk Customers'], style: 'team-managed' },
      remediationUrls: [teamAccess],
    },
    {
      name: 'team-managed project, not in the agent role',
      project: { style: 'team-managed', roles: roles(team([], 'Agent', '2')) },
      verdict: 'violated',
      evidence: { role: { name: 'Agent' } },
      remediationUrls: [teamAccess],
      remediationText: 'Project settings > Access',
      assert: (o) => {
        // The evidence names no fix: the fix's own plan leaves a renamed agent role to the admin.
        expect(o.evidence).not.toHaveProperty('fix');
        expect(o.remediation?.some((s) => s.text.includes('one click'))).toBe(false);
      },
    },
  ],
});
