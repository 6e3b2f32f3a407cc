/**
 * The report as the overview needs it. The overview shows each desk's gate and
 * statuses and, for what blocks Moveworks, a blocking check's title, summary and first
 * step; it never shows evidence. On a site with 1,000 desks the whole report is tens
 * of megabytes, almost all of it evidence and the words of passing checks, so the
 * overview is sent without them (a check that needs nothing done keeps its id,
 * group, status and severity only) and the desk page (getProjectView) carries them whole.
 * Statuses, severities, acknowledgements and attestations stay, so the gate, score and
 * failing lists computed from this report are the full report's.
 */
import type { CheckResult, Report } from '../../shared/report-model';
import { isBlocking } from '../../shared/readiness-summary';

function overviewCheck(check: CheckResult): CheckResult {
  const { evidence: _e, remediation, summary, title, ...rest } = check;
  const needsWords = isBlocking(check) || check.status === 'fail' || check.status === 'warn' || check.status === 'error';
  return needsWords ? { ...rest, title, summary, remediation: remediation.slice(0, 1) } : { ...rest, title: '', summary: '', remediation: [] };
}

export function overviewReport(report: Report): Report {
  return {
    ...report,
    checks: report.checks.map(overviewCheck),
    projects: report.projects.map((p) => ({ ...p, checks: p.checks.map(overviewCheck) })),
  };
}
