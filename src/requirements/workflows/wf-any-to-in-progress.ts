/**
 * WF-ANY-TO-IN-PROGRESS: a global transition into an In Progress status, so the bot
 * can put a ticket back in progress when the user answers an agent's comment.
 */
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { GLOBAL_TRANSITION_DOCS, judgeGlobalTransitionInto } from './analysis/global-transition-check';
import { judgeProjectWorkflows } from './analysis/judge-project-workflows';

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

export const wfAnyToInProgress: ProjectCheck = {
  meta,
  requires: ['requestTypes', 'workflows'],
  evaluate: (input) =>
    judgeProjectWorkflows(input, {
      meta,
      judge: (ctx) => judgeGlobalTransitionInto('in_progress', ctx),
      holdsSummary: (n) => (n === 1 ? 'The workflow has a global transition to In Progress' : `${n === 2 ? 'Both' : `All ${n}`} workflows have a global transition to In Progress`),
      generalRemediation: GLOBAL_TRANSITION_DOCS,
    }),
};
