/**
 * Where a report stands, computed one way for every surface: the dashboard's
 * overview, desk and history pages, the e-mail, the exports and the CLI all read
 * the score, the gate and the failing list from here, and print the score with
 * `formatScore`, so no two surfaces can disagree on the same report.
 *
 * Two scopes exist. The site: every site check and every desk's checks (what the
 * overview and a site export headline). A desk: that desk's own checks only (what
 * its page shows and what its export headlines); the site checks' state is shown
 * beside it, never mixed into the desk's score.
 *
 * Acknowledging a gap never changes the gate or the score: an acknowledged check
 * stays in `failing` and `blocking`, and leaves only `stillBlocking`.
 */
import { gate, score } from './score';
import type { CheckResult, ProjectReport, Report, Score } from './report-model';

export interface Readiness {
  ready: boolean | null;
  score: Score;
}

/** A check with the scope it belongs to: 'site' or the desk's project key. */
export interface ScopedCheck {
  scope: string;
  check: CheckResult;
}

export interface ReadinessSummary extends Readiness {
  /** `${scope}:${checkId}` of the failing checks, required ones first. */
  failing: string[];
  /** `${scope}:${checkId}` of the checks that could not be decided, required ones first. */
  erroring: string[];
  /** The required checks that keep the gate shut (failing, undecided, manual and not attested). */
  blocking: ScopedCheck[];
  /** `blocking` without the ones an admin acknowledged for now. */
  stillBlocking: ScopedCheck[];
}

/** `${projectKey or 'site'}:${checkId}`, the key history, the diff and the e-mail share. */
export function checkKey(scope: string, checkId: string): string {
  return `${scope}:${checkId}`;
}

export function splitCheckKey(key: string): { scope: string; checkId: string } {
  const at = key.indexOf(':');
  return at < 0 ? { scope: 'site', checkId: key } : { scope: key.slice(0, at), checkId: key.slice(at + 1) };
}

/**
 * The gate and score of a set of results. A site whose desk listing failed is
 * never "ready": the desks it could not list were not checked.
 */
export function readinessOf(checks: readonly CheckResult[], options: { listingFailed?: boolean } = {}): Readiness {
  let ready = gate(checks);
  if (ready === true && options.listingFailed) ready = null;
  return { ready, score: score(checks) };
}

/** A required check that keeps the gate shut: failing, undecided, or manual and not attested. */
export function isBlocking(check: CheckResult): boolean {
  return check.severity === 'required' && (check.status === 'fail' || check.status === 'error' || check.status === 'manual');
}

/** Every check of the report in report order: the site checks, then each desk's. */
export function siteScopedChecks(report: Pick<Report, 'checks' | 'projects'>): ScopedCheck[] {
  return [
    ...report.checks.map((check) => ({ scope: 'site', check })),
    ...report.projects.flatMap((p) => p.checks.map((check) => ({ scope: p.key, check }))),
  ];
}

export function deskScopedChecks(project: Pick<ProjectReport, 'key' | 'checks'>): ScopedCheck[] {
  return project.checks.map((check) => ({ scope: project.key, check }));
}

/** Required ones first, so a capped list still names what blocks the gate; otherwise report order. */
function requiredFirst(entries: readonly ScopedCheck[]): ScopedCheck[] {
  return [...entries.filter((e) => e.check.severity === 'required'), ...entries.filter((e) => e.check.severity !== 'required')];
}

function summarise(entries: readonly ScopedCheck[], listingFailed: boolean): ReadinessSummary {
  const ordered = requiredFirst(entries);
  const keysWith = (status: 'fail' | 'error') => ordered.filter((e) => e.check.status === status).map((e) => checkKey(e.scope, e.check.id));
  const blocking = entries.filter((e) => isBlocking(e.check));
  return {
    ...readinessOf(entries.map((e) => e.check), { listingFailed }),
    failing: keysWith('fail'),
    erroring: keysWith('error'),
    blocking,
    stillBlocking: blocking.filter((e) => !e.check.acknowledgement),
  };
}

/** The whole site: every site check and every desk's checks. */
export function siteSummary(report: Pick<Report, 'checks' | 'projects' | 'projectListingError'>): ReadinessSummary {
  return summarise(siteScopedChecks(report), report.projectListingError !== undefined);
}

/** One desk: its own checks, as its page shows them. */
export function deskSummary(project: Pick<ProjectReport, 'key' | 'checks'>): ReadinessSummary {
  return summarise(deskScopedChecks(project), false);
}

/** The site checks alone (service account, Moveworks app and connector), shown beside a desk. */
export function siteChecksSummary(report: Pick<Report, 'checks'>): ReadinessSummary {
  return summarise(report.checks.map((check) => ({ scope: 'site', check })), false);
}

/** What the report leads with: the desk on a one-desk report, else the whole site. */
export function headlineSummary(report: Report): ReadinessSummary {
  const desk = report.scope ? report.projects.find((p) => p.key === report.scope!.projectKey) : undefined;
  return desk ? deskSummary(desk) : siteSummary(report);
}

/**
 * The report narrowed to one desk (a desk's export): the desk's checks with the
 * site checks beside them; the gate and score it leads with are the desk's own,
 * exactly as its page shows them, and the site checks' state is given separately.
 * Null when the report has no result for that desk.
 */
export function deskReport(report: Report, projectKey: string): Report | null {
  const project = report.projects.find((p) => p.key === projectKey);
  if (!project) return null;
  const desk = deskSummary(project);
  const site = siteChecksSummary(report);
  return {
    ...report,
    scope: { projectKey },
    ready: desk.ready,
    score: desk.score,
    siteChecksReadiness: { ready: site.ready, score: site.score },
    projects: [project],
  };
}

/** The score's percentage as every surface prints it: one decimal as the engine rounds it ("60.9%"), "Unknown" without one. */
export function formatPercent(percent: number | null): string {
  return percent === null ? 'Unknown' : `${percent}%`;
}

/** "60.9% (14 of 23 required checks pass)". */
export function formatScore(s: Pick<Score, 'percent' | 'requiredPassed' | 'requiredTotal'>): string {
  return `${formatPercent(s.percent)} (${s.requiredPassed} of ${s.requiredTotal} required checks pass)`;
}
