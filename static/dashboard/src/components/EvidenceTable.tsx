/**
 * Evidence is whatever a check read (names, ids, counts), so its shape differs per
 * check. Arrays of records become a table, records become field/value rows, and
 * anything nested is shown as compact JSON. React escapes every value.
 */
import React from 'react';
import { messages } from '../messages';

type Row = Record<string, unknown>;

const isRecord = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(formatValue).join(', ');
  return JSON.stringify(value);
}

function RecordsTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return (
    <table className="mw-table">
      <caption className="mw-visually-hidden">{caption}</caption>
      <thead>
        <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>{columns.map((c) => <td key={c}>{formatValue(r[c])}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidenceTable({ evidence, caption }: { evidence: unknown; caption: string }) {
  if (evidence === undefined || evidence === null) return <p>{messages.project.noEvidence}</p>;
  if (Array.isArray(evidence) && evidence.length > 0 && evidence.every(isRecord)) return <RecordsTable rows={evidence} caption={caption} />;
  if (!isRecord(evidence)) return <p>{formatValue(evidence)}</p>;
  const entries = Object.entries(evidence).filter(([k]) => k !== 'fix');
  return (
    <div>
      <table className="mw-table">
        <caption className="mw-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.project.field}</th>
            <th scope="col">{messages.project.value}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>
                {Array.isArray(v) && v.length > 0 && v.every(isRecord) ? <RecordsTable rows={v} caption={`${caption}: ${k}`} /> : formatValue(v)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
