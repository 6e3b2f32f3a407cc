/**
 * A change to the stored report or to the decisions over it, made without a run
 * (attesting, acknowledging, a fix's re-check), carried into History and the diff:
 * the newest entries are rewritten from the decorated report every reader now sees.
 */
import type { KeyValueStore } from '../deps';
import { refreshLatestHistory } from './history-repo';
import { loadDecoratedReport } from './load-report';

/** `projectKeys`: the desks whose own entries changed too (their checks or decisions). */
export async function refreshHistoryAfterChange(store: KeyValueStore, now: Date, projectKeys: readonly string[] = []): Promise<void> {
  const report = await loadDecoratedReport(store, now);
  if (report) await refreshLatestHistory(store, report, projectKeys);
}
