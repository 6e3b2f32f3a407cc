/**
 * WF-REOPEN-UNASSIGNS: the Reopen transition sets Assignee to Unassigned, so a
 * reopened ticket goes back to the queue instead of sitting with the last agent.
 */
import type { RemediationStep } from '../../shared/report-model';
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { reopenTransitions } from './analysis/bot-transitions';
import { inEachWorkflow, noSuchTransition, workflowCheck, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { unassigns } from './analysis/rule-vocabulary';
import { transitionLabel, transitionRef } from './analysis/workflow-view';

const meta = {
  id: 'WF-REOPEN-UNASSIGNS',
  title: 'Reopen transition unassigns the ticket',
  failureTitle: 'Reopen transition keeps the assignee',
  description:
    'When Moveworks reopens a ticket, an Assignee post function set to Unassigned sends it back to the queue so an agent picks it up again, instead of leaving it with whoever resolved it (possibly the bot).',
  severity: 'optional',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.postFunctions,
} as const;

function judge({ view, workflowUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const chosen = reopenTransitions(view);
  if (chosen.transitions.length === 0) {
    return noSuchTransition('reopenTransitions', 'no transition back into a New / Reopened status to unassign on', {
      text: `Add a Reopen transition (from any status into a New / Reopened status) to workflow “${view.name}” with a post function that sets Assignee to Unassigned.`,
      url: workflowUrl,
    });
  }
  const rows = chosen.transitions.map((t) => ({ t, row: { ...transitionRef(t), global: chosen.global, unassigns: (t.raw.actions ?? []).some((a) => unassigns(a)) } }));
  const keep = rows.filter((r) => !r.row.unassigns).map((r) => r.t);
  const details = { reopenTransitions: rows.map((r) => r.row) };
  if (keep.length === 0) return { verdict: 'holds', summary: `unassigned by ${chosen.transitions.map(transitionLabel).join(', ')}`, details };
  const remediation: RemediationStep[] = [
    {
      text: `In workflow “${view.name}”, add a post function to ${keep.map((t) => `“${t.name}”`).join(', ')}: Assign a request → Unassigned (or Update Issue Field → Assignee → Unassigned).`,
      url: workflowUrl,
    },
  ];
  return { verdict: 'violated', summary: `${keep.map(transitionLabel).join(', ')} ${keep.length > 1 ? 'keep' : 'keeps'} the assignee`, details, remediation };
}

export const wfReopenUnassigns: ProjectCheck = workflowCheck({
  meta,
  requires: ['requestTypes', 'workflows'],
  judge,
  holdsSummary: inEachWorkflow('the Reopen transition sets Assignee to Unassigned'),
  generalRemediation: [{ text: 'How to add a post function to a transition.', url: DOCS.postFunctions }],
});
