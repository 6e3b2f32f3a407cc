/**
 * Evidence is whatever a check read (names, ids, counts), so its shape differs per
 * check. It is shown as a person reads it, never as JSON: a record becomes labelled
 * rows ("missingUsers" → "Missing users"), a list of records a table, a list of plain
 * values a comma-separated line; a person is shown by display name, a Jira object
 * (status, field, issue type, organization…) by its name, with the id kept in a
 * tooltip. Long lists stop at LIST_CAP with "and N more". Everything wraps inside the
 * card. React escapes every value.
 */
import React from 'react';
import { messages } from '../messages';

type Row = Record<string, unknown>;

/** Items of a list shown before "and N more". */
export const LIST_CAP = 25;
/** Nesting shown before a value is summarised as a count. */
const MAX_DEPTH = 4;

const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that say nothing to a person once the name beside them is shown. */
const HIDDEN_KEYS = new Set(['fix', 'evidenceHash']);

/** "missingUsers" → "Missing users", "byIssueType" → "By issue type", "screenId" → "Screen id". */
export function labelOf(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A record that stands for one named thing (a person, a status, a field…): its name
 * and, for a tooltip, its id. Undefined when the record is not such a reference.
 */
export function namedRef(v: Row): { name: string; id?: string } | undefined {
  const name = typeof v.displayName === 'string' ? v.displayName : typeof v.name === 'string' ? v.name : undefined;
  if (name === undefined) return undefined;
  // A reference carries its name, its id and little else; a record with more to say is shown whole.
  const rest = Object.keys(v).filter((k) => !['displayName', 'name', 'accountId', 'id', 'key', 'self', 'emailAddress'].includes(k));
  if (rest.length > 0) return undefined;
  const id = typeof v.accountId === 'string' ? v.accountId : typeof v.key === 'string' ? v.key : typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id) : undefined;
  return { name: typeof v.key === 'string' && name !== v.key ? `${name} (${v.key})` : name, ...(id ? { id } : {}) };
}

/** A plain value in words. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? messages.evidence.yes : messages.evidence.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return plainList(value);
  if (isRecord(value)) {
    const ref = namedRef(value);
    if (ref) return ref.name;
    return Object.entries(value)
      .filter(([k]) => !HIDDEN_KEYS.has(k))
      .map(([k, v]) => `${labelOf(k)}: ${formatValue(v)}`)
      .join('; ');
  }
  return String(value);
}

function plainList(values: readonly unknown[]): string {
  const shown = values.slice(0, LIST_CAP).map(formatValue).join(', ');
  return values.length > LIST_CAP ? `${shown} ${messages.evidence.more(values.length - LIST_CAP)}` : shown;
}

const isPlain = (v: unknown) => v === null || typeof v !== 'object' || (isRecord(v) && namedRef(v) !== undefined);

function Value({ value, caption, depth }: { value: unknown; caption: string; depth: number }) {
  if (Array.isArray(value)) {
    if (value.length === 0) return <>—</>;
    if (value.every(isPlain)) {
      return (
        <>
          {value.slice(0, LIST_CAP).map((v, i) => (
            <React.Fragment key={i}>
              {i > 0 && ', '}
              <Plain value={v} />
            </React.Fragment>
          ))}
          {value.length > LIST_CAP && ` ${messages.evidence.more(value.length - LIST_CAP)}`}
        </>
      );
    }
    if (value.every(isRecord) && depth < MAX_DEPTH) return <RecordsTable rows={value} caption={caption} depth={depth + 1} />;
    return <>{plainList(value)}</>;
  }
  if (isRecord(value)) {
    if (namedRef(value)) return <Plain value={value} />;
    if (depth < MAX_DEPTH) return <FieldsTable record={value} caption={caption} depth={depth + 1} />;
  }
  return <Plain value={value} />;
}

function Plain({ value }: { value: unknown }) {
  if (isRecord(value)) {
    const ref = namedRef(value);
    if (ref) return <span title={ref.id}>{ref.name}</span>;
  }
  return <>{formatValue(value)}</>;
}

function RecordsTable({ rows, caption, depth }: { rows: Row[]; caption: string; depth: number }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => !HIDDEN_KEYS.has(c));
  const shown = rows.slice(0, LIST_CAP);
  return (
    <>
      <table className="mw-table">
        <caption className="mw-visually-hidden">{caption}</caption>
        <thead>
          <tr>{columns.map((c) => <th key={c} scope="col">{labelOf(c)}</th>)}</tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>
                  <Value value={r[c]} caption={`${caption}: ${labelOf(c)}`} depth={depth} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > LIST_CAP && <p className="mw-muted">{messages.evidence.more(rows.length - LIST_CAP)}</p>}
    </>
  );
}

function FieldsTable({ record, caption, depth }: { record: Row; caption: string; depth: number }) {
  const entries = Object.entries(record).filter(([k]) => !HIDDEN_KEYS.has(k));
  return (
    <table className="mw-table">
      <caption className="mw-visually-hidden">{caption}</caption>
      {depth === 1 && (
        <thead>
          <tr>
            <th scope="col">{messages.project.field}</th>
            <th scope="col">{messages.project.value}</th>
          </tr>
        </thead>
      )}
      <tbody>
        {entries.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{labelOf(k)}</th>
            <td>
              <Value value={v} caption={`${caption}: ${labelOf(k)}`} depth={depth} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidenceTable({ evidence, caption }: { evidence: unknown; caption: string }) {
  if (evidence === undefined || evidence === null) return <p>{messages.project.noEvidence}</p>;
  if (Array.isArray(evidence) && evidence.length > 0 && evidence.every(isRecord)) return <RecordsTable rows={evidence} caption={caption} depth={1} />;
  if (!isRecord(evidence)) return <p>{formatValue(evidence)}</p>;
  return (
    <div className="mw-evidence-body">
      <FieldsTable record={evidence} caption={caption} depth={1} />
    </div>
  );
}
