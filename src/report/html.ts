/**
 * One HTML renderer for the export file and the e-mail. Mail clients drop
 * <style> blocks and scripts, so everything is tables with inline styles; every
 * value is escaped and only http(s) URLs become links.
 *
 * - mode 'export': a whole document with every check, its evidence and remediation.
 * - mode 'email': a fragment (Jira's notify API puts htmlBody inside its own mail
 *   template) with the gate, what changed, what still blocks, and one row per project.
 */
import type { CheckResult, CheckStatus, ProjectReport, Report, ReportDiff } from '../engine/types';
import { escapeHtml, safeHttpUrl } from './escape';
import { STATUS_COLOURS, STATUS_LABEL, needsAction, readyColours, readyLabel, scoreLabel } from './labels';

export interface HtmlOptions {
  title?: string;
  diff?: ReportDiff | null;
  mode: 'export' | 'email';
}

/** Evidence beyond this many characters is cut in the export, so a huge site stays openable. */
const EVIDENCE_LIMIT = 4000;

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const TEXT = '#172B4D';
const MUTED = '#626F86';
const BORDER = '#DCDFE4';
const CELL = `padding:6px 8px;border-bottom:1px solid ${BORDER};vertical-align:top;text-align:left;`;
const HEAD_CELL = `${CELL}font-size:12px;color:${MUTED};font-weight:bold;`;
const TABLE = `border-collapse:collapse;width:100%;${FONT}font-size:14px;color:${TEXT};`;

function lozenge(label: string, colours: { fg: string; bg: string }): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;font-weight:bold;text-transform:uppercase;white-space:nowrap;color:${colours.fg};background-color:${colours.bg};">${escapeHtml(label)}</span>`;
}

function statusLozenge(status: CheckStatus): string {
  return lozenge(STATUS_LABEL[status] ?? String(status), STATUS_COLOURS[status] ?? STATUS_COLOURS.not_applicable);
}

function gateLozenge(ready: boolean | null): string {
  return lozenge(readyLabel(ready), readyColours(ready));
}

function link(text: string, url: string | undefined): string {
  const href = safeHttpUrl(url);
  if (!href) return escapeHtml(text);
  return `<a href="${escapeHtml(href)}" style="color:#0C66E4;">${escapeHtml(text)}</a>`;
}

function heading(text: string, level: 1 | 2 | 3): string {
  const size = level === 1 ? 22 : level === 2 ? 18 : 15;
  return `<h${level} style="${FONT}font-size:${size}px;color:${TEXT};margin:20px 0 8px 0;">${text}</h${level}>`;
}

function remediationList(check: CheckResult): string {
  const steps = check.remediation ?? [];
  if (!needsAction(check.status) || steps.length === 0) return '';
  const items = steps.map((s) => `<li style="margin:2px 0;">${link(s.text, s.url)}</li>`).join('');
  return `<ol style="margin:6px 0 0 0;padding-left:20px;font-size:13px;">${items}</ol>`;
}

function notes(check: CheckResult): string {
  const parts: string[] = [];
  if (check.dependsOn) parts.push(`Depends on ${escapeHtml(check.dependsOn)}.`);
  if (check.attestation) {
    parts.push(`Attested by ${escapeHtml(check.attestation.byName ?? check.attestation.by)} on ${escapeHtml(check.attestation.at)}${check.attestation.note ? `: ${escapeHtml(check.attestation.note)}` : ''}.`);
  }
  if (check.acknowledgement) {
    parts.push(`Acknowledged by ${escapeHtml(check.acknowledgement.byName ?? check.acknowledgement.by)}: ${escapeHtml(check.acknowledgement.reason)}.`);
  }
  return parts.length ? `<div style="font-size:12px;color:${MUTED};margin-top:4px;">${parts.join(' ')}</div>` : '';
}

function evidenceBlock(check: CheckResult): string {
  if (check.evidence === undefined || check.evidence === null) return '';
  let json = JSON.stringify(check.evidence, null, 2) ?? '';
  if (json.length > EVIDENCE_LIMIT) json = `${json.slice(0, EVIDENCE_LIMIT)}\n… (${json.length - EVIDENCE_LIMIT} more characters in the JSON export)`;
  return `<pre style="margin:6px 0 0 0;padding:6px;background-color:#F7F8F9;border:1px solid ${BORDER};font-size:11px;white-space:pre-wrap;word-break:break-word;">${escapeHtml(json)}</pre>`;
}

function checksTable(checks: CheckResult[], withEvidence: boolean): string {
  if (checks.length === 0) return `<p style="${FONT}color:${MUTED};">No checks.</p>`;
  const rows = checks
    .map(
      (c) =>
        `<tr><td style="${CELL}width:1%;">${statusLozenge(c.status)}</td>` +
        `<td style="${CELL}width:30%;"><strong>${escapeHtml(c.title || c.id)}</strong><br><span style="font-size:12px;color:${MUTED};">${escapeHtml(c.id)} · ${escapeHtml(c.severity)}</span></td>` +
        `<td style="${CELL}">${escapeHtml(c.summary)}${notes(c)}${remediationList(c)}${withEvidence ? evidenceBlock(c) : ''}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}"><thead><tr><th style="${HEAD_CELL}">Status</th><th style="${HEAD_CELL}">Check</th><th style="${HEAD_CELL}">Result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function summaryBlock(report: Report): string {
  const sa = report.serviceAccount;
  const account = sa
    ? `${escapeHtml(sa.displayName)}${sa.emailAddress ? ` (${escapeHtml(sa.emailAddress)})` : ''}`
    : 'not found';
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}">` +
    `<tr><td style="${CELL}width:30%;color:${MUTED};">Site</td><td style="${CELL}">${link(report.site.baseUrl, report.site.baseUrl)}</td></tr>` +
    `<tr><td style="${CELL}color:${MUTED};">Readiness</td><td style="${CELL}">${gateLozenge(report.ready)}</td></tr>` +
    `<tr><td style="${CELL}color:${MUTED};">Score</td><td style="${CELL}">${escapeHtml(scoreLabel(report.score))}</td></tr>` +
    `<tr><td style="${CELL}color:${MUTED};">Service account</td><td style="${CELL}">${account}</td></tr>` +
    `<tr><td style="${CELL}color:${MUTED};">Checked</td><td style="${CELL}">${escapeHtml(report.generatedAt)}</td></tr>` +
    `</table>`
  );
}

function diffBlock(diff: ReportDiff): string {
  const groups: [string, string[]][] = [
    ['Newly failing', diff.newlyFailing],
    ['Newly not decidable (error)', diff.newlyErroring],
    ['Fixed', diff.fixed],
    ['Still failing', diff.stillFailing],
  ];
  const rows = groups
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => `<tr><td style="${CELL}width:30%;color:${MUTED};">${escapeHtml(label)} (${items.length})</td><td style="${CELL}">${items.map(escapeHtml).join(', ')}</td></tr>`)
    .join('');
  const body = rows
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}">${rows}</table>`
    : `<p style="${FONT}color:${MUTED};">Nothing changed since the last run.</p>`;
  return heading('What changed since the last run', 2) + body;
}

/** A required check that keeps the gate shut: failing, undecided, or manual and not attested. */
function blocks(check: CheckResult): boolean {
  return check.severity === 'required' && (check.status === 'fail' || check.status === 'error' || check.status === 'manual');
}

function blockingBlock(report: Report): string {
  const sections: string[] = [];
  const siteBlocking = report.checks.filter(blocks);
  if (siteBlocking.length) sections.push(heading('Site', 3) + checksTable(siteBlocking, false));
  for (const p of report.projects) {
    const blocking = p.checks.filter(blocks);
    if (blocking.length) sections.push(heading(`${escapeHtml(p.key)}: ${escapeHtml(p.name)}`, 3) + checksTable(blocking, false));
  }
  const body = sections.length ? sections.join('') : `<p style="${FONT}">No required check is blocking.</p>`;
  return heading('What still blocks', 2) + body;
}

function projectsTable(projects: ProjectReport[]): string {
  if (projects.length === 0) return `<p style="${FONT}color:${MUTED};">No service desk projects were checked.</p>`;
  const rows = projects
    .map(
      (p) =>
        `<tr><td style="${CELL}">${escapeHtml(p.key)}</td><td style="${CELL}">${escapeHtml(p.name)}</td><td style="${CELL}">${gateLozenge(p.ready)}</td><td style="${CELL}">${escapeHtml(scoreLabel(p.score))}</td></tr>`,
    )
    .join('');
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="${TABLE}"><thead><tr><th style="${HEAD_CELL}">Key</th><th style="${HEAD_CELL}">Service desk</th><th style="${HEAD_CELL}">Readiness</th><th style="${HEAD_CELL}">Score</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function projectSection(p: ProjectReport): string {
  return (
    heading(`${escapeHtml(p.key)}: ${escapeHtml(p.name)} ${gateLozenge(p.ready)}`, 2) +
    `<p style="${FONT}font-size:13px;color:${MUTED};margin:0 0 8px 0;">${escapeHtml(p.style)} · ${escapeHtml(scoreLabel(p.score))}</p>` +
    checksTable(p.checks, true)
  );
}

export function defaultTitle(report: Report): string {
  return `Moveworks readiness: ${report.site.baseUrl}`;
}

export function renderReportHtml(report: Report, options: HtmlOptions): string {
  const title = options.title ?? defaultTitle(report);
  const parts: string[] = [heading(escapeHtml(title), 1), summaryBlock(report)];
  if (options.diff) parts.push(diffBlock(options.diff));
  if (options.mode === 'email') {
    parts.push(blockingBlock(report));
    parts.push(heading('Service desks', 2), projectsTable(report.projects));
    const body = `<div style="${FONT}color:${TEXT};max-width:760px;">${parts.join('\n')}</div>`;
    return body;
  }
  parts.push(heading('Site checks', 2), checksTable(report.checks, true));
  parts.push(heading('Service desks', 2), projectsTable(report.projects));
  for (const p of report.projects) parts.push(projectSection(p));
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:16px;background-color:#FFFFFF;${FONT}color:${TEXT};">` +
    `<div style="max-width:960px;margin:0 auto;">${parts.join('\n')}</div></body></html>\n`
  );
}
