/**
 * WF-RESOLVE-SETS-RESOLUTION: the Resolve transition gives Resolution a value, by a
 * post function (e.g. Update Issue Field → Resolution = Done) or by having
 * Resolution on its screen for Moveworks to fill.
 */
import type { RemediationStep } from '../../shared/report-model';
import { worstVerdict } from '../verdicts';
import type { ProjectCheck, Verdict } from '../check';
import { DOCS } from '../links';
import { resolveTransitions } from './analysis/bot-transitions';
import { judgeProjectWorkflows, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { setsResolution } from './analysis/rule-vocabulary';
import { screenHasField, transitionScreen } from './analysis/transition-screen';
import { transitionLabel, transitionRef } from './analysis/workflow-view';

const meta = {
  id: 'WF-RESOLVE-SETS-RESOLUTION',
  title: 'Resolve transition sets Resolution',
  failureTitle: 'Resolve transition does not set Resolution',
  description:
    'A ticket resolved without a Resolution still counts as unresolved in Jira. Let the Resolve transition set Resolution (for example to Done) with an Update Issue Field post function, or put Resolution on its screen so Moveworks can set it.',
  severity: 'optional',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.postFunctions,
} as const;

function judge({ view, input, workflowUrl, screenUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const chosen = resolveTransitions(view);
  if (chosen.transitions.length === 0) {
    return {
      verdict: 'violated',
      summary: 'no transition into a Resolved / Closed status to set Resolution',
      details: { resolveTransitions: [] },
      remediation: [{ text: `Add a Resolve transition into a Resolved / Closed status to workflow “${view.name}”, with a post function that sets Resolution.`, url: workflowUrl }],
    };
  }
  const verdicts: Verdict[] = [];
  const notes: string[] = [];
  const remediation: RemediationStep[] = [];
  const rows = chosen.transitions.map((t) => {
    const base = transitionRef(t);
    if ((t.raw.actions ?? []).some((a) => setsResolution(a))) {
      verdicts.push('holds');
      return { ...base, setBy: 'post function' };
    }
    const screen = transitionScreen(t, input.snapshot);
    if (screen.kind === 'unread') {
      verdicts.push('undecided');
      notes.push(`the screen ${screen.screenId} of ${transitionLabel(t)} could not be read: ${screen.reason}`);
      remediation.push({ text: `Make sure the app can read screen ${screen.screenId} (Administer Jira), then run the check again.`, url: screenUrl(screen.screenId) });
      return { ...base, setBy: null, screenId: screen.screenId, screenError: screen.reason };
    }
    if (screen.kind === 'read' && screenHasField(screen.screen, 'resolution')) {
      verdicts.push('holds');
      return { ...base, setBy: 'screen', screenId: screen.screenId };
    }
    verdicts.push('violated');
    notes.push(`${transitionLabel(t)} sets no Resolution (no post function${screen.kind === 'read' ? `, not on screen ${screen.screenId}` : ', no screen'})`);
    remediation.push({ text: `In workflow “${view.name}”, add an Update Issue Field post function to transition “${t.name}” that sets Resolution to Done.`, url: workflowUrl });
    return { ...base, setBy: null, screenId: screen.kind === 'read' ? screen.screenId : null };
  });
  const verdict = worstVerdict(verdicts);
  const details = { resolveTransitions: rows };
  if (verdict === 'holds') return { verdict, summary: `Resolution set on ${chosen.transitions.map(transitionLabel).join(', ')}`, details };
  return { verdict, summary: notes.join(' and '), details, remediation };
}

export const wfResolveSetsResolution: ProjectCheck = {
  meta,
  requires: ['requestTypes', 'workflows', 'screens'],
  evaluate: (input) =>
    judgeProjectWorkflows(input, {
      meta,
      judge,
      holdsSummary: (n) => (n === 1 ? 'The Resolve transition sets Resolution' : `In ${n === 2 ? 'both' : `all ${n}`} workflows the Resolve transition sets Resolution`),
      generalRemediation: [{ text: 'How to add an Update Issue Field post function.', url: DOCS.postFunctions }],
    }),
};
