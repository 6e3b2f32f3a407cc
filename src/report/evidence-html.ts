/**
 * A check's evidence as a reader can take it in, for the HTML export: fields as a
 * list of name and value, lists of records as small tables, long lists cut with how
 * many more there are, ISO times as dates. Never raw JSON; the JSON export keeps
 * everything. Every value is escaped and direction-isolated like the rest of the
 * export.
 */
import { formatDateTime } from '../shared/dates';
import { escapeHtml, stripControlChars } from './escape';

/** Items shown of a list, rows of a table, and how deep records nest before they are summed up. */
const MAX_ITEMS = 12;
const MAX_DEPTH = 6;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const MUTED = '#626F86';
const BORDER = '#DCDFE4';

function text(value: unknown): string {
  return `<bdi>${escapeHtml(stripControlChars(value))}</bdi>`;
}

/** "missingUsers" → "Missing users"; "issue_types" → "Issue types". */
export function fieldName(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return `<span style="color:${MUTED};">none</span>`;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' && ISO_TIME.test(v)) return text(formatDateTime(v, { timeZone: 'UTC' }));
  return text(v);
}

function more(count: number): string {
  return count > 0 ? ` <span style="color:${MUTED};">…and ${count} more</span>` : '';
}

/** A record in one line, for a table cell or past the depth limit: "Name: Open; Bucket: new". */
function inline(v: unknown, depth: number): string {
  if (!isRecord(v) && !Array.isArray(v)) return scalar(v);
  if (depth >= MAX_DEPTH) return Array.isArray(v) ? `${v.length} ${v.length === 1 ? 'item' : 'items'}` : `${Object.keys(v).length} fields`;
  if (Array.isArray(v)) {
    const shown = v.slice(0, MAX_ITEMS).map((x) => inline(x, depth + 1));
    return shown.length ? shown.join(', ') + more(v.length - shown.length) : `<span style="color:${MUTED};">none</span>`;
  }
  return Object.entries(v)
    .map(([k, x]) => `${escapeHtml(fieldName(k))}: ${inline(x, depth + 1)}`)
    .join('; ');
}

function table(rows: Record<string, unknown>[], depth: number): string {
  const columns = [...new Set(rows.slice(0, MAX_ITEMS).flatMap((r) => Object.keys(r)))];
  const cell = `padding:4px 6px;border-bottom:1px solid ${BORDER};text-align:left;vertical-align:top;`;
  const head = columns.map((c) => `<th style="${cell}color:${MUTED};">${escapeHtml(fieldName(c))}</th>`).join('');
  const body = rows
    .slice(0, MAX_ITEMS)
    .map((r) => `<tr>${columns.map((c) => `<td style="${cell}">${c in r ? block(r[c], depth + 1) : ''}</td>`).join('')}</tr>`)
    .join('');
  return `<table style="border-collapse:collapse;font-size:12px;margin:2px 0;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more(rows.length - MAX_ITEMS)}`;
}

function block(v: unknown, depth: number): string {
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(isRecord) && depth < MAX_DEPTH) return table(v as Record<string, unknown>[], depth);
    return inline(v, depth);
  }
  if (isRecord(v) && depth < MAX_DEPTH) {
    const entries = Object.entries(v);
    if (entries.length === 0) return `<span style="color:${MUTED};">none</span>`;
    const items = entries
      .map(
        ([k, x]) =>
          `<div style="margin:2px 0;"><span style="color:${MUTED};">${escapeHtml(fieldName(k))}:</span> ${isRecord(x) || Array.isArray(x) ? `<div style="margin-left:12px;">${block(x, depth + 1)}</div>` : scalar(x)}</div>`,
      )
      .join('');
    return items;
  }
  return inline(v, depth);
}

/** The evidence as HTML, or '' when there is none. */
export function evidenceSummaryHtml(evidence: unknown): string {
  if (evidence === undefined || evidence === null) return '';
  return `<div style="font-size:12px;margin-top:6px;" data-evidence="">${block(evidence, 0)}</div>`;
}
