/** How statuses and gates look: pure mappings onto Atlaskit lozenge appearances. */
import type { CheckStatus } from '../../../../src/shared/report-model';
import { formatDate, formatDateTime as formatInstant } from '../../../../src/shared/dates';
import { messages } from '../messages';

export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

const STATUS_APPEARANCE: Record<CheckStatus, LozengeAppearance> = {
  pass: 'success',
  warn: 'moved',
  fail: 'removed',
  // 'error' is "could not decide": distinct from fail, never green.
  error: 'moved',
  manual: 'new',
  not_applicable: 'default',
};

export function statusAppearance(status: CheckStatus): LozengeAppearance {
  return STATUS_APPEARANCE[status];
}

export function statusLabel(status: CheckStatus): string {
  return messages.status[status];
}

export function gateDisplay(ready: boolean | null): { label: string; appearance: LozengeAppearance } {
  if (ready === true) return { label: messages.gate.ready, appearance: 'success' };
  if (ready === false) return { label: messages.gate.notReady, appearance: 'removed' };
  return { label: messages.gate.unknown, appearance: 'moved' };
}

/** A time in the viewer's zone, through the one formatter of src/shared/dates; "Never" when there is none. */
export function formatDateTime(iso: string | undefined | null): string {
  return iso ? formatInstant(iso) : messages.overview.never;
}

/** A day picked in a date field (an acknowledgement's expiry, stored as the end of that day in UTC), through the same formatter. */
export function formatDay(iso: string): string {
  return formatDate(iso, { timeZone: 'UTC' });
}
