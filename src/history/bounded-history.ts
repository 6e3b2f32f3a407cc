/**
 * Keeps a history value inside one @forge/kvs entry (values up to 240 KiB). The
 * newest entries win; when the value would grow too large, older entries keep their
 * score and counts but name fewer check keys (required ones come first, so those
 * survive longest), and only as a last resort are old entries dropped.
 */
import type { HistoryEntry } from '../shared/resolver-api';

export const DEFAULT_MAX_ENTRIES = 90;

/** Well under the 240 KiB limit: leaves room for a key, envelope and future fields. */
export const HISTORY_BYTE_BUDGET = 160 * 1024;

/** Size as stored: the JSON text in UTF-8. */
export function historyBytes(history: readonly HistoryEntry[]): number {
  return Buffer.byteLength(JSON.stringify(history), 'utf8');
}

function capLists(entry: HistoryEntry, max: number): HistoryEntry {
  if (entry.failing.length <= max && entry.erroring.length <= max) return entry;
  return { ...entry, failing: entry.failing.slice(0, max), erroring: entry.erroring.slice(0, max) };
}

/** All but the newest entry capped to `max` keys per list. */
function withOlderCapped(history: HistoryEntry[], max: number): HistoryEntry[] {
  return history.map((e, i) => (i === history.length - 1 ? e : capLists(e, max)));
}

/**
 * `history` (oldest first) with `entry` appended, at most `max` entries, at most
 * `maxBytes` as JSON. Appending a run already present replaces it, so a completion
 * handled twice does not count twice. Never mutates its input.
 */
export function appendBounded(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  max = DEFAULT_MAX_ENTRIES,
  maxBytes = HISTORY_BYTE_BUDGET,
): HistoryEntry[] {
  let next = [...history.filter((e) => e.runId !== entry.runId), entry].slice(-Math.max(1, max));
  if (historyBytes(next) <= maxBytes) return next;

  // The largest per-list cap for older entries that fits (binary search: sizes grow with the cap).
  const longest = Math.max(0, ...next.slice(0, -1).flatMap((e) => [e.failing.length, e.erroring.length]));
  let lo = 0;
  let hi = longest;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (historyBytes(withOlderCapped(next, mid)) <= maxBytes) lo = mid;
    else hi = mid - 1;
  }
  next = withOlderCapped(next, lo);

  // Still too large with no keys on older entries: the newest names fewer keys, then old entries go.
  if (historyBytes(next) > maxBytes) {
    const newest = next[next.length - 1];
    let cap = Math.max(newest.failing.length, newest.erroring.length);
    while (cap > 0 && historyBytes([...next.slice(0, -1), capLists(newest, cap)]) > maxBytes) cap = Math.floor(cap / 2);
    next = [...next.slice(0, -1), capLists(newest, cap)];
  }
  while (next.length > 1 && historyBytes(next) > maxBytes) next = next.slice(1);
  return next;
}
