import { failed, ok } from '../requirements/testing/snapshot-builder';
import { drop, edits, patch, screen, screenRule, transition, workflowData, workflowSite, WORKFLOW, RESOLVE_SCREEN } from '../requirements/workflows/testing/workflow-builder';
import { addResolveScreenFields, type NewScreenPayload, type ScreenFieldsPayload } from './add-resolve-screen-fields';
import { describeFixPlan } from './testing/table';

const ID = 'b9ff2384-d3b6-4d4e-9509-3ee19f607168';
const startDateRequired = { ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10060' } };
const noAssignee = { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['summary', 'resolution'])) };
const hrDesk = { key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2', issueTypes: [{ id: '10010', name: 'Onboarding' }], workflowByIssueType: ok({ '10010': 'HR Onboarding' }) };
const hrWorkflow = (() => {
  const data = workflowData([
    transition({ id: '1', name: 'Create', type: 'INITIAL', toStatusReference: '1' }),
    transition({ id: '11', name: 'Complete', type: 'GLOBAL', toStatusReference: '5', transitionScreen: screenRule(RESOLVE_SCREEN), actions: [{ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000' } }] }),
  ]);
  return ok({ ...data, workflow: { ...data.workflow, id: 'hr-onboarding', name: 'HR Onboarding' } });
})();

describeFixPlan(addResolveScreenFields, [
  { name: 'nothing to do: the Resolve screen has Assignee and Resolution is set by a post function', site: workflowSite(), changes: [] },
  {
    name: 'one change: Assignee is missing from the Resolve screen',
    site: workflowSite({ screens: noAssignee }),
    changes: [`screen:${RESOLVE_SCREEN}:fields`],
    summary: 'Put 1 field on 1 Resolve screen',
    assert: (plan) => {
      expect(plan.changes[0]).toMatchObject({ target: { kind: 'screen', id: RESOLVE_SCREEN }, items: 1, reach: { projects: [{ key: 'IT' }] } });
      expect(plan.changes[0]!.payload as ScreenFieldsPayload).toEqual({ screenId: RESOLVE_SCREEN, fieldIds: ['assignee'], fieldNames: { assignee: 'Assignee' } });
    },
  },
  {
    name: 'the screen is named as admins know it, in the change and its target',
    site: workflowSite({ screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['summary', 'resolution'], 'IT: Resolve Issue Screen')) } }),
    changes: [`screen:${RESOLVE_SCREEN}:fields`],
    assert: (plan) => {
      expect(plan.changes[0]!.summary).toMatch(/^Add Assignee to screen “IT: Resolve Issue Screen” \(shown by/);
      expect(plan.changes[0]!.target).toEqual({ kind: 'screen', id: RESOLVE_SCREEN, name: 'IT: Resolve Issue Screen' });
    },
  },
  {
    name: 'a field the Resolve transition’s validator requires is added beside Assignee',
    site: workflowSite({ transitions: patch('11', { validators: [startDateRequired] }), screens: noAssignee }),
    changes: [`screen:${RESOLVE_SCREEN}:fields`],
    assert: (plan) => expect((plan.changes[0]!.payload as ScreenFieldsPayload).fieldIds).toEqual(['assignee', 'customfield_10060']),
  },
  {
    name: 'shared artifact: a screen two workflows show is one change reaching both desks and their issue types',
    site: workflowSite({ screens: noAssignee, extraWorkflows: { 'HR Onboarding': hrWorkflow } }),
    projects: [{}, hrDesk],
    changes: [`screen:${RESOLVE_SCREEN}:fields`],
    assert: (plan) => {
      expect(plan.changes[0]!.reach.projects.map((p) => p.key)).toEqual(['IT', 'HR']);
      expect(plan.changes[0]!.reach.issueTypes?.map((t) => t.name)).toEqual(['IT Help', 'Onboarding']);
      expect(plan.changes[0]!.summary).toContain('“Resolve (bot)” in workflow “IT Support Workflow”, “Complete” in workflow “HR Onboarding”');
    },
  },
  {
    name: 'a Resolve transition without a screen gets a new screen attached through a workflow update',
    site: workflowSite({ transitions: patch('11', { transitionScreen: null }) }),
    changes: [`workflow:${ID}:screen:11`],
    assert: (plan) => {
      expect(plan.changes[0]).toMatchObject({ target: { kind: 'workflow', id: ID, name: WORKFLOW }, items: 1 });
      expect(plan.changes[0]!.payload as NewScreenPayload).toMatchObject({ transitionId: '11', fieldIds: ['assignee'], screenName: `${WORKFLOW}: Resolve (bot) screen (Moveworks)` });
    },
  },
  {
    name: 'a team-managed workflow’s Resolve without a screen is a blocker: the API gives team-managed workflows no screens',
    site: (() => {
      const data = workflowData(patch('11', { transitionScreen: null })(workflowData().workflow.transitions!));
      return { workflows: { [WORKFLOW]: ok({ ...data, workflow: { ...data.workflow, scope: { type: 'PROJECT' as const, project: { id: '10000' } } } }) } };
    })(),
    projects: [{ style: 'team-managed' }],
    changes: [],
    blockers: ['team-managed workflow'],
  },
  {
    name: 'permission missing: only a Jira administrator changes screens',
    site: workflowSite({ screens: noAssignee }),
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [],
    blockers: ['Only a Jira administrator can change screens'],
  },
  {
    name: 'no Resolve transition at all: a blocker pointing at the global-transitions fix',
    site: workflowSite({ transitions: edits(drop('11')) }),
    changes: [],
    blockers: ['has no Resolve transition'],
  },
  {
    name: 'an unreadable screen blocks with Jira’s reason',
    site: workflowSite({ screens: { [RESOLVE_SCREEN]: failed('forbidden', 'GET /rest/api/3/screens/{screenId}/tabs', 403, 'You cannot read screens') } }),
    changes: [],
    blockers: ['You cannot read screens'],
  },
]);
