/**
 * WF-RESOLVE-SCREEN-ASSIGNEE: the Resolve transition has a screen and Assignee is
 * on it, so Moveworks can set itself as assignee when it resolves. Needed even
 * when the transition is API-only: the API can only set fields its screen shows.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { resolveTransitionCheck, unreadScreen } from './analysis/resolve-transition-check';
import { screenEvidence, screenHasField, screenRef, teamManagedScreenNote, transitionScreen } from './analysis/transition-screen';
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

export const wfResolveScreenAssignee: ProjectCheck = resolveTransitionCheck<Record<string, unknown>>({
  meta,
  none: (view) => ({
    summary: 'no transition into a Resolved / Closed status, so no Resolve transition to carry Assignee',
    step: `Add a Resolve transition (from any status into a Resolved / Closed status) with a screen that has Assignee to workflow “${view.name}”.`,
  }),
  judge: (t, { view, input, workflowUrl, screenUrl, global }) => {
    const screen = transitionScreen(t, input.snapshot);
    const base = { ...transitionRef(t), global };
    if (screen.kind === 'none') {
      return {
        verdict: 'violated',
        row: { ...base, screen: null, hasAssignee: false },
        problem: `${transitionLabel(t)} has no screen`,
        remediation: [
          { text: `In workflow “${view.name}”, give transition “${t.name}” a screen that includes Assignee (a copy of the Resolve Issue screen will do).`, url: workflowUrl },
          ...teamManagedScreenNote(input.project),
        ],
      };
    }
    if (screen.kind === 'unread') return { ...unreadScreen(t, screen, screenUrl), row: { ...base, screen: screenEvidence(screen), hasAssignee: null, screenError: screen.reason } };
    const has = screenHasField(screen.screen, 'assignee');
    const row = { ...base, screen: screenEvidence(screen), hasAssignee: has };
    if (has) return { verdict: 'holds', row };
    return {
      verdict: 'violated',
      row,
      problem: `the screen ${screenRef(screen)} of ${transitionLabel(t)} lacks Assignee`,
      remediation: [{ text: `Add the Assignee field to screen ${screenRef(screen)} (used by transition “${t.name}” of workflow “${view.name}”).`, url: screenUrl(screen.screenId) }],
    };
  },
  holds: (_rows, transitions) => `Assignee is on the screen of ${transitions}`,
  holdsOfEach: 'the Resolve transition’s screen has Assignee',
  generalRemediation: [{ text: 'How to add a screen to a workflow transition.', url: DOCS.transitionScreens }],
});
