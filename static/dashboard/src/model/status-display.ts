/** How statuses and gates look: pure mappings onto Atlaskit lozenge appearances. */
import type { CheckStatus } from '../../../../src/shared/report-model';
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

export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return messages.overview.never;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
