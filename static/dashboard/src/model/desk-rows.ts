/**
 * The overview's desk list: every desk of the stored report, plus every desk the
 * running check has not finished yet, listed from the start as "checking" (on a first
 * run there is no result to show for it, only the name the run's listing gave, on a
 * re-check its last result is kept), so
 * the list never shrinks or jumps while a run goes on. Search (key or name) and the
 * status filter are pure so the page can page through 1,000 desks without work per row.
 */
import type { Report } from '../../../../src/shared/report-model';
import type { RunProgress } from '../../../../src/shared/resolver-api';
import { buildMatrix, type MatrixRow } from './matrix';

export interface DeskRow extends MatrixRow {
  /** Still being checked in the running run. */
  checking: boolean;
  /** No result stored yet (a desk of the first run). */
  unchecked: boolean;
}

export type DeskFilter = 'all' | 'not-ready' | 'ready' | 'checking';
export const DESK_FILTERS: readonly DeskFilter[] = ['all', 'not-ready', 'ready', 'checking'];

export function deskRows(report: Report | null, progress: RunProgress | null): DeskRow[] {
  const pending = new Set(progress?.state === 'running' ? progress.pending : []);
  const rows: DeskRow[] = (report ? buildMatrix(report) : []).map((r) => ({ ...r, checking: pending.has(r.key), unchecked: false }));
  const known = new Set(rows.map((r) => r.key));
  for (const key of pending) {
    if (known.has(key)) continue;
    rows.push({ key, name: progress?.pendingNames?.[key] ?? key, ready: null, percent: null, cells: { 'service-account': undefined, moveworks: undefined, customers: undefined, workflows: undefined }, checking: true, unchecked: true });
  }
  return rows;
}

/** Case-insensitive match on the key or the name. */
export function matchesSearch(row: Pick<DeskRow, 'key' | 'name'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || row.key.toLowerCase().includes(q) || row.name.toLowerCase().includes(q);
}

export function matchesFilter(row: DeskRow, filter: DeskFilter): boolean {
  switch (filter) {
    case 'not-ready':
      return !row.checking && row.ready === false;
    case 'ready':
      return !row.checking && row.ready === true;
    case 'checking':
      return row.checking;
    default:
      return true;
  }
}

/** How a gate sorts: not ready first, then unknown, then ready; desks being checked last. */
export function gateRank(row: DeskRow): number {
  if (row.unchecked) return 4;
  return row.ready === false ? 0 : row.ready === null ? 1 : 2;
}
