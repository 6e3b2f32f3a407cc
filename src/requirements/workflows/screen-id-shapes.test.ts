/**
 * A transition screen can come as `parameters.screenId` (the schema of POST
 * /rest/api/3/workflows) or `params.screenId` (the capabilities document's
 * example). The gatherer and the Resolve-screen checks read it with one function,
 * so a screen the checks look for is a screen the gatherer has read.
 */
import { gatherSnapshot } from '../../gather/gather-snapshot';
import { createFakeJiraSite, SHARED_WORKFLOW } from '../../gather/testing/fake-jira-site';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../shared/report-model';
import { JiraClient } from '../../jira/jira-client';
import { wfResolveScreenAssignee } from './wf-resolve-screen-assignee';
import { wfResolveScreenFields } from './wf-resolve-screen-fields';

const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, projectKeys: ['IT'], endUserGroups: [] };

/** The shared workflow with every screen given as `params` instead of `parameters`. */
function withParamsScreens() {
  return {
    ...SHARED_WORKFLOW,
    transitions: SHARED_WORKFLOW.transitions.map((t) =>
      t.transitionScreen ? { ...t, transitionScreen: { ruleKey: t.transitionScreen.ruleKey, params: { ...t.transitionScreen.parameters } } } : t,
    ),
  };
}

describe('transition screens given as params.screenId', () => {
  it('are read by the gatherer and decided on by the Resolve-screen checks', async () => {
    const site = createFakeJiraSite();
    const statuses = [
      { id: '1', name: 'Open', statusCategory: 'TODO', statusReference: '1', scope: { type: 'GLOBAL' } },
      { id: '3', name: 'In Progress', statusCategory: 'IN_PROGRESS', statusReference: '3', scope: { type: 'GLOBAL' } },
      { id: '5', name: 'Resolved', statusCategory: 'DONE', statusReference: '5', scope: { type: 'GLOBAL' } },
      { id: '6', name: 'Closed', statusCategory: 'DONE', statusReference: '6', scope: { type: 'GLOBAL' } },
    ];
    site.on('POST', '/rest/api/3/workflows', { body: { workflows: [withParamsScreens()], statuses } });
    const client = new JiraClient(site, { sleep: async () => undefined, random: () => 0 });
    const snapshot = await gatherSnapshot(client, settings, { requires: ['requestTypes', 'workflows', 'screens'] });

    expect(site.callsTo('GET', '/rest/api/3/screens/3/tabs')).toHaveLength(1);
    expect(site.callsTo('GET', '/rest/api/3/screens/3/tabs/31/fields')).toHaveLength(1);
    expect(snapshot.screens?.['3']).toMatchObject({ ok: true, value: { id: '3', fieldIds: ['assignee', 'resolution', 'customfield_10010'] } });

    const project = snapshot.projects.find((p) => p.key === 'IT')!;
    const assignee = wfResolveScreenAssignee.evaluate({ snapshot, settings, project });
    expect(assignee.verdict).toBe('holds');
    const fields = wfResolveScreenFields.evaluate({ snapshot, settings, project });
    expect(fields.verdict).toBe('holds');
  });
});
