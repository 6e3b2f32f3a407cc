/**
 * WF-RESOLVE-SCREEN-ASSIGNEE: the Resolve transition has a screen and Assignee is
 * on it, so Moveworks can set itself as assignee when it resolves. Needed even
 * when the transition is API-only: the API can only set fields its screen shows.
 */
import type { RemediationStep } from '../../shared/report-model';
import { worstVerdict } from '../verdicts';
import type { ProjectCheck, Verdict } from '../check';
import { DOCS } from '../links';
import { resolveTransitions } from './analysis/bot-transitions';
import { judgeProjectWorkflows, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { screenHasField, teamManagedScreenNote, transitionScreen } from './analysis/transition-screen';
import { transitionLabel, transitionRef } from './analysis/workflow-view';

const meta = {
  id: 'WF-RESOLVE-SCREEN-ASSIGNEE',
  title: 'Resolve transition screen has Assignee',
  failureTitle: 'Resolve transition screen lacks Assignee',
  description:
    'Moveworks sets itself as the Assignee when it resolves a ticket, and Jira only accepts fields that are on the transition’s screen. The Resolve transition therefore needs a screen with the Assignee field, even when the transition is restricted to API use.',
  severity: 'required',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.transitionScreens,
} as const;

function judge({ view, input, workflowUrl, screenUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const chosen = resolveTransitions(view);
  if (chosen.transitions.length === 0) {
    return {
      verdict: 'violated',
      summary: 'no transition into a Resolved / Closed status, so no Resolve transition to carry Assignee',
      details: { resolveTransitions: [] },
      remediation: [{ text: `Add a Resolve transition (from any status into a Resolved / Closed status) with a screen that has Assignee to workflow “${view.name}”.`, url: workflowUrl }],
    };
  }
  const verdicts: Verdict[] = [];
  const problems: string[] = [];
  const remediation: RemediationStep[] = [];
  const rows = chosen.transitions.map((t) => {
    const screen = transitionScreen(t, input.snapshot);
    const base = { ...transitionRef(t), global: chosen.global };
    if (screen.kind === 'none') {
      verdicts.push('violated');
      problems.push(`${transitionLabel(t)} has no screen`);
      remediation.push({ text: `In workflow “${view.name}”, give transition “${t.name}” a screen that includes Assignee (a copy of the Resolve Issue screen will do).`, url: workflowUrl });
      remediation.push(...teamManagedScreenNote(input.project));
      return { ...base, screenId: null, hasAssignee: false };
    }
    if (screen.kind === 'unread') {
      verdicts.push('undecided');
      problems.push(`the screen ${screen.screenId} of ${transitionLabel(t)} could not be read: ${screen.reason}`);
      remediation.push({ text: `Make sure the app can read screen ${screen.screenId} (Administer Jira), then run the check again.`, url: screenUrl(screen.screenId) });
      return { ...base, screenId: screen.screenId, hasAssignee: null, screenError: screen.reason };
    }
    const has = screenHasField(screen.screen, 'assignee');
    verdicts.push(has ? 'holds' : 'violated');
    if (!has) {
      problems.push(`the screen ${screen.screenId} of ${transitionLabel(t)} lacks Assignee`);
      remediation.push({ text: `Add the Assignee field to screen ${screen.screenId} (used by transition “${t.name}” of workflow “${view.name}”).`, url: screenUrl(screen.screenId) });
    }
    return { ...base, screenId: screen.screenId, hasAssignee: has };
  });
  const verdict = worstVerdict(verdicts);
  const details = { resolveTransitions: rows };
  if (verdict === 'holds') {
    return { verdict, summary: `Assignee is on the screen of ${chosen.transitions.map(transitionLabel).join(', ')}`, details };
  }
  return { verdict, summary: problems.join(' and '), details, remediation };
}

export const wfResolveScreenAssignee: ProjectCheck = {
  meta,
  requires: ['requestTypes', 'workflows', 'screens'],
  evaluate: (input) =>
    judgeProjectWorkflows(input, {
      meta,
      judge,
      holdsSummary: (n) => (n === 1 ? 'The Resolve transition’s screen has Assignee' : `In ${n === 2 ? 'both' : `all ${n}`} workflows the Resolve transition’s screen has Assignee`),
      generalRemediation: [{ text: 'How to add a screen to a workflow transition.', url: DOCS.transitionScreens }],
    }),
};
