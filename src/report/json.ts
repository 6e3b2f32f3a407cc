/**
 * The report as one JSON document (report.schema.json, schemaVersion 1).
 * Keys come out in a fixed order, known keys first in contract order and the
 * rest alphabetically, so two runs over the same site diff line by line.
 */
import type { Report } from '../shared/report-model';

const KEY_ORDER = [
  // report
  'schemaVersion',
  'generatedAt',
  'site',
  'serviceAccount',
  'ready',
  'score',
  'checks',
  'projects',
  'scope',
  'siteChecksReadiness',
  'projectListingError',
  'stats',
  // project
  'key',
  'id',
  'name',
  'style',
  'serviceDeskId',
  'checkedAt',
  // check
  'status',
  'severity',
  'title',
  'summary',
  'evidence',
  'remediation',
  'dependsOn',
  'attestation',
  'acknowledgement',
  // score
  'percent',
  'requiredPassed',
  'requiredTotal',
  'counts',
  // remediation step
  'text',
  'url',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy whose objects list their keys in the stable order; arrays keep theirs. */
export function withStableKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStableKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = withStableKeys(v);
    }
    return out;
  }
  return value;
}

export function renderReportJson(report: Report, options: { indent?: number } = {}): string {
  return JSON.stringify(withStableKeys(report), null, options.indent ?? 2) + '\n';
}
