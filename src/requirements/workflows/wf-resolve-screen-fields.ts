/**
 * WF-RESOLVE-SCREEN-FIELDS: every field that must be set on resolution (fields the
 * Resolve transition's validators require, and Resolution unless a post function
 * sets it) is on the Resolve transition's screen, so Moveworks can set it.
 */
import type { RemediationStep } from '../../shared/report-model';
import { worstVerdict } from '../verdicts';
import type { ProjectCheck, Verdict } from '../check';
import { DOCS } from '../links';
import { resolveTransitions } from './analysis/bot-transitions';
import { judgeProjectWorkflows, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { fieldsToSetOnResolve } from './analysis/resolution-fields';
import { fieldLabel, screenHasField, teamManagedScreenNote, transitionScreen } from './analysis/transition-screen';
import { transitionLabel, transitionRef } from './analysis/workflow-view';

const meta = {
  id: 'WF-RESOLVE-SCREEN-FIELDS',
  title: 'Fields required on resolution are on the Resolve screen',
  failureTitle: 'Fields required on resolution are missing from the Resolve screen',
  description:
    'Any field that must be set when a ticket is resolved (fields the Resolve transition’s validators require, and Resolution unless a post function sets it) has to be on the Resolve transition’s screen, or Moveworks cannot set it and Jira refuses the transition.',
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
      summary: 'no transition into a Resolved / Closed status, so Moveworks cannot set the fields resolution needs',
      details: { resolveTransitions: [] },
      remediation: [{ text: `Add a Resolve transition (from any status into a Resolved / Closed status) with a screen that has Assignee and Resolution to workflow “${view.name}”.`, url: workflowUrl }],
    };
  }
  const verdicts: Verdict[] = [];
  const problems: string[] = [];
  const remediation: RemediationStep[] = [];
  const rows = chosen.transitions.map((t) => {
    const fields = fieldsToSetOnResolve(t);
    const screen = transitionScreen(t, input.snapshot);
    const base = { ...transitionRef(t), requiredByValidators: fields.byValidators, resolutionSetByPostFunction: fields.resolutionSetByPostFunction, fieldsToSet: fields.all };
    if (fields.all.length === 0) {
      verdicts.push('holds');
      return { ...base, screenId: screen.kind === 'none' ? null : screen.screenId, missing: [] };
    }
    const labels = (ids: string[], names?: Record<string, string>) => ids.map((f) => fieldLabel(f, names)).join(', ');
    if (screen.kind === 'none') {
      verdicts.push('violated');
      problems.push(`${transitionLabel(t)} has no screen for ${labels(fields.all)}`);
      remediation.push({ text: `In workflow “${view.name}”, give transition “${t.name}” a screen with ${labels(fields.all)}.`, url: workflowUrl });
      remediation.push(...teamManagedScreenNote(input.project));
      return { ...base, screenId: null, missing: fields.all };
    }
    if (screen.kind === 'unread') {
      verdicts.push('undecided');
      problems.push(`the screen ${screen.screenId} of ${transitionLabel(t)} could not be read: ${screen.reason}`);
      remediation.push({ text: `Make sure the app can read screen ${screen.screenId} (Administer Jira), then run the check again.`, url: screenUrl(screen.screenId) });
      return { ...base, screenId: screen.screenId, missing: null, screenError: screen.reason };
    }
    const missing = fields.all.filter((f) => !screenHasField(screen.screen, f));
    verdicts.push(missing.length === 0 ? 'holds' : 'violated');
    if (missing.length > 0) {
      problems.push(`the screen ${screen.screenId} of ${transitionLabel(t)} lacks ${labels(missing, screen.screen.fieldNames)}`);
      remediation.push({ text: `Add ${labels(missing, screen.screen.fieldNames)} to screen ${screen.screenId} (used by transition “${t.name}” of workflow “${view.name}”).`, url: screenUrl(screen.screenId) });
    }
    return { ...base, screenId: screen.screenId, missing };
  });
  const verdict = worstVerdict(verdicts);
  const details = { resolveTransitions: rows };
  if (verdict === 'holds') {
    const needed = [...new Set(rows.flatMap((r) => r.fieldsToSet))];
    return {
      verdict,
      summary: needed.length === 0 ? 'no field must be set on resolution' : `${needed.map((f) => fieldLabel(f)).join(', ')} on the Resolve screen`,
      details,
    };
  }
  return { verdict, summary: problems.join(' and '), details, remediation };
}

export const wfResolveScreenFields: ProjectCheck = {
  meta,
  requires: ['requestTypes', 'workflows', 'screens'],
  evaluate: (input) =>
    judgeProjectWorkflows(input, {
      meta,
      judge,
      holdsSummary: (n) => (n === 1 ? 'Every field required on resolution is on the Resolve screen' : `In ${n === 2 ? 'both' : `all ${n}`} workflows every field required on resolution is on the Resolve screen`),
      generalRemediation: [{ text: 'How to add a screen to a workflow transition and fields to a screen.', url: DOCS.transitionScreens }],
    }),
};
