/**
 * Groups a workflow's "Restrict issue transition" condition admits are read once
 * per run, by groupId, so WF-BOT-TRANSITIONS-RESTRICTED can tell a group of only
 * the service account from a group agents belong to.
 */
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../shared/report-model';
import { JiraClient } from '../jira/jira-client';
import { gatherSnapshot } from './gather-snapshot';
import { createFakeJiraSite, SA_EMAIL, SA_ID, SHARED_WORKFLOW } from './testing/fake-jira-site';

const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: SA_EMAIL, projectKeys: ['IT', 'HR'], endUserGroups: [] };
const restrictTo = (groupIds: string) => ({ operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-issue-transition', parameters: { groupIds } }], conditionGroups: [] });

function siteWithRestrictedTransitions() {
  const workflow = {
    ...SHARED_WORKFLOW,
    transitions: SHARED_WORKFLOW.transitions.map((t) =>
      t.id === '11'
        ? { ...t, conditions: restrictTo('g-bots') }
        : t.id === '31'
          ? { ...t, conditions: { operation: 'ANY', conditions: [], conditionGroups: [restrictTo('g-bots,g-gone')] } }
          : t,
    ),
  };
  const statuses = [
    { id: '1', name: 'Open', statusCategory: 'TODO', statusReference: '1', scope: { type: 'GLOBAL' } },
    { id: '3', name: 'In Progress', statusCategory: 'IN_PROGRESS', statusReference: '3', scope: { type: 'GLOBAL' } },
    { id: '5', name: 'Resolved', statusCategory: 'DONE', statusReference: '5', scope: { type: 'GLOBAL' } },
    { id: '6', name: 'Closed', statusCategory: 'DONE', statusReference: '6', scope: { type: 'GLOBAL' } },
  ];
  return createFakeJiraSite()
    .on('POST', '/rest/api/3/workflows', { body: { workflows: [workflow], statuses } })
    .on('GET', '/rest/api/3/group/member', ({ query }) => {
      if (query.has('groupname')) return { status: 400, body: { errorMessages: ['groupname and groupId cannot be used together'], errors: {} } };
      if (query.get('groupId') !== 'g-bots') return { status: 404, body: { errorMessages: ['Group not found.'], errors: {} } };
      const values = [
        { accountId: SA_ID, accountType: 'atlassian', active: true, displayName: 'Moveworks Bot' },
        { accountId: 'u-old', accountType: 'atlassian', active: false, displayName: 'Former bot' },
      ];
      return { body: { startAt: 0, maxResults: 50, total: values.length, isLast: true, values } };
    });
}

describe('groups named by workflow conditions', () => {
  it('are read once each by groupId, active members only, and a group Jira will not list is its own error', async () => {
    const site = siteWithRestrictedTransitions();
    const client = new JiraClient(site, { sleep: async () => undefined, random: () => 0 });
    const snapshot = await gatherSnapshot(client, settings, { requires: ['workflowGroups'] });

    const calls = site.callsTo('GET', '/rest/api/3/group/member').map((r) => new URLSearchParams(r.path.split('?')[1]));
    expect(calls.map((q) => q.get('groupId')).sort()).toEqual(['g-bots', 'g-gone']);
    expect(calls.every((q) => !q.has('groupname'))).toBe(true);
    expect(snapshot.workflowGroups).toEqual({
      'g-bots': { ok: true, value: { groupId: 'g-bots', members: [{ accountId: SA_ID, displayName: 'Moveworks Bot' }] } },
      'g-gone': { ok: false, error: expect.objectContaining({ kind: 'not_found', status: 404, endpoint: 'GET /rest/api/3/group/member' }) },
    });
  });

  it('are not read when no check of the run needs them', async () => {
    const site = siteWithRestrictedTransitions();
    const client = new JiraClient(site, { sleep: async () => undefined, random: () => 0 });
    const snapshot = await gatherSnapshot(client, settings, { requires: ['workflows'] });
    expect(site.callsTo('GET', '/rest/api/3/group/member')).toHaveLength(0);
    expect(snapshot.workflowGroups).toBeUndefined();
  });
});
