/**
 * WF-RESOLVE-SETS-RESOLUTION: the Resolve transition gives Resolution a value, by a
 * post function (e.g. Update Issue Field → Resolution = Done) or by having
 * Resolution on its screen for Moveworks to fill.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { resolveTransitionCheck, unreadScreen } from './analysis/resolve-transition-check';
import { setsResolution } from './analysis/rule-vocabulary';
import { screenEvidence, screenHasField, screenRef, transitionScreen } from './analysis/transition-screen';
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

export const wfResolveSetsResolution: ProjectCheck = resolveTransitionCheck<Record<string, unknown>>({
  meta,
  none: (view) => ({
    summary: 'no transition into a Resolved / Closed status to set Resolution',
    step: `Add a Resolve transition into a Resolved / Closed status to workflow “${view.name}”, with a post function that sets Resolution.`,
  }),
  judge: (t, { view, input, workflowUrl, screenUrl }) => {
    const base = transitionRef(t);
    if ((t.raw.actions ?? []).some((a) => setsResolution(a))) return { verdict: 'holds', row: { ...base, setBy: 'post function' } };
    const screen = transitionScreen(t, input.snapshot);
    if (screen.kind === 'unread') return { ...unreadScreen(t, screen, screenUrl), row: { ...base, setBy: null, screen: screenEvidence(screen), screenError: screen.reason } };
    if (screen.kind === 'read' && screenHasField(screen.screen, 'resolution')) return { verdict: 'holds', row: { ...base, setBy: 'screen', screen: screenEvidence(screen) } };
    return {
      verdict: 'violated',
      row: { ...base, setBy: null, screen: screenEvidence(screen) },
      problem: `${transitionLabel(t)} sets no Resolution (no post function${screen.kind === 'read' ? `, not on screen ${screenRef(screen)}` : ', no screen'})`,
      remediation: [{ text: `In workflow “${view.name}”, add an Update Issue Field post function to transition “${t.name}” that sets Resolution to Done.`, url: workflowUrl }],
    };
  },
  holds: (_rows, transitions) => `Resolution set on ${transitions}`,
  holdsOfEach: 'the Resolve transition sets Resolution',
  generalRemediation: [{ text: 'How to add an Update Issue Field post function.', url: DOCS.postFunctions }],
});
