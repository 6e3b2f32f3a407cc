import { failed, ok, status } from '../requirements/testing/snapshot-builder';
import { drop, edits, screenRule, STATUSES, transition, workflowData, workflowSite, WORKFLOW } from '../requirements/workflows/testing/workflow-builder';
import { addGlobalTransitions, type GlobalTransitionPayload } from './add-global-transitions';
import { describeFixPlan } from './testing/table';

const ID = 'b9ff2384-d3b6-4d4e-9509-3ee19f607168';
const directedResolve = transition({ id: '61', name: 'Resolve issue', type: 'DIRECTED', toStatusReference: '5', links: [{ fromStatusReference: '3' }], transitionScreen: screenRule('10') });
const addDirectedResolve = (ts: ReturnType<typeof workflowData>['workflow']['transitions'] & object) => [...ts, directedResolve];
const teamManaged = (() => {
  const data = workflowData(drop('21')(workflowData().workflow.transitions!));
  return ok({ ...data, workflow: { ...data.workflow, scope: { type: 'PROJECT' as const, project: { id: '10000' } } } });
})();

describeFixPlan(addGlobalTransitions, [
  { name: 'nothing to do: every bucket has a global transition', site: workflowSite(), changes: [] },
  {
    name: 'one change: no global Resolve; the new one goes where the workflow’s own Resolve goes and copies it',
    site: workflowSite({ transitions: edits(drop('11'), addDirectedResolve) }),
    changes: [`workflow:${ID}:global:resolved`],
    summary: `Add 1 global transition to workflow “${WORKFLOW}”`,
    assert: (plan) => {
      expect(plan.changes[0]).toMatchObject({
        summary: `Add the global transition “Resolve (Moveworks)” into “Resolved” to workflow “${WORKFLOW}” (like “Resolve issue”)`,
        target: { kind: 'workflow', id: ID, name: WORKFLOW },
        reach: { projects: [{ key: 'IT' }], issueTypes: [{ id: '10001', name: 'IT Help' }] },
      });
      expect(plan.changes[0]!.payload as GlobalTransitionPayload).toMatchObject({ bucket: 'resolved', toStatusReference: '5', templateTransitionId: '61', bucketStatusRefs: ['5'] });
    },
  },
  {
    name: 'reach from Jira: a workflow Jira says a software project also uses reaches it and its issue type, though no desk read showed it',
    site: { ...workflowSite({ transitions: drop('21') }), workflowUsages: { [ID]: ok({ projects: [{ id: '10000', issueTypeIds: ['10001'] }, { id: '10003', key: 'ENG', name: 'Engineering', issueTypeIds: ['10010'], issueTypeNames: { '10010': 'Bug' } }] }) } },
    changes: [`workflow:${ID}:global:in_progress`],
    assert: (plan) => {
      expect(plan.changes[0]!.reach).toEqual({ projects: [{ key: 'IT', name: expect.any(String) }, { key: 'ENG', name: 'Engineering' }], issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10010', name: 'Bug' }] });
    },
  },
  {
    name: 'reach Jira would not give: the change lists the desks read and says other projects may use the workflow',
    site: { ...workflowSite({ transitions: drop('21') }), workflowUsages: { [ID]: failed('forbidden', 'GET /rest/api/3/workflow/{workflowId}/projectUsages', 403) } },
    changes: [`workflow:${ID}:global:in_progress`],
    assert: (plan) => {
      expect(plan.changes[0]!.reach).toMatchObject({ projects: [{ key: 'IT' }], unconfirmed: 'Other projects may use this workflow; Jira did not say.' });
    },
  },
  {
    name: 'shared artifact: a workflow used by two desks is one change reaching both',
    site: workflowSite({ transitions: drop('21') }),
    projects: [{}, { key: 'HR', id: '10001', name: 'HR Help Desk', serviceDeskId: '2', issueTypes: [{ id: '10010', name: 'HR question' }], workflowByIssueType: ok({ '10010': WORKFLOW }) }],
    changes: [`workflow:${ID}:global:in_progress`],
    assert: (plan) => {
      expect(plan.changes[0]!.reach.projects.map((p) => p.key)).toEqual(['IT', 'HR']);
      expect(plan.changes[0]!.reach.issueTypes?.map((t) => t.id)).toEqual(['10001', '10010']);
      expect(plan.projectKey).toBeUndefined();
    },
  },
  {
    name: 'permission missing: a project admin cannot edit a workflow shared across projects, and is told who can',
    site: workflowSite({ transitions: drop('21') }),
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [],
    blockers: ['Only a Jira administrator'],
  },
  {
    name: 'a project admin whom Jira refuses the workflow scheme of a company-managed desk is told who can',
    site: workflowSite({ transitions: drop('21') }),
    projects: [{ workflowByIssueType: failed('forbidden', 'GET /rest/api/3/workflowscheme/project', 403, 'Only Jira administrators can access workflow scheme associations.') }],
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [],
    blockers: ['The workflows of IT could not be read'],
    assert: (plan) => expect(plan.blockers[0]!.who).toBe('a Jira administrator'),
  },
  {
    name: 'a project admin may edit their team-managed project’s own workflow',
    site: { workflows: { [WORKFLOW]: teamManaged } },
    projects: [{ style: 'team-managed' }],
    caller: { isSiteAdmin: false, administersProjects: ['IT'] },
    changes: [`workflow:${ID}:global:in_progress`],
    assert: (plan) => expect((plan.changes[0]!.payload as GlobalTransitionPayload).teamManaged).toBe(true),
  },
  {
    name: 'a workflow with no status in the bucket gets a blocker, not a new status',
    site: workflowSite({ transitions: drop('11'), statuses: [STATUSES.open, STATUSES.inProgress, STATUSES.waiting] }),
    changes: [],
    blockers: ['has no Resolved / Closed status'],
  },
  {
    name: 'the admin’s bucket override counts: a status mapped to Resolved is a target',
    site: workflowSite({ transitions: drop('11'), statuses: [STATUSES.open, STATUSES.inProgress, STATUSES.waiting, status('6', 'Closed', 'DONE')] }),
    settings: { statusBucketOverrides: { Closed: 'resolved' } },
    changes: [`workflow:${ID}:global:resolved`],
  },
  {
    name: 'an unreadable workflow blocks with Jira’s reason',
    site: workflowSite({ entry: failed('forbidden', 'POST /rest/api/3/workflows', 403, 'You cannot read workflows') }),
    changes: [],
    blockers: ['You cannot read workflows'],
  },
]);
