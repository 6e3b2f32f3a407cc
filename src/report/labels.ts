/** Words and colours shared by every renderer, so text, HTML and CSV agree. */
import type { CheckStatus, Severity } from '../shared/report-model';

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  manual: 'NEEDS ATTESTATION',
  error: 'ERROR',
  not_applicable: 'N/A',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  required: 'required',
  recommended: 'recommended',
  optional: 'optional',
};

/** The gate: true / false / null (a required check could not be decided). */
export function readyLabel(ready: boolean | null): string {
  if (ready === true) return 'READY';
  if (ready === false) return 'NOT READY';
  return 'UNKNOWN';
}

/** Statuses that ask an admin to do something, so their remediation is shown. */
export function needsAction(status: CheckStatus): boolean {
  return status === 'fail' || status === 'error' || status === 'warn' || status === 'manual';
}

/** Lozenge colours (Atlassian Design System palette) for HTML. */
export const STATUS_COLOURS: Record<CheckStatus, { fg: string; bg: string }> = {
  pass: { fg: '#216E4E', bg: '#DCFFF1' },
  warn: { fg: '#7F5F01', bg: '#FFF7D6' },
  fail: { fg: '#AE2E24', bg: '#FFECEB' },
  manual: { fg: '#0055CC', bg: '#E9F2FF' },
  error: { fg: '#5E4DB2', bg: '#F3F0FF' },
  not_applicable: { fg: '#44546F', bg: '#F1F2F4' },
};

export function readyColours(ready: boolean | null): { fg: string; bg: string } {
  if (ready === true) return STATUS_COLOURS.pass;
  if (ready === false) return STATUS_COLOURS.fail;
  return STATUS_COLOURS.error;
}
