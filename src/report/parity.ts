/**
 * Renders parity comparisons (production desk ↔ non-production desk): text for a
 * terminal, JSON for tools, a self-contained HTML page. Used by `mw-readiness
 * compare`; the dashboard's Parity page shows the same comparison. Differences come
 * first, each with what breaks in Moveworks and the side to change. Every name from
 * Jira or a file is escaped (HTML) or stripped of control characters (text).
 */
import type { ParityComparison, ParityItem } from '../shared/parity-model';
import { escapeHtml, stripControlChars } from './escape';
import { withStableKeys } from './json';

export interface ParityDocument {
  kind: 'mw-readiness-parity';
  version: 1;
  /** True when every comparison matches. */
  matches: boolean;
  comparisons: ParityComparison[];
}

export function parityDocument(comparisons: ParityComparison[]): ParityDocument {
  return { kind: 'mw-readiness-parity', version: 1, matches: comparisons.every((c) => c.matches), comparisons };
}

export function renderParityJson(doc: ParityDocument): string {
  return JSON.stringify(withStableKeys(doc), null, 2) + '\n';
}

const SIDE_WORDS = { production: 'production', 'non-production': 'non-production' } as const;

function sideLabel(side: ParityComparison['production']): string {
  return `${side.key} “${side.name}” (${side.baseUrl}, ${side.generatedAt})`;
}

function headline(c: ParityComparison): string {
  if (c.matches) return 'match';
  const parts = [`${c.counts.different} difference${c.counts.different === 1 ? '' : 's'}`];
  if (c.counts.unknown > 0) parts.push(`${c.counts.unknown} not compared`);
  return parts.join(', ');
}

function where(item: ParityItem): string {
  return item.workflow ? ` [${item.workflow}${item.issueTypes?.length ? `: ${item.issueTypes.join(', ')}` : ''}]` : '';
}

export function renderParityText(doc: ParityDocument): string {
  const s = stripControlChars;
  const lines: string[] = [];
  for (const c of doc.comparisons) {
    lines.push(s(`Production:     ${sideLabel(c.production)}`), s(`Non-production: ${sideLabel(c.nonProduction)}`), `Result: ${headline(c)}`, '');
    const different = c.items.filter((i) => i.state === 'different');
    const unknown = c.items.filter((i) => i.state === 'unknown');
    for (const item of different) {
      lines.push(s(`✗ ${item.subject}${where(item)}`));
      lines.push(s(`    production: ${item.production} · non-production: ${item.nonProduction}`));
      if (item.breaks) lines.push(s(`    breaks: ${item.breaks}`));
      if (item.remediation) lines.push(s(`    fix on ${SIDE_WORDS[item.fixOn ?? 'production']}: ${item.remediation}`));
    }
    for (const item of unknown) lines.push(s(`? ${item.subject}${where(item)}: production ${item.production} · non-production ${item.nonProduction}`));
    lines.push(`${c.counts.same} item${c.counts.same === 1 ? '' : 's'} the same.`, '');
  }
  lines.push(doc.matches ? 'The desks match.' : 'The desks differ: fix the differences above before Moveworks goes live in production.');
  return lines.join('\n') + '\n';
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const CELL = 'padding:6px 8px;border-bottom:1px solid #DCDFE4;vertical-align:top;text-align:left;';
const COLOURS: Record<ParityItem['state'], string> = { different: '#AE2E24', unknown: '#A54800', same: '#216E4E' };
const STATE_WORDS: Record<ParityItem['state'], string> = { different: 'Different', unknown: 'Not compared', same: 'Same' };

/** Text from Jira or a file: escaped, without control characters, direction-isolated. */
function t(value: unknown): string {
  return `<bdi>${escapeHtml(stripControlChars(value))}</bdi>`;
}

function itemRow(item: ParityItem): string {
  const detail =
    item.state === 'different'
      ? `<div>${t(item.breaks ?? '')}</div><div style="color:#626F86;">Fix on ${t(SIDE_WORDS[item.fixOn ?? 'production'])}: ${t(item.remediation ?? '')}</div>`
      : '';
  return [
    '<tr>',
    `<td style="${CELL}color:${COLOURS[item.state]};font-weight:bold;">${STATE_WORDS[item.state]}</td>`,
    `<td style="${CELL}">${t(item.subject)}${item.workflow ? `<div style="color:#626F86;">${t(item.workflow)}${item.issueTypes?.length ? ` · ${t(item.issueTypes.join(', '))}` : ''}</div>` : ''}</td>`,
    `<td style="${CELL}">${t(item.production)}</td>`,
    `<td style="${CELL}">${t(item.nonProduction)}</td>`,
    `<td style="${CELL}">${detail}</td>`,
    '</tr>',
  ].join('');
}

export function renderParityHtml(doc: ParityDocument): string {
  const sections = doc.comparisons.map((c) =>
    [
      `<h2 style="${FONT}">${t(c.production.key)} ↔ ${t(c.nonProduction.key)}: ${t(headline(c))}</h2>`,
      `<p style="${FONT}color:#626F86;">Production: ${t(sideLabel(c.production))}<br>Non-production: ${t(sideLabel(c.nonProduction))}</p>`,
      `<table style="border-collapse:collapse;width:100%;${FONT}font-size:14px;color:#172B4D;">`,
      `<thead><tr><th style="${CELL}">State</th><th style="${CELL}">What</th><th style="${CELL}">Production</th><th style="${CELL}">Non-production</th><th style="${CELL}">What breaks in Moveworks · fix</th></tr></thead>`,
      `<tbody>${c.items.map(itemRow).join('')}</tbody></table>`,
    ].join('\n'),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Moveworks readiness: non-production parity</title></head>',
    `<body style="${FONT}color:#172B4D;margin:24px;">`,
    `<h1 style="${FONT}">Moveworks readiness: non-production parity</h1>`,
    `<p style="${FONT}">${doc.matches ? 'The desks match.' : 'The desks differ: fix the differences before Moveworks goes live in production.'}</p>`,
    ...sections,
    '</body></html>',
    '',
  ].join('\n');
}
