/**
 * The one HTML renderer, for the e-mailed report and the export file (CLI
 * `--format html`, the app's HTML export). Mail clients (Outlook's Word engine,
 * Gmail) drop <style> blocks and scripts, so layout is tables with inline styles
 * and there are no images. Every value is escaped, control characters are dropped,
 * Jira-supplied text is wrapped in <bdi> so a right-to-left name cannot reorder
 * the sentence around it, and only http(s) URLs become links.
 *
 * - mode 'email': a fragment (Jira's notify API puts htmlBody inside its own mail
 *   template): the gate, what changed since the last run (each change with its
 *   title, summary and first step), what still blocks Moveworks per desk, and a
 *   link to the app. This is exactly the htmlBody composeReportEmail sends.
 * - mode 'export': a whole document with the same digest, then every check with
 *   its evidence (summarised, never raw JSON) and remediation, per desk. Each check
 *   is a <details> (open when it asks for action), and one print stylesheet opens
 *   them all and keeps a check on one page, so the browser's Print gives the whole
 *   report. Dates are written by the one formatter of src/shared/dates, in UTC.
 */
import type { CheckResult, CheckStatus, ProjectReport, Report, ReportDiff } from '../shared/report-model';
import {
  buildEmailContent,
  gateWords,
  scopeWords,
  statusWords,
  type BlockingGroup,
  type EmailContent,
  type EmailItem,
  type EmailOptions,
  type EmailSection,
} from './email-content';
import { escapeHtml, safeHttpUrl, stripControlChars } from './escape';
import { evidenceSummaryHtml } from './evidence-html';
import { formatDate, formatDateTime } from '../shared/dates';
import { deskSummary, formatScore } from '../shared/readiness-summary';
import { STATUS_COLOURS, STATUS_LABEL, needsAction, readyColours, readyLabel } from './labels';

export interface HtmlOptions extends EmailOptions {
  mode: 'export' | 'email';
  /** Replaces the heading ("Moveworks readiness for <site>" in mail, "Moveworks readiness: <url>" in an export). */
  title?: string;
  /** Against the previous run. In mail, absent or null means "first report"; an export without one leaves the section out. */
  diff?: ReportDiff | null;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const TEXT = '#172B4D';
const MUTED = '#626F86';
const BORDER = '#DCDFE4';
const LINK = '#0C66E4';
const TABLE = `border-collapse:collapse;width:100%;${FONT}font-size:14px;color:${TEXT};`;
const CELL = `padding:8px;border-bottom:1px solid ${BORDER};vertical-align:top;text-align:left;`;
const HEAD_CELL = `${CELL}font-size:12px;color:${MUTED};font-weight:bold;`;
const FOOTER = 'You receive this because a Jira administrator listed you as a recipient of the Moveworks readiness report.';
/** A file or an e-mail is read anywhere: its times say UTC. */
const when = (iso: string) => formatDateTime(iso, { timeZone: 'UTC' });
/**
 * The export's only stylesheet, for the browser's Print: every check opened
 * (::details-content, and the content of a closed <details> for engines without it),
 * a check kept on one page, links followed by nothing but their text.
 */
const PRINT_STYLE =
  '@media print{' +
  'body{padding:0 !important;}' +
  'details::details-content{content-visibility:visible !important;display:block !important;}' +
  'details:not([open])>*:not(summary){display:block !important;}' +
  'details{break-inside:avoid;}' +
  'summary{list-style:none;}' +
  'summary::-webkit-details-marker{display:none;}' +
  '}';

// ---- building blocks ----------------------------------------------------------

/** Text from Jira or an admin: escaped, without control characters, direction-isolated. */
function t(value: unknown): string {
  return `<bdi>${escapeHtml(stripControlChars(value))}</bdi>`;
}

/** `label` is already HTML. */
function link(label: string, url: string | undefined | null): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${escapeHtml(href)}" style="color:${LINK};text-decoration:underline;">${label}</a>` : label;
}

function lozenge(label: string, colours: { fg: string; bg: string }): string {
  return `<span style="display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;font-weight:bold;text-transform:uppercase;white-space:nowrap;color:${colours.fg};background-color:${colours.bg};">${escapeHtml(label)}</span>`;
}

const statusLozenge = (status: CheckStatus) => lozenge(STATUS_LABEL[status] ?? String(status), STATUS_COLOURS[status] ?? STATUS_COLOURS.not_applicable);

/** `html` is already escaped. */
function heading(html: string, level: 1 | 2 | 3, colour = TEXT): string {
  const size = level === 1 ? 22 : level === 2 ? 17 : 15;
  return `<h${level} style="${FONT}font-size:${size}px;color:${colour};margin:${level === 1 ? '0' : '20px'} 0 8px 0;">${html}</h${level}>`;
}

function paragraph(html: string, colour = TEXT): string {
  return `<p style="${FONT}font-size:14px;color:${colour};margin:4px 0;">${html}</p>`;
}

function table(rows: string[], head?: string[]): string {
  const thead = head ? `<thead><tr>${head.map((h) => `<th style="${HEAD_CELL}">${escapeHtml(h)}</th>`).join('')}</tr></thead>` : '';
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="${TABLE}">${thead}<tbody>${rows.join('')}</tbody></table>`;
}

function more(count: number, what: string): string {
  return count > 0 ? paragraph(`…and ${count} more ${what}; the app lists them all.`, MUTED) : '';
}

// ---- the digest: gate, what changed, what still blocks (mail and export) -----

/** The inbox preview line (hidden in the body): the gate, the score and how much still blocks. */
function preheader(c: EmailContent): string {
  const blocking = c.blockingTotal;
  const blocks = blocking === 0 ? 'No required check is blocking.' : `${blocking} required ${blocking === 1 ? 'check blocks' : 'checks block'} Moveworks.`;
  const text = `${readyLabel(c.ready)} · ${formatScore(c.score)} · ${blocks}`;
  return `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;font-size:1px;line-height:1px;color:#FFFFFF;opacity:0;">${escapeHtml(text)}</div>`;
}

function summary(c: EmailContent, report: Report): string {
  const sa = report.serviceAccount;
  const account = sa ? `${t(sa.displayName)}${sa.emailAddress ? ` (${t(sa.emailAddress)})` : ''}` : 'not found';
  return table([
    `<tr><td style="${CELL}width:28%;color:${MUTED};">Readiness</td><td style="${CELL}">${lozenge(gateWords(c.ready), readyColours(c.ready))}</td></tr>`,
    `<tr><td style="${CELL}color:${MUTED};">Score</td><td style="${CELL}">${escapeHtml(formatScore(c.score))}</td></tr>`,
    // A one-desk report: the site checks' own state beside the desk's, never folded into its score.
    ...(c.siteChecks
      ? [`<tr><td style="${CELL}color:${MUTED};">Site checks</td><td style="${CELL}">${lozenge(gateWords(c.siteChecks.ready), readyColours(c.siteChecks.ready))} ${escapeHtml(formatScore(c.siteChecks.score))}</td></tr>`]
      : []),
    `<tr><td style="${CELL}color:${MUTED};">Site</td><td style="${CELL}">${link(t(c.baseUrl), c.baseUrl)}</td></tr>`,
    `<tr><td style="${CELL}color:${MUTED};">Service account</td><td style="${CELL}">${account}</td></tr>`,
    `<tr><td style="${CELL}color:${MUTED};">Checked</td><td style="${CELL}">${t(when(c.generatedAt))}</td></tr>`,
  ]);
}

function firstStep(item: EmailItem): string {
  if (!item.firstStep) return '';
  const url = safeHttpUrl(item.firstStep.url);
  return `<div style="font-size:13px;margin-top:6px;"><strong>First step:</strong> ${t(item.firstStep.text)}${url ? ` ${link('Open', url)}` : ''}</div>`;
}

function who(item: EmailItem): string {
  return item.who ? `<div style="font-size:13px;margin-top:4px;"><strong>Who can do it:</strong> ${t(item.who)}</div>` : '';
}

function acknowledged(item: EmailItem): string {
  if (!item.acknowledged) return '';
  return `<div style="font-size:12px;color:${MUTED};margin-top:4px;">Acknowledged by ${t(item.acknowledged.by)}: ${t(item.acknowledged.reason)}</div>`;
}

/** The check's reference as the app's history shows it: `IT:CUST-COVERAGE`, or the bare ID for a site check. */
function reference(item: EmailItem): string {
  return item.scope.key === 'site' ? item.checkId : item.key;
}

/** `withWho`: what still blocks says who can take each first step, as the Overview does. */
function itemCell(item: EmailItem, withDetail: boolean, withWho = false): string {
  const id = `<span style="font-size:12px;color:${MUTED};">${t(reference(item))}</span>`;
  const summaryLine = withDetail && item.summary !== null ? `<div style="margin-top:2px;">${t(item.summary)}</div>` : '';
  const detail = withDetail ? `${acknowledged(item)}${firstStep(item)}${withWho ? who(item) : ''}` : '';
  return `<td style="${CELL}"><strong>${t(item.title)}</strong> ${id}${summaryLine}${detail}</td>`;
}

function changeSection(title: string, colour: string, section: EmailSection, withDetail: boolean): string {
  if (section.items.length + section.more === 0) return '';
  const rows = section.items.map((i) => `<tr><td style="${CELL}width:28%;color:${MUTED};">${t(scopeWords(i.scope))}</td>${itemCell(i, withDetail)}</tr>`);
  return heading(`${escapeHtml(title)} (${section.items.length + section.more})`, 3, colour) + table(rows) + more(section.more, 'checks');
}

function changes(c: EmailContent): string {
  const head = heading('What changed since the last run', 2);
  if (!c.compared) return head + paragraph('This is the first report; the next one will say what changed.', MUTED);
  const parts = [
    changeSection('Newly failing', STATUS_COLOURS.fail.fg, c.newlyFailing, true),
    changeSection('Fixed', STATUS_COLOURS.pass.fg, c.fixed, false),
    changeSection('Newly could not be checked', STATUS_COLOURS.error.fg, c.newlyErroring, true),
  ].filter(Boolean);
  const still = changeSection('Still failing since the last run', MUTED, c.stillFailing, false);
  return head + (parts.length ? parts.join('') : paragraph('Nothing changed since the last run.', MUTED)) + still;
}

function blockingGroup(group: BlockingGroup): string {
  const rows = group.items.map((i) => {
    const colours = STATUS_COLOURS[i.status ?? 'error'];
    return `<tr><td style="${CELL}width:170px;white-space:nowrap;">${lozenge(statusWords(i.status), colours)}</td>${itemCell(i, true, true)}</tr>`;
  });
  return heading(t(scopeWords(group.scope)), 3) + table(rows);
}

function blocking(c: EmailContent): string {
  const head = heading(c.blockingTotal ? `What still blocks Moveworks (${c.blockingTotal})` : 'What still blocks Moveworks', 2);
  if (c.blocking.length === 0) return head + paragraph('Nothing: every required check passes.');
  return head + c.blocking.map(blockingGroup).join('') + more(c.blockingMore, 'blocking checks');
}

function appLink(c: EmailContent): string {
  const href = safeHttpUrl(c.appUrl);
  if (!href) return paragraph(`Open Moveworks Readiness in ${link(t(c.baseUrl), c.baseUrl)} (Jira settings → Apps) for the full report.`);
  const button = `<a href="${escapeHtml(href)}" style="display:inline-block;padding:8px 14px;background-color:${LINK};color:#FFFFFF;font-weight:bold;text-decoration:none;">Open Moveworks Readiness</a>`;
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0 0 0;"><tr><td style="${FONT}font-size:14px;">${button}</td></tr></table>`;
}

// ---- the export's full listing: every check with its evidence -----------------

function remediationList(check: CheckResult): string {
  const steps = check.remediation ?? [];
  if (!needsAction(check.status) || steps.length === 0) return '';
  const items = steps.map((s) => `<li style="margin:2px 0;">${link(t(s.text), s.url)}</li>`).join('');
  return `<ol style="margin:6px 0 0 0;padding-left:20px;font-size:13px;">${items}</ol>`;
}

function notes(check: CheckResult): string {
  const parts: string[] = [];
  if (check.dependsOn) parts.push(`Depends on ${t(check.dependsOn)}.`);
  if (check.attestation) {
    const a = check.attestation;
    parts.push(`Attested by ${t(a.byName ?? a.by)} on ${t(when(a.at))}${a.note ? `: ${t(a.note)}` : ''}.`);
  }
  if (check.acknowledgement) {
    const k = check.acknowledgement;
    parts.push(`Acknowledged by ${t(k.byName ?? k.by)} on ${t(when(k.at))}${k.expiresAt ? ` until ${t(formatDate(k.expiresAt, { timeZone: 'UTC' }))}` : ''}: ${t(k.reason)}.`);
  }
  return parts.length ? `<div style="font-size:12px;color:${MUTED};margin-top:4px;">${parts.join(' ')}</div>` : '';
}

/** One check, collapsible: its status, title and id on the line that opens it; summary, decisions, steps and evidence inside. */
function checkDetails(c: CheckResult): string {
  const open = needsAction(c.status) ? ' open' : '';
  const head =
    `<summary style="cursor:pointer;padding:8px 0;">${statusLozenge(c.status)} <strong>${t(c.title || c.id)}</strong> ` +
    `<span style="font-size:12px;color:${MUTED};">${escapeHtml(c.id)} · ${escapeHtml(c.severity)}</span></summary>`;
  const evidence = evidenceSummaryHtml(c.evidence);
  const body =
    `<div style="padding:0 0 8px 0;">${paragraph(t(c.summary))}${notes(c)}${remediationList(c)}` +
    (evidence ? `<div style="font-size:12px;color:${MUTED};margin-top:8px;font-weight:bold;">Evidence</div>${evidence}` : '') +
    `</div>`;
  return `<details${open} data-check="${escapeHtml(c.id)}" style="border-bottom:1px solid ${BORDER};${FONT}font-size:14px;color:${TEXT};">${head}${body}</details>`;
}

function checksList(checks: CheckResult[]): string {
  if (checks.length === 0) return paragraph('No checks.', MUTED);
  return `<div>${checks.map(checkDetails).join('\n')}</div>`;
}

const projectGate = (ready: boolean | null) => lozenge(readyLabel(ready), readyColours(ready));

function projectsTable(projects: ProjectReport[]): string {
  if (projects.length === 0) return paragraph('No service desk projects were checked.', MUTED);
  const rows = projects.map((p) => {
    const desk = deskSummary(p);
    return `<tr><td style="${CELL}">${t(p.key)}</td><td style="${CELL}">${t(p.name)}</td><td style="${CELL}">${projectGate(desk.ready)}</td><td style="${CELL}">${escapeHtml(formatScore(desk.score))}</td></tr>`;
  });
  return table(rows, ['Key', 'Service desk', 'Readiness', 'Score']);
}

function projectSection(p: ProjectReport): string {
  const desk = deskSummary(p);
  return (
    heading(`${t(p.key)}: ${t(p.name)} ${projectGate(desk.ready)}`, 2) +
    paragraph(`${escapeHtml(p.style)} · ${escapeHtml(formatScore(desk.score))}`, MUTED) +
    checksList(p.checks)
  );
}

// ---- the two modes -------------------------------------------------------------

export function defaultTitle(report: Report): string {
  return `Moveworks readiness: ${report.site.baseUrl}`;
}

function emailTitle(c: EmailContent): string {
  return c.siteName ? `Moveworks readiness for ${t(c.siteName)}` : 'Moveworks readiness';
}

export function renderReportHtml(report: Report, options: HtmlOptions): string {
  const content = buildEmailContent(report, options.diff ?? null, options);
  if (options.mode === 'email') {
    const title = options.title !== undefined ? t(options.title) : emailTitle(content);
    const footer = paragraph(FOOTER, MUTED);
    return (
      `<div style="${FONT}color:${TEXT};max-width:680px;">${preheader(content)}${heading(title, 1)}${summary(content, report)}` +
      `${changes(content)}${blocking(content)}${appLink(content)}<hr style="border:0;border-top:1px solid ${BORDER};margin:20px 0 8px 0;">${footer}</div>`
    );
  }
  const title = options.title ?? defaultTitle(report);
  const parts = [
    heading(t(title), 1),
    summary(content, report),
    content.compared ? changes(content) : '',
    blocking(content),
    heading('Site checks', 2) + checksList(report.checks),
    heading('Service desks', 2) + projectsTable(report.projects),
    ...report.projects.map(projectSection),
  ];
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(stripControlChars(title))}</title><style>${PRINT_STYLE}</style></head>` +
    `<body style="margin:0;padding:16px;background-color:#FFFFFF;${FONT}color:${TEXT};">` +
    `<div style="max-width:960px;margin:0 auto;">${parts.filter(Boolean).join('\n')}</div></body></html>\n`
  );
}
