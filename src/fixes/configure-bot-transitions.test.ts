import { ok } from '../requirements/testing/snapshot-builder';
import { patch, edits, workflowData, workflowSite, WORKFLOW } from '../requirements/workflows/testing/workflow-builder';
import { configureBotTransitions, type BotRulePayload } from './configure-bot-transitions';
import { describeFixPlan } from './testing/table';

const ID = 'b9ff2384-d3b6-4d4e-9509-3ee19f607168';
const visible = { operation: 'ALL' as const, conditions: [], conditionGroups: [] };
const noResolution = patch('11', { actions: [] });
const RESOLUTIONS = [
  { id: '10001', name: "Won't Do", isDefault: false },
  { id: '10000', name: 'Done', isDefault: true },
];
const otherWorkflow = (() => {
  const data = workflowData();
  return ok({ ...data, workflow: { ...data.workflow, id: 'other', name: 'Other' } });
})();

describeFixPlan(configureBotTransitions, [
  { name: 'nothing to do: Resolve sets Resolution, Reopen unassigns, the bot’s transitions are hidden', site: workflowSite(), changes: [] },
  {
    name: 'one change: the Reopen transition keeps the assignee',
    site: workflowSite({ transitions: patch('31', { actions: [] }) }),
    changes: [`workflow:${ID}:unassign:31`],
    assert: (plan) => expect((plan.changes[0]!.payload as BotRulePayload).rule).toEqual({ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } }),
  },
  {
    name: 'a bot transition people can see gets Restrict transitions (users only)',
    site: workflowSite({ transitions: patch('21', { conditions: visible }) }),
    changes: [`workflow:${ID}:hide:21`],
  },
  {
    name: 'Resolution is set to the value another workflow of the site uses',
    site: workflowSite({ transitions: edits(noResolution, patch('11', { transitionScreen: null })), extraWorkflows: { Other: otherWorkflow } }),
    changes: [`workflow:${ID}:resolution:11`],
    assert: (plan) => expect((plan.changes[0]!.payload as BotRulePayload).rule).toEqual({ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000', mode: 'replace' } }),
  },
  {
    name: 'no transition read sets Resolution (one desk’s workflows): the site’s default resolution, by name',
    site: { ...workflowSite({ transitions: edits(noResolution, patch('11', { transitionScreen: null })) }), resolutions: ok(RESOLUTIONS) },
    changes: [`workflow:${ID}:resolution:11`],
    assert: (plan) => {
      expect((plan.changes[0]!.payload as BotRulePayload).rule).toEqual({ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000', mode: 'replace' } });
      expect(plan.changes[0]!.summary).toContain('Set Resolution to “Done” (the site’s default resolution)');
    },
  },
  {
    name: 'no transition read sets Resolution and the site has no default resolution: a blocker, never a guessed resolution',
    site: { ...workflowSite({ transitions: edits(noResolution, patch('11', { transitionScreen: null })) }), resolutions: ok(RESOLUTIONS.map((r) => ({ ...r, isDefault: false }))) },
    changes: [],
    blockers: ['No transition read sets Resolution and the site has no default resolution'],
  },
  {
    name: 'the site’s resolutions could not be read and no transition read sets Resolution: a blocker',
    site: workflowSite({ transitions: edits(noResolution, patch('11', { transitionScreen: null })) }),
    changes: [],
    blockers: ['No transition read sets Resolution'],
  },
  {
    name: 'an unreadable Resolve screen leaves Resolution undecided: a blocker',
    site: workflowSite({ transitions: noResolution, screens: {} }),
    changes: [],
    blockers: ['could not be read'],
  },
  {
    name: 'shared artifact: a workflow two desks use is one change reaching both',
    site: workflowSite({ transitions: patch('31', { actions: [] }) }),
    projects: [{}, { key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2', issueTypes: [{ id: '10010', name: 'HR question' }], workflowByIssueType: ok({ '10010': WORKFLOW }) }],
    changes: [`workflow:${ID}:unassign:31`],
    assert: (plan) => expect(plan.changes[0]!.reach.projects.map((p) => p.key)).toEqual(['IT', 'HR']),
  },
  {
    name: 'permission missing: a project admin cannot edit a shared workflow',
    site: workflowSite({ transitions: patch('31', { actions: [] }) }),
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [],
    blockers: ['Only a Jira administrator'],
  },
  {
    name: 'a transition restricted from the API too is left to the admin',
    site: workflowSite({ transitions: patch('21', { conditions: { operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'usersAndAPI' } }], conditionGroups: [] } }) }),
    changes: [],
    blockers: ['restricted from the API too'],
  },
]);
