import type { SiteSnapshot } from './snapshot';
import { storeTeamManaged } from './gather-snapshot';
import { issueTypesInScope, roleIdFromUrl, rolesToRead, toRoleActor } from './project-details';
import { joinListing, styleOf } from './project-listing';
import { readScreenNames, resolveCandidateScreenIds, SCREEN_NAME_BATCH } from './screens';
import { JiraClient } from '../jira/jira-client';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { isAccountIdLike } from './service-account';
import { relevantStatuses, workflowsForIssueTypes } from './workflows';

describe('pure gather helpers', () => {
  it('tells accountIds from e-mails', () => {
    expect(isAccountIdLike('557058:f58131cb-b67d-43c7-b30d-6b58d40bd077')).toBe(true);
    expect(isAccountIdLike('5b10ac8d82e05b22cc7d4ef5')).toBe(true);
    expect(isAccountIdLike('bot@acme.com')).toBe(false);
    expect(isAccountIdLike('deadbeef')).toBe(false);
  });

  it('reads the Service Desk Team role, and team or agent roles in team-managed projects', () => {
    const names = ['Administrators', 'Service Desk Team', 'Service Desk Customers', 'Agent', 'Team lead'];
    expect(rolesToRead(names, 'company-managed')).toEqual(['Service Desk Team']);
    expect(rolesToRead(names, 'team-managed')).toEqual(['Service Desk Team', 'Agent', 'Team lead']);
    expect(roleIdFromUrl('https://acme.atlassian.net/rest/api/3/project/10000/role/10101')).toBe('10101');
    expect(roleIdFromUrl('https://acme.atlassian.net/rest/api/3/project/10000')).toBeUndefined();
  });

  it('maps role actors and drops ones without an identity', () => {
    expect(toRoleActor({ type: 'atlassian-group-role-actor', name: 'legacy-group', displayName: 'legacy-group' })).toEqual({ type: 'group', groupName: 'legacy-group', displayName: 'legacy-group' });
    expect(toRoleActor({ type: 'atlassian-user-role-actor', displayName: 'Ghost' })).toBeUndefined();
  });

  it('narrows issue types by id or case-insensitive name, keeping request-type order and names', () => {
    const rts = [
      { id: '1', name: 'A', issueTypeId: '10001' },
      { id: '2', name: 'B', issueTypeId: '10002' },
      { id: '3', name: 'C', issueTypeId: '10001' },
    ];
    const names = { '10001': 'IT Help', '10002': 'Access' };
    expect(issueTypesInScope(rts, names, undefined)).toEqual([{ id: '10001', name: 'IT Help' }, { id: '10002', name: 'Access' }]);
    expect(issueTypesInScope(rts, names, ['it help'])).toEqual([{ id: '10001', name: 'IT Help' }]);
    expect(issueTypesInScope(rts, {}, ['10002'])).toEqual([{ id: '10002' }]);
  });

  it('joins desks with projects and keeps unknown configured keys as unavailable', () => {
    const desks = [{ id: '1', projectId: '10000', projectKey: 'IT' }, { id: '9', projectId: '19999', projectKey: 'GHOST' }];
    const projects = [{ id: '10000', key: 'IT', name: 'IT', style: 'classic' as const }, { id: '10005', key: 'NODESK', name: 'No desk', style: 'next-gen' as const }];
    const all = joinListing(desks, projects, []);
    expect(all.map((p) => [p.key, p.style, p.serviceDeskId, p.unavailable?.kind])).toEqual([
      ['GHOST', 'company-managed', '9', 'malformed'],
      ['IT', 'company-managed', '1', undefined],
      ['NODESK', 'team-managed', undefined, undefined],
    ]);
    expect(joinListing(desks, projects, ['it', 'XX']).map((p) => [p.key, p.unavailable?.kind])).toEqual([
      ['IT', undefined],
      ['XX', 'not_found'],
    ]);
    expect(styleOf({ style: 'classic', simplified: true })).toBe('team-managed');
  });

  it('maps issue types through a scheme with its default workflow', () => {
    expect(workflowsForIssueTypes({ defaultWorkflow: 'Default WF', issueTypeMappings: { '1': 'Special' } }, ['1', '2'])).toEqual({ '1': 'Special', '2': 'Default WF' });
    expect(workflowsForIssueTypes({}, ['3'])).toEqual({ '3': 'jira' });
  });

  it('keeps only the statuses a workflow references', () => {
    const statuses = [{ id: '1', statusReference: '1' }, { id: '2', statusReference: '2' }];
    expect(relevantStatuses({ statuses: [{ statusReference: '2' }] }, statuses)).toEqual([{ id: '2', statusReference: '2' }]);
  });

  it('picks screens of transitions into DONE statuses or statuses overridden to resolved', () => {
    const workflow = {
      transitions: [
        { id: '1', toStatusReference: 'a', transitionScreen: { ruleKey: 's', parameters: { screenId: '100' } } },
        { id: '2', toStatusReference: 'b', transitionScreen: { ruleKey: 's', parameters: { screenId: '200' } } },
        { id: '3', toStatusReference: 'c', transitionScreen: { ruleKey: 's', parameters: { screenId: '300' } } },
        { id: '4', toStatusReference: 'a' },
      ],
    };
    const statuses = [
      { id: 'a', statusReference: 'a', name: 'Done', statusCategory: 'DONE' as const },
      { id: 'b', statusReference: 'b', name: 'Fixed (awaiting)', statusCategory: 'IN_PROGRESS' as const },
      { id: 'c', statusReference: 'c', name: 'Working', statusCategory: 'IN_PROGRESS' as const },
    ];
    expect(resolveCandidateScreenIds(workflow, statuses, {})).toEqual(['100']);
    expect(resolveCandidateScreenIds(workflow, statuses, { 'Fixed (awaiting)': 'resolved' })).toEqual(['100', '200']);
    expect(resolveCandidateScreenIds(workflow, statuses, { c: 'resolved' })).toEqual(['100', '300']);
  });

  it('files team-managed workflows by name, sharing the same workflow and separating clashing names', () => {
    const workflows: SiteSnapshot['workflows'] = {};
    const wf = (id: string) => ({ ok: true as const, value: { workflow: { id, name: 'Service workflow' }, statuses: [] } });
    expect(storeTeamManaged(workflows, wf('w1'), 'TM', '1')).toBe('Service workflow');
    expect(storeTeamManaged(workflows, wf('w1'), 'TM', '2')).toBe('Service workflow');
    expect(storeTeamManaged(workflows, wf('w2'), 'OPS', '1')).toBe('Service workflow (OPS)');
    const failedEntry = { ok: false as const, error: { kind: 'forbidden' as const, endpoint: 'POST /rest/api/3/workflows', message: 'no' } };
    expect(storeTeamManaged(workflows, failedEntry, 'OPS', '7')).toBe('OPS issue type 7 (team-managed)');
    expect(Object.keys(workflows)).toHaveLength(3);
  });
});

describe('screen names', () => {
  it('asks for 100 ids a call, follows a page Jira cuts short, and skips ids that are not numbers', async () => {
    const site = createFakeTransport().on('GET', '/rest/api/3/screens', ({ query }) => {
      const ids = query.getAll('id');
      const startAt = Number(query.get('startAt'));
      // Jira may cap a page below what was asked: 60 a page here.
      const values = ids.slice(startAt, startAt + 60).map((id) => ({ id: Number(id), name: `Screen called ${id}` }));
      return { body: { startAt, maxResults: 60, total: ids.length, isLast: startAt + values.length >= ids.length, values } };
    });
    const ids = Array.from({ length: 150 }, (_, i) => String(10000 + i));
    const names = await readScreenNames(new JiraClient(site, { sleep: async () => undefined, random: () => 0 }), [...ids, 'not-a-screen', '10000']);
    expect(names.size).toBe(150);
    expect(names.get('10149')).toBe('Screen called 10149');
    const calls = site.callsTo('GET', '/rest/api/3/screens').map((r) => new URLSearchParams(r.path.split('?')[1]));
    expect(calls.map((q) => [q.getAll('id').length, q.get('startAt')])).toEqual([
      [SCREEN_NAME_BATCH, '0'],
      [50, '0'],
      [SCREEN_NAME_BATCH, '60'],
    ]);
  });
});
