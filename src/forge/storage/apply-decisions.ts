/**
 * The stored report as every reader sees it: the stored raw results with the
 * admin's current decisions laid over them and the report assembled by the
 * engine's own functions (engine/decisions.ts, engine/judge.ts), so a stored
 * report scores, gates and overlays decisions exactly as a fresh run does.
 */
import type { CheckResult, ProjectReport, Report } from '../../shared/report-model';
import { applyDecisions, type Decisions } from '../../engine/decisions';
import { buildReport, projectReportOf } from '../../engine/judge';
import { findCheck } from '../../requirements/catalogue';
import type { StoredCheck, StoredProjectReport, StoredSiteReport } from './report-repo';

export type { Decisions } from '../../engine/decisions';

/** A stored result keeps the fingerprint of its full evidence, taken before the evidence was capped. */
function decided(check: StoredCheck, scope: string, decisions: Decisions, now: Date): CheckResult {
  const { evidenceHash, ...raw } = check;
  return applyDecisions(withGroup(raw), scope, decisions, now, evidenceHash);
}

/**
 * Results stored before they carried their group get it from the catalogue, here on
 * the server, so every surface files a result by `group` alone. A check the catalogue
 * no longer holds keeps what was stored; the next run replaces it.
 */
export function withGroup(result: CheckResult): CheckResult {
  if ((result as Partial<CheckResult>).group !== undefined) return result;
  const group = findCheck(result.id)?.meta.group;
  return group ? { ...result, group } : result;
}

export function projectView(stored: StoredProjectReport, decisions: Decisions, now: Date): ProjectReport {
  const { runId: _r, checks, ready: _g, score: _s, ...base } = stored;
  return projectReportOf(base, checks.map((c) => decided(c, stored.key, decisions, now)));
}

export function siteChecksView(site: StoredSiteReport, decisions: Decisions, now: Date): CheckResult[] {
  return site.checks.map((c) => decided(c, 'site', decisions, now));
}

/** The whole report as the UI, exports and e-mail see it. */
export function assembleStoredReport(site: StoredSiteReport, projects: StoredProjectReport[], decisions: Decisions, now: Date): Report {
  const generatedAt = [site.generatedAt, ...projects.map((p) => p.checkedAt ?? '')].filter(Boolean).sort().pop() ?? site.generatedAt;
  return buildReport({
    generatedAt,
    baseUrl: site.baseUrl,
    serviceAccount: site.serviceAccount,
    siteChecks: siteChecksView(site, decisions, now),
    projects: projects.map((p) => projectView(p, decisions, now)),
    ...(site.projectListingError !== undefined ? { projectListingError: site.projectListingError } : {}),
    ...(site.stats ? { stats: site.stats } : {}),
  });
}
