/**
 * The report as a table for a terminal: the site gate and score, the site
 * checks, then each project with its checks. Colour is opt-in (the CLI turns it
 * on only for a TTY without NO_COLOR) so piped output and mail stay plain.
 */
import type { CheckResult, CheckStatus, ProjectReport, Report } from '../shared/report-model';
import { stripControlChars } from './escape';
import { deskSummary, formatScore, headlineSummary, siteChecksSummary } from '../shared/readiness-summary';
import { STATUS_LABEL, needsAction, readyLabel } from './labels';

export interface TextOptions {
  color?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  magenta: '\u001b[35m',
};

const STATUS_ANSI: Record<CheckStatus, string> = {
  pass: ANSI.green,
  warn: ANSI.yellow,
  fail: ANSI.red,
  manual: ANSI.blue,
  error: ANSI.magenta,
  not_applicable: ANSI.dim,
};

type Paint = (code: string, text: string) => string;

function painter(color: boolean): Paint {
  return color ? (code, text) => `${code}${text}${ANSI.reset}` : (_code, text) => text;
}

/** Text from Jira on one line, without control characters. */
function clean(value: unknown): string {
  return stripControlChars(value).replace(/[\t\r\n]+/g, ' ');
}

function gateColour(ready: boolean | null): string {
  return ready === true ? ANSI.green : ready === false ? ANSI.red : ANSI.magenta;
}

const STATUS_WIDTH = Math.max(...Object.values(STATUS_LABEL).map((l) => l.length));

function checkLines(checks: CheckResult[], paint: Paint, indent: string): string[] {
  if (checks.length === 0) return [`${indent}(no checks)`];
  const idWidth = Math.max(...checks.map((c) => clean(c.id).length));
  const lines: string[] = [];
  for (const check of checks) {
    const label = STATUS_LABEL[check.status] ?? clean(check.status).toUpperCase();
    const status = paint(STATUS_ANSI[check.status] ?? '', label.padEnd(STATUS_WIDTH));
    const id = clean(check.id).padEnd(idWidth);
    const severity = check.severity === 'required' ? '' : paint(ANSI.dim, ` (${check.severity})`);
    lines.push(`${indent}${status}  ${id}  ${clean(check.summary)}${severity}`);
    const stepIndent = `${indent}${' '.repeat(STATUS_WIDTH + 2 + idWidth + 2)}`;
    if (check.dependsOn) lines.push(`${stepIndent}depends on ${clean(check.dependsOn)}`);
    if (check.attestation) {
      lines.push(`${stepIndent}attested by ${clean(check.attestation.byName ?? check.attestation.by)} at ${clean(check.attestation.at)}`);
    }
    if (check.acknowledgement) {
      lines.push(`${stepIndent}acknowledged by ${clean(check.acknowledgement.byName ?? check.acknowledgement.by)}: ${clean(check.acknowledgement.reason)}`);
    }
    if (needsAction(check.status)) {
      for (const step of check.remediation ?? []) {
        const url = step.url ? ` ${paint(ANSI.dim, clean(step.url))}` : '';
        lines.push(`${stepIndent}→ ${clean(step.text)}${url}`);
      }
    }
  }
  return lines;
}

function projectHeading(project: ProjectReport, paint: Paint): string {
  const desk = deskSummary(project);
  const gate = paint(ANSI.bold + gateColour(desk.ready), readyLabel(desk.ready));
  return `Project ${clean(project.key)} — ${clean(project.name)} (${clean(project.style)}): ${gate}, score ${formatScore(desk.score)}`;
}

export function renderReportText(report: Report, options: TextOptions = {}): string {
  const paint = painter(options.color === true);
  const lines: string[] = [];
  lines.push(paint(ANSI.bold, `Moveworks readiness: ${clean(report.site.baseUrl)}`));
  lines.push(`Generated ${clean(report.generatedAt)}`);
  const sa = report.serviceAccount;
  lines.push(
    sa
      ? `Service account: ${clean(sa.displayName)} (${[sa.emailAddress, sa.accountId].filter(Boolean).map(clean).join(', ')})`
      : 'Service account: not found',
  );
  const headline = headlineSummary(report);
  const gate = (ready: boolean | null) => paint(ANSI.bold + gateColour(ready), readyLabel(ready));
  if (report.scope) {
    // A one-desk report leads with the desk's own figure; the site checks' state stands beside it, not mixed in.
    const site = siteChecksSummary(report);
    lines.push(`Project ${clean(report.scope.projectKey)}: ${gate(headline.ready)}   Score: ${formatScore(headline.score)}`);
    lines.push(`Site checks: ${gate(site.ready)}   Score: ${formatScore(site.score)}`);
  } else {
    lines.push(`Site: ${gate(headline.ready)}   Score: ${formatScore(headline.score)}`);
  }
  lines.push('');
  lines.push(paint(ANSI.bold, 'Site checks'));
  lines.push(...checkLines(report.checks, paint, '  '));
  for (const project of report.projects) {
    lines.push('');
    lines.push(projectHeading(project, paint));
    lines.push(...checkLines(project.checks, paint, '  '));
  }
  if (report.projects.length === 0) {
    lines.push('');
    lines.push('No service desk projects were checked.');
  }
  return lines.join('\n') + '\n';
}
