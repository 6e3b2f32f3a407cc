/**
 * WF-RESOLVE-SCREEN-FIELDS: every field that must be set on resolution (fields the
 * Resolve transition's validators require, and Resolution unless a post function
 * sets it) is on the Resolve transition's screen, so Moveworks can set it.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { fieldsToSetOnResolve } from './analysis/resolution-fields';
import { resolveTransitionCheck, unreadScreen } from './analysis/resolve-transition-check';
import { fieldLabel, fieldRefs, screenEvidence, screenHasField, screenRef, siteFieldNames, teamManagedScreenNote, transitionScreen } from './analysis/transition-screen';
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

export const wfResolveScreenFields: ProjectCheck = resolveTransitionCheck<{ fieldsToSet: { id: string; name: string }[] } & Record<string, unknown>>({
  meta,
  none: (view) => ({
    summary: 'no transition into a Resolved / Closed status, so Moveworks cannot set the fields resolution needs',
    step: `Add a Resolve transition (from any status into a Resolved / Closed status) with a screen that has Assignee and Resolution to workflow “${view.name}”.`,
  }),
  judge: (t, { view, input, workflowUrl, screenUrl }) => {
    const fields = fieldsToSetOnResolve(t);
    const screen = transitionScreen(t, input.snapshot);
    // Fields by name, as this screen calls them, else as any screen read in the run does: a field
    // this screen lacks may be on another.
    const names = { ...siteFieldNames(input.snapshot), ...(screen.kind === 'read' ? screen.screen.fieldNames : {}) };
    const base = {
      ...transitionRef(t),
      requiredByValidators: fieldRefs(fields.byValidators, names),
      resolutionSetByPostFunction: fields.resolutionSetByPostFunction,
      fieldsToSet: fieldRefs(fields.all, names),
    };
    if (fields.all.length === 0) return { verdict: 'holds', row: { ...base, screen: screenEvidence(screen), missing: [] } };
    if (screen.kind === 'none') {
      return {
        verdict: 'violated',
        row: { ...base, screen: null, missing: fieldRefs(fields.all, names) },
        problem: `${transitionLabel(t)} has no screen for ${labels(fields.all, names)}`,
        remediation: [{ text: `In workflow “${view.name}”, give transition “${t.name}” a screen with ${labels(fields.all, names)}.`, url: workflowUrl }, ...teamManagedScreenNote(input.project)],
      };
    }
    if (screen.kind === 'unread') return { ...unreadScreen(t, screen, screenUrl), row: { ...base, screen: screenEvidence(screen), missing: null, screenError: screen.reason } };
    const missing = fields.all.filter((f) => !screenHasField(screen.screen, f));
    const row = { ...base, screen: screenEvidence(screen), missing: fieldRefs(missing, names) };
    if (missing.length === 0) return { verdict: 'holds', row };
    return {
      verdict: 'violated',
      row,
      problem: `the screen ${screenRef(screen)} of ${transitionLabel(t)} lacks ${labels(missing, names)}`,
      remediation: [{ text: `Add ${labels(missing, names)} to screen ${screenRef(screen)} (used by transition “${t.name}” of workflow “${view.name}”).`, url: screenUrl(screen.screenId) }],
    };
  },
  holds: (rows) => {
    const needed = [...new Set(rows.flatMap((r) => r.fieldsToSet.map((f) => f.name)))];
    return needed.length === 0 ? 'no field must be set on resolution' : `${needed.join(', ')} on the Resolve screen`;
  },
  holdsOfEach: 'every field required on resolution is on the Resolve screen',
  generalRemediation: [{ text: 'How to add a screen to a workflow transition and fields to a screen.', url: DOCS.transitionScreens }],
});
