/**
 * The report as the overview needs it. The overview shows each desk's gate and
 * statuses and, for what blocks Moveworks, a blocking check's title, summary and first
 * step; it never shows evidence. On a site with 1,000 desks the whole report is tens
 * of megabytes, almost all of it evidence and the words of passing checks, so the
 * overview is sent without them (storage/overview-index.ts: the same compaction the
 * stored summaries have, applied again to anything read whole) and the desk page
 * (getProjectView) carries them whole. Statuses, severities, acknowledgements and
 * attestations stay, so the gate, score and failing lists computed from this report
 * are the full report's.
 */
import type { Report } from '../../shared/report-model';
import { compactCheck } from '../storage/overview-index';

export function overviewReport(report: Report): Report {
  return {
    ...report,
    checks: report.checks.map(compactCheck),
    projects: report.projects.map((p) => ({ ...p, checks: p.checks.map(compactCheck) })),
  };
}
