/**
 * What an admin does next, read from a report: every check that keeps the gate shut
 * (readiness-summary's `blocking`, so the list agrees with the gate, the e-mail and
 * History), one step per check rather than per desk, so a site with 1,000 desks
 * failing the same check reads as one step naming those desks. Steps come in the
 * order to do them: the site's before any desk's (a desk cannot pass while the
 * service account is missing), then the catalogue's order, which the report keeps.
 */
import type { CheckResult, CheckStatus, ProjectReport, RemediationStep, Report } from './report-model';
import { siteSummary } from './readiness-summary';

/** Who can make a check pass: the Jira roles, or whoever owns the Moveworks Setup connector. */
export type Actor = 'site-admin' | 'project-admin' | 'moveworks-setup';

/** Each actor as every surface names it (the Overview, the e-mail). */
export const ACTOR_NAMES: Readonly<Record<Actor, string>> = { 'site-admin': 'Site admin', 'project-admin': 'Service desk admin', 'moveworks-setup': 'Moveworks Setup' };

/**
 * Who can fix a check. Site-wide things (the account, its product access, an installed
 * app) need a site admin; the connector's values live in Moveworks Setup; a desk's
 * role members and customers are its project admin's; a company-managed workflow is
 * shared configuration only a Jira admin may edit, a team-managed one is the project's.
 */
export function whoCanFix(check: Pick<CheckResult, 'id' | 'group'>, project?: Pick<ProjectReport, 'style'>): Actor {
  if (check.id === 'SA-PROJECT-ROLE') return 'project-admin';
  if (check.id === 'MW-MARKETPLACE-APP') return 'site-admin';
  switch (check.group) {
    case 'moveworks':
      return 'moveworks-setup';
    case 'customers':
      return 'project-admin';
    case 'workflows':
      return project?.style === 'team-managed' ? 'project-admin' : 'site-admin';
    default:
      return 'site-admin';
  }
}

export interface StepDesk {
  key: string;
  name: string;
  /** An admin accepted this desk's gap for now; it still blocks the gate. */
  acknowledged: boolean;
}

export interface NextStep {
  checkId: string;
  /** 'site' for a site check; 'desk' for a check of one or more desks. */
  scope: 'site' | 'desk';
  title: string;
  /** The worst status among the desks it blocks (fail, error or manual). */
  status: CheckStatus;
  /** The first blocked result's summary: for one desk its own words, for many the first desk's. */
  summary: string;
  firstStep: RemediationStep | null;
  /** Every actor who can fix it somewhere (team- and company-managed desks may differ). */
  who: Actor[];
  /** The desks it blocks, in report order; empty for a site check. */
  desks: StepDesk[];
  /** The site check is acknowledged (site steps only). */
  acknowledged: boolean;
}

const WORST: readonly CheckStatus[] = ['fail', 'error', 'manual'];

/** The blocking checks as steps, in the order to do them. */
export function nextSteps(report: Pick<Report, 'checks' | 'projects' | 'projectListingError'>): NextStep[] {
  const projects = new Map(report.projects.map((p) => [p.key, p]));
  const steps = new Map<string, NextStep>();
  const order: string[] = [];
  for (const { scope, check } of siteSummary(report).blocking) {
    const project = scope === 'site' ? undefined : projects.get(scope);
    const id = `${scope === 'site' ? 'site' : 'desk'}:${check.id}`;
    let step = steps.get(id);
    if (!step) {
      step = {
        checkId: check.id,
        scope: scope === 'site' ? 'site' : 'desk',
        title: check.title,
        status: check.status,
        summary: check.summary,
        firstStep: check.remediation[0] ?? null,
        who: [],
        desks: [],
        acknowledged: scope === 'site' && Boolean(check.acknowledgement),
      };
      steps.set(id, step);
      order.push(id);
    }
    const who = whoCanFix(check, project);
    if (!step.who.includes(who)) step.who.push(who);
    if (WORST.indexOf(check.status) < WORST.indexOf(step.status)) step.status = check.status;
    if (project) step.desks.push({ key: project.key, name: project.name, acknowledged: Boolean(check.acknowledgement) });
  }
  // Site steps first; desk steps in the catalogue's order, which every desk's results keep.
  const rank = new Map<string, number>();
  for (const p of report.projects) p.checks.forEach((c, i) => rank.set(c.id, Math.min(i, rank.get(c.id) ?? i)));
  const deskSteps = order.filter((id) => id.startsWith('desk:')).map((id) => steps.get(id)!);
  deskSteps.sort((a, b) => (rank.get(a.checkId) ?? 0) - (rank.get(b.checkId) ?? 0));
  return [...order.filter((id) => id.startsWith('site:')).map((id) => steps.get(id)!), ...deskSteps];
}
