import { describeCheck } from '../testing/table';
import { wfReopenUnassigns } from './wf-reopen-unassigns';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, patch, transition, workflowSite } from './testing/workflow-builder';

const reopenActions = (actions: { ruleKey: string; parameters?: Record<string, string> }[]) => workflowSite({ transitions: patch('31', { actions }) });

describeCheck(wfReopenUnassigns, {
  valid: [
    ...commonValidCases(),
    { name: 'system:change-assignee to-unassigned', site: workflowSite(), evidence: { workflows: [{ details: { reopenTransitions: [{ id: '31', unassigns: true, global: true }] } }] } },
    { name: 'legacy UpdateIssueFieldFunction Assignee to empty', site: reopenActions([{ ruleKey: 'UpdateIssueFieldFunction', parameters: { 'field.name': 'assignee', 'field.value': '' } }]) },
    { name: 'legacy fully qualified UpdateIssueFieldFunction with no value', site: reopenActions([{ ruleKey: 'com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction', parameters: { 'field.name': 'assignee' } }]) },
    { name: 'system:update-field Assignee to empty', site: reopenActions([{ ruleKey: 'system:update-field', parameters: { field: 'assignee', value: '' } }]) },
    {
      name: 'no global reopen: every directed transition back to Open unassigns',
      site: workflowSite({
        transitions: (ts) => [
          ...drop('31')(ts),
          transition({ id: '81', name: 'Reopen', type: 'DIRECTED', toStatusReference: '1', links: [{ fromStatusReference: '5' }], actions: [{ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } }] }),
        ],
      }),
      evidence: { workflows: [{ details: { reopenTransitions: [{ id: '81', global: false }] } }] },
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'the Reopen transition keeps the assignee (optional → warn)',
      verdict: 'violated',
      site: reopenActions([]),
      summary: '“Reopen (bot)” (31) → Open keeps the assignee',
      remediationText: 'Unassigned',
    },
    { name: 'assign to the project lead is not unassigning (legacy AssignToLeadFunction)', verdict: 'violated', site: reopenActions([{ ruleKey: 'com.atlassian.jira.workflow.function.issue.AssignToLeadFunction' }]) },
    { name: 'system:change-assignee to-default-user is not unassigning', verdict: 'violated', site: reopenActions([{ ruleKey: 'system:change-assignee', parameters: { type: 'to-default-user' } }]) },
    { name: 'Assignee "-1" is Automatic, not Unassigned', verdict: 'violated', site: reopenActions([{ ruleKey: 'UpdateIssueFieldFunction', parameters: { 'field.name': 'assignee', 'field.value': '-1' } }]) },
    {
      name: 'the initial transition into Open is not a Reopen transition',
      verdict: 'violated',
      site: workflowSite({ transitions: (ts) => drop('31')(ts).map((t) => (t.id === '1' ? { ...t, actions: [{ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } }] } : t)) }),
      summary: 'no transition back into a New / Reopened status',
    },
    { name: 'team-managed project keeps the assignee', verdict: 'violated', project: { style: 'team-managed' }, site: reopenActions([]) },
  ],
});
