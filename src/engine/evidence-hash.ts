import { createHash } from 'node:crypto';

/** Key-order independent JSON, so the same evidence always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Fingerprint of a check's evidence: an acknowledgement lapses when this changes. */
export function evidenceHash(evidence: unknown): string {
  return createHash('sha256').update(canonical(evidence)).digest('hex').slice(0, 32);
}
