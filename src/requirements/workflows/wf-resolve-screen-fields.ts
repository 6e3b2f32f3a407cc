/**
 * WF-RESOLVE-SCREEN-FIELDS: every field that must be set on resolution (fields the
 * Resolve transition's validators require, and Resolution unless a post function
 * sets it) is on the Resolve transition's screen, so Moveworks can set it.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { fieldsToSetOnResolve } from './analysis/resolution-fields';
import { resolveTransitionCheck, unreadScreen } from './analysis/resolve-transition-check';
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

function labels(ids: string[], names?: Record<string, string>): string {
  return ids.map((f) => fieldLabel(f, names)).join(', ');
}

export const wfResolveScreenFields: ProjectCheck = resolveTransitionCheck<{ fieldsToSet: string[] } & Record<string, unknown>>({
  meta,
  none: (view) => ({
    summary: 'no transition into a Resolved / Closed status, so Moveworks cannot set the fields resolution needs',
    step: `Add a Resolve transition (from any status into a Resolved / Closed status) with a screen that has Assignee and Resolution to workflow “${view.name}”.`,
  }),
  judge: (t, { view, input, workflowUrl, screenUrl }) => {
    const fields = fieldsToSetOnResolve(t);
    const screen = transitionScreen(t, input.snapshot);
    const base = { ...transitionRef(t), requiredByValidators: fields.byValidators, resolutionSetByPostFunction: fields.resolutionSetByPostFunction, fieldsToSet: fields.all };
    if (fields.all.length === 0) return { verdict: 'holds', row: { ...base, screenId: screen.kind === 'none' ? null : screen.screenId, missing: [] } };
    if (screen.kind === 'none') {
      return {
        verdict: 'violated',
        row: { ...base, screenId: null, missing: fields.all },
        problem: `${transitionLabel(t)} has no screen for ${labels(fields.all)}`,
        remediation: [{ text: `In workflow “${view.name}”, give transition “${t.name}” a screen with ${labels(fields.all)}.`, url: workflowUrl }, ...teamManagedScreenNote(input.project)],
      };
    }
    if (screen.kind === 'unread') return { ...unreadScreen(t, screen, screenUrl), row: { ...base, screenId: screen.screenId, missing: null, screenError: screen.reason } };
    const missing = fields.all.filter((f) => !screenHasField(screen.screen, f));
    const row = { ...base, screenId: screen.screenId, missing };
    if (missing.length === 0) return { verdict: 'holds', row };
    return {
      verdict: 'violated',
      row,
      problem: `the screen ${screen.screenId} of ${transitionLabel(t)} lacks ${labels(missing, screen.screen.fieldNames)}`,
      remediation: [{ text: `Add ${labels(missing, screen.screen.fieldNames)} to screen ${screen.screenId} (used by transition “${t.name}” of workflow “${view.name}”).`, url: screenUrl(screen.screenId) }],
    };
  },
  holds: (rows) => {
    const needed = [...new Set(rows.flatMap((r) => r.fieldsToSet))];
    return needed.length === 0 ? 'no field must be set on resolution' : `${needed.map((f) => fieldLabel(f)).join(', ')} on the Resolve screen`;
  },
  holdsOfEach: 'every field required on resolution is on the Resolve screen',
  generalRemediation: [{ text: 'How to add a screen to a workflow transition and fields to a screen.', url: DOCS.transitionScreens }],
});
