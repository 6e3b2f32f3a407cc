/**
 * WF-EXPORT: the workflow definitions are handed to the Moveworks team. The app
 * produces the bundle itself (statuses with buckets, the bot's transition ids), so
 * this holds whenever every in-scope workflow could be read; its evidence is the bundle.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { buildHandoff } from './analysis/handoff';
import { workflowCheck } from './analysis/judge-project-workflows';

export { buildHandoff, handoffComplete } from './analysis/handoff';
export type { Handoff, HandoffWorkflow, HandoffStatus, HandoffChosen, HandoffGap } from './analysis/handoff';

const meta = {
  id: 'WF-EXPORT',
  title: 'Workflow hand-off bundle is ready',
  failureTitle: 'Workflow hand-off bundle is incomplete',
  description:
    'Moveworks configures its ticketing from your workflows. The app exports them for the Moveworks team — statuses with their buckets and the ids of the Resolve, In Progress and Reopen transitions — in place of the XML export described in Moveworks’ requirements.',
  severity: 'optional',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.exportWorkflows,
} as const;

export const wfExport: ProjectCheck = workflowCheck({
  meta,
  requires: ['requestTypes', 'workflows', 'screens'],
  judge: ({ view }) => ({
    verdict: 'holds',
    summary: `read: ${view.statuses.length} statuses, ${view.transitions.length} transitions`,
  }),
  holdsSummary: (n) => `Hand-off bundle ready: ${n} workflow${n === 1 ? '' : 's'} with status buckets and transition ids`,
  generalRemediation: [{ text: 'Alternatively, export the workflow XML by hand and send it to your Moveworks team.', url: DOCS.exportWorkflows }],
  evidence: ({ snapshot, settings, project }) => buildHandoff(snapshot, settings, project),
});
