/**
 * WF-ANY-TO-IN-PROGRESS: a global transition into an In Progress status, so the bot
 * can put a ticket back in progress when the user answers an agent's comment.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { globalTransitionCheck } from './analysis/global-transition-check';

const meta = {
  id: 'WF-ANY-TO-IN-PROGRESS',
  title: 'Any status → In Progress transition exists',
  failureTitle: 'No Any status → In Progress transition',
  description:
    'When a user answers an agent’s comment in chat, Moveworks moves the ticket back to In Progress. That needs a transition from any status into an In Progress status.',
  severity: 'recommended',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

export const wfAnyToInProgress: ProjectCheck = globalTransitionCheck(meta, 'in_progress');
