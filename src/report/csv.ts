/**
 * The report as CSV: one row per (site or project, check). RFC 4180 (CRLF,
 * quotes doubled, fields with a comma, quote or line break quoted) and formula
 * neutralisation: a cell a spreadsheet would run as a formula gets a leading
 * apostrophe, because summaries carry names typed by Jira users.
 *
 * Each row also carries the gate and score of its scope, as the app shows them
 * (shared/readiness-summary.ts): a desk row its desk's own; a site row the whole
 * site's, or, in a one-desk export, the site checks' own.
 */
import type { CheckResult, Report } from '../shared/report-model';
import { deskSummary, formatScore, siteChecksSummary, siteSummary, type Readiness } from '../shared/readiness-summary';
import { readyLabel } from './labels';

export const CSV_COLUMNS = [
  'scope',
  'project_key',
  'project_name',
  'check_id',
  'title',
  'severity',
  'status',
  'summary',
  'remediation',
  'attested_by',
  'acknowledged_by',
  'site',
  'generated_at',
  'scope_gate',
  'scope_score',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function remediationText(check: CheckResult): string {
  return (check.remediation ?? []).map((s) => (s.url ? `${s.text} (${s.url})` : s.text)).join('\n');
}

function row(report: Report, scope: 'site' | 'project', project: { key: string; name: string } | null, check: CheckResult, readiness: Readiness): string {
  const cells = [
    scope,
    project?.key ?? '',
    project?.name ?? '',
    check.id,
    check.title,
    check.severity,
    check.status,
    check.summary,
    remediationText(check),
    check.attestation ? check.attestation.byName ?? check.attestation.by : '',
    check.acknowledgement ? check.acknowledgement.byName ?? check.acknowledgement.by : '',
    report.site.baseUrl,
    report.generatedAt,
    readyLabel(readiness.ready),
    formatScore(readiness.score),
  ];
  return cells.map(csvCell).join(',');
}

export function renderReportCsv(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  const site = report.scope ? siteChecksSummary(report) : siteSummary(report);
  for (const check of report.checks) lines.push(row(report, 'site', null, check, site));
  for (const project of report.projects) {
    const desk = deskSummary(project);
    for (const check of project.checks) lines.push(row(report, 'project', project, check, desk));
  }
  return lines.join('\r\n') + '\r\n';
}
