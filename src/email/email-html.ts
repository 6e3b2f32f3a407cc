/**
 * The e-mail's HTML body. Jira's notify API places it inside its own mail template,
 * so this is a fragment. Mail clients (Outlook's Word engine, Gmail) drop <style>
 * blocks, so layout is tables with inline styles; there are no images. Every value
 * is escaped, control characters are dropped and Jira-supplied text is wrapped in
 * <bdi> so a right-to-left name cannot reorder the sentence around it.
 */
import { escapeHtml, safeHttpUrl, stripControlChars } from '../report/escape';
import { STATUS_COLOURS, readyColours } from '../report/labels';
import type { BlockingGroup, EmailContent, EmailItem, EmailSection } from './email-content';
import { gateWords, percentWords, scopeWords, statusWords } from './email-content';

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const TEXT = '#172B4D';
const MUTED = '#626F86';
const BORDER = '#DCDFE4';
const LINK = '#0C66E4';
const TABLE = `border-collapse:collapse;width:100%;${FONT}font-size:14px;color:${TEXT};`;
const CELL = `padding:8px;border-bottom:1px solid ${BORDER};vertical-align:top;text-align:left;`;

/** Text from Jira or an admin: escaped, without control characters, direction-isolated. */
function t(value: unknown): string {
  return `<bdi>${escapeHtml(stripControlChars(value))}</bdi>`;
}

function link(label: string, url: string | undefined | null): string {
  const href = safeHttpUrl(url);
  return href ? `<a href="${escapeHtml(href)}" style="color:${LINK};text-decoration:underline;">${label}</a>` : label;
}

function lozenge(label: string, colours: { fg: string; bg: string }): string {
  return `<span style="display:inline-block;padding:1px 6px;font-size:11px;font-weight:bold;text-transform:uppercase;white-space:nowrap;color:${colours.fg};background-color:${colours.bg};">${escapeHtml(label)}</span>`;
}

function heading(text: string, colour = TEXT): string {
  return `<h2 style="${FONT}font-size:17px;color:${colour};margin:24px 0 8px 0;">${text}</h2>`;
}

function paragraph(html: string, colour = TEXT): string {
  return `<p style="${FONT}font-size:14px;color:${colour};margin:4px 0;">${html}</p>`;
}

function firstStep(item: EmailItem): string {
  if (!item.firstStep) return '';
  const step = t(item.firstStep.text);
  const url = safeHttpUrl(item.firstStep.url);
  const opened = url ? ` ${link('Open', url)}` : '';
  return `<div style="font-size:13px;margin-top:6px;"><strong>First step:</strong> ${step}${opened}</div>`;
}

function acknowledged(item: EmailItem): string {
  if (!item.acknowledged) return '';
  return `<div style="font-size:12px;color:${MUTED};margin-top:4px;">Acknowledged by ${t(item.acknowledged.by)}: ${t(item.acknowledged.reason)}</div>`;
}

function itemCell(item: EmailItem, withDetail: boolean): string {
  const id = `<span style="font-size:12px;color:${MUTED};">${t(item.checkId)}</span>`;
  const summary = withDetail && item.summary !== null ? `<div style="margin-top:2px;">${t(item.summary)}</div>` : '';
  const detail = withDetail ? `${acknowledged(item)}${firstStep(item)}` : '';
  return `<td style="${CELL}"><strong>${t(item.title)}</strong> ${id}${summary}${detail}</td>`;
}

function table(rows: string[]): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="${TABLE}">${rows.join('')}</table>`;
}

function more(count: number, what: string): string {
  return count > 0 ? paragraph(`…and ${count} more ${what}; the app lists them all.`, MUTED) : '';
}

function changeSection(title: string, colour: string, section: EmailSection, withDetail: boolean): string {
  if (section.items.length + section.more === 0) return '';
  const rows = section.items.map(
    (i) => `<tr><td style="${CELL}width:28%;color:${MUTED};">${t(scopeWords(i.scope))}</td>${itemCell(i, withDetail)}</tr>`,
  );
  return heading(`${escapeHtml(title)} (${section.items.length + section.more})`, colour) + table(rows) + more(section.more, 'checks');
}

function blockingGroup(group: BlockingGroup): string {
  const rows = group.items.map((i) => {
    const status = i.status ?? 'error';
    return `<tr><td style="${CELL}width:170px;white-space:nowrap;">${lozenge(statusWords(i.status), STATUS_COLOURS[status])}</td>${itemCell(i, true)}</tr>`;
  });
  return `<h3 style="${FONT}font-size:15px;color:${TEXT};margin:16px 0 4px 0;">${t(scopeWords(group.scope))}</h3>` + table(rows);
}

function header(c: EmailContent): string {
  const title = c.siteName ? `Moveworks readiness for ${t(c.siteName)}` : 'Moveworks readiness';
  const score = `${escapeHtml(percentWords(c.score))} · ${c.score.requiredPassed} of ${c.score.requiredTotal} required checks pass`;
  return (
    `<h1 style="${FONT}font-size:22px;color:${TEXT};margin:0 0 8px 0;">${title}</h1>` +
    table([
      `<tr><td style="${CELL}width:28%;color:${MUTED};">Readiness</td><td style="${CELL}">${lozenge(gateWords(c.ready), readyColours(c.ready))}</td></tr>`,
      `<tr><td style="${CELL}color:${MUTED};">Score</td><td style="${CELL}">${score}</td></tr>`,
      `<tr><td style="${CELL}color:${MUTED};">Site</td><td style="${CELL}">${link(t(c.baseUrl), c.baseUrl)}</td></tr>`,
      `<tr><td style="${CELL}color:${MUTED};">Checked</td><td style="${CELL}">${t(c.generatedAt)}</td></tr>`,
    ])
  );
}

function changes(c: EmailContent): string {
  if (!c.compared) return heading('What changed') + paragraph('This is the first report; the next one will say what changed.', MUTED);
  const parts = [
    changeSection('Newly failing', STATUS_COLOURS.fail.fg, c.newlyFailing, true),
    changeSection('Fixed', STATUS_COLOURS.pass.fg, c.fixed, false),
    changeSection('Newly could not be checked', STATUS_COLOURS.error.fg, c.newlyErroring, true),
  ].filter(Boolean);
  return parts.length ? parts.join('') : heading('What changed') + paragraph('Nothing changed since the last run.', MUTED);
}

function blocking(c: EmailContent): string {
  if (c.blocking.length === 0) return heading('What still blocks Moveworks') + paragraph('Nothing: every required check passes.');
  return heading('What still blocks Moveworks') + c.blocking.map(blockingGroup).join('') + more(c.blockingMore, 'blocking checks');
}

function appLink(c: EmailContent): string {
  const href = safeHttpUrl(c.appUrl);
  if (!href) return paragraph(`Open Moveworks Readiness in ${link(t(c.baseUrl), c.baseUrl)} (Jira settings → Apps) for the full report.`);
  const button = `<a href="${escapeHtml(href)}" style="display:inline-block;padding:8px 14px;background-color:${LINK};color:#FFFFFF;font-weight:bold;text-decoration:none;">Open Moveworks Readiness</a>`;
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:20px 0 0 0;"><tr><td style="${FONT}font-size:14px;">${button}</td></tr></table>`;
}

export function renderEmailHtml(c: EmailContent): string {
  const footer = paragraph('You receive this because a Jira administrator listed you as a recipient of the Moveworks readiness report.', MUTED);
  return `<div style="${FONT}color:${TEXT};max-width:680px;">${header(c)}${changes(c)}${blocking(c)}${appLink(c)}<hr style="border:0;border-top:1px solid ${BORDER};margin:20px 0 8px 0;">${footer}</div>`;
}
