/**
 * WF-ANY-TO-REOPENED: a global transition into a New / Reopened status, so the bot
 * can reopen a ticket when the user still needs help. The create transition is
 * never global, so it cannot count.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { globalTransitionCheck } from './analysis/global-transition-check';

const meta = {
  id: 'WF-ANY-TO-REOPENED',
  title: 'Any status → Reopened transition exists',
  failureTitle: 'No Any status → Reopened transition',
  description:
    'When a user says their issue is not fixed, Moveworks reopens the ticket. That needs a transition from any status into a New / Reopened status (a To Do status, or one you mapped to that bucket).',
  severity: 'recommended',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

export const wfAnyToReopened: ProjectCheck = globalTransitionCheck(meta, 'new');
