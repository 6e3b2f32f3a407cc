/**
 * WF-ANY-TO-RESOLVED: a global transition into a Resolved / Closed status, so the
 * bot (or the end user through it) can resolve a ticket from wherever it stands.
 * Required when a resolving skill is enabled, else recommended.
 */
import type { MoveworksSkill, Severity } from '../../shared/report-model';
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { globalTransitionCheck } from './analysis/global-transition-check';

const meta = {
  id: 'WF-ANY-TO-RESOLVED',
  title: 'Any status → Resolved transition exists',
  failureTitle: 'No Any status → Resolved transition',
  description:
    'Moveworks resolves tickets end to end (Software Access, Group Access, Ticket Interception) and lets users close their own tickets through a transition from any status into a Resolved / Closed status. It is required when one of those skills is enabled, recommended otherwise.',
  severity: 'required',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

/** The skills that resolve tickets end to end (docs/requirements.md). */
export const RESOLVING_SKILLS: readonly MoveworksSkill[] = ['software-access', 'group-access', 'ticket-interception'];

export function anyToResolvedSeverity(skills: readonly MoveworksSkill[] | undefined): Severity {
  // Absent skills means the default, which enables all three.
  if (skills === undefined) return 'required';
  return skills.some((s) => RESOLVING_SKILLS.includes(s)) ? 'required' : 'recommended';
}

export const wfAnyToResolved: ProjectCheck = globalTransitionCheck(meta, 'resolved', (i) => anyToResolvedSeverity(i.settings.skills));
