/**
 * The plain-text renderer, for the e-mail's text body and the export text.
 *
 * - mode 'email': the same sections as the HTML e-mail (src/report/html.ts), for
 *   clients that show text only. Control characters are dropped (an ESC could
 *   rewrite a terminal that shows the mail) and text carrying right-to-left
 *   characters is wrapped in Unicode isolates, so it cannot reorder the line
 *   around it; the text itself is kept. This is exactly the textBody composeReportEmail sends.
 * - mode 'export' (default): what changed since the last run, then the same table
 *   as the terminal, without colour.
 */
import type { Report, ReportDiff } from '../shared/report-model';
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
import { formatScore } from '../shared/readiness-summary';
import { safeHttpUrl, stripControlChars } from './escape';
import { renderReportText } from './text';

export interface PlainTextOptions extends EmailOptions {
  mode?: 'export' | 'email';
  diff?: ReportDiff | null;
}

export function renderDiffText(diff: ReportDiff): string {
  const groups: [string, string[]][] = [
    ['Newly failing', diff.newlyFailing],
    ['Newly not decidable (error)', diff.newlyErroring],
    ['Fixed', diff.fixed],
    ['Still failing', diff.stillFailing],
  ];
  const lines = groups
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => `  ${label} (${items.length}): ${items.map((i) => stripControlChars(i)).join(', ')}`);
  return ['What changed since the last run', ...(lines.length ? lines : ['  Nothing changed.'])].join('\n') + '\n';
}


const BIDI = /[\u0590-\u08FF\u200E\u200F\u202A-\u202E\u2066-\u2069\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Text from Jira or an admin on one line. */
function t(value: unknown): string {
  const line = stripControlChars(value).replace(/[\t\r\n]+/g, ' ');
  return BIDI.test(line) ? `\u2068${line}\u2069` : line;
}

/** `withWho`: what still blocks says who can take each first step, as the Overview does. */
function itemLines(item: EmailItem, withDetail: boolean, prefix: string, withWho = false): string[] {
  const lines = [`${prefix}${t(item.title)} (${t(item.checkId)})`];
  if (!withDetail) return lines;
  // Details sit a fixed step in from the bullet: a long desk name must not push them off the screen.
  const indent = `${prefix.match(/^ */)![0]}    `;
  if (item.summary !== null) lines.push(`${indent}${t(item.summary)}`);
  if (item.acknowledged) lines.push(`${indent}Acknowledged by ${t(item.acknowledged.by)}: ${t(item.acknowledged.reason)}`);
  if (item.firstStep) {
    const url = safeHttpUrl(item.firstStep.url);
    lines.push(`${indent}First step: ${t(item.firstStep.text)}${url ? ` <${url}>` : ''}`);
  }
  if (withWho && item.who) lines.push(`${indent}Who can do it: ${t(item.who)}`);
  return lines;
}

function changeSection(title: string, section: EmailSection, withDetail: boolean): string[] {
  if (section.items.length + section.more === 0) return [];
  const lines = ['', `${title} (${section.items.length + section.more})`];
  for (const i of section.items) lines.push(...itemLines(i, withDetail, `  - ${t(scopeWords(i.scope))}: `));
  if (section.more) lines.push(`  …and ${section.more} more; the app lists them all.`);
  return lines;
}

function blockingGroup(group: BlockingGroup): string[] {
  const lines = ['', `  ${t(scopeWords(group.scope))}`];
  for (const i of group.items) lines.push(...itemLines(i, true, `    - [${statusWords(i.status)}] `, true));
  return lines;
}

function renderEmailText(c: EmailContent): string {
  const lines: string[] = [];
  lines.push(c.siteName ? `Moveworks readiness for ${t(c.siteName)}` : 'Moveworks readiness');
  lines.push('');
  lines.push(`Readiness: ${gateWords(c.ready)}`);
  lines.push(`Score: ${formatScore(c.score)}`);
  if (c.siteChecks) lines.push(`Site checks: ${gateWords(c.siteChecks.ready)}, ${formatScore(c.siteChecks.score)}`);
  lines.push(`Site: ${t(c.baseUrl)}`);
  lines.push(`Checked: ${t(c.generatedAt)}`);

  if (!c.compared) {
    lines.push('', 'What changed', '  This is the first report; the next one will say what changed.');
  } else {
    const changes = [
      ...changeSection('Newly failing', c.newlyFailing, true),
      ...changeSection('Fixed', c.fixed, false),
      ...changeSection('Newly could not be checked', c.newlyErroring, true),
    ];
    lines.push(...(changes.length ? changes : ['', 'What changed', '  Nothing changed since the last run.']));
    lines.push(...changeSection('Still failing since the last run', c.stillFailing, false));
  }

  lines.push('', c.blockingTotal ? `What still blocks Moveworks (${c.blockingTotal})` : 'What still blocks Moveworks');
  if (c.blocking.length === 0) lines.push('  Nothing: every required check passes.');
  for (const g of c.blocking) lines.push(...blockingGroup(g));
  if (c.blockingMore) lines.push(`  …and ${c.blockingMore} more blocking checks; the app lists them all.`);

  lines.push('');
  const app = safeHttpUrl(c.appUrl);
  lines.push(app ? `Open Moveworks Readiness: ${app}` : `Open Moveworks Readiness in ${t(c.baseUrl)} (Jira settings → Apps) for the full report.`);
  lines.push('', '--', 'You receive this because a Jira administrator listed you as a recipient of the Moveworks readiness report.');
  return lines.join('\n') + '\n';
}

export function renderReportPlainText(report: Report, options: PlainTextOptions = {}): string {
  if (options.mode === 'email') return renderEmailText(buildEmailContent(report, options.diff ?? null, options));
  const text = renderReportText(report, { color: false });
  return options.diff ? `${renderDiffText(options.diff)}\n${text}` : text;
}
