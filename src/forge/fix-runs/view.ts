/** A fix run as the page and History show it: progress, the summary line and the recorded changes. */
import { findFix } from '../../fixes/registry';
import { summariseResults } from '../../fixes/runner';
import type { ChangeRecord, FixRunView } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { listChangeRecords, listFixRuns, type FixRunRecord } from '../storage/fix-run-repo';

/** Changes listed per run; the summary counts them all. */
export const CHANGES_SHOWN = 500;

export async function fixRunView(store: KeyValueStore, run: FixRunRecord, options: { projectKey?: string } = {}): Promise<FixRunView> {
  const fix = findFix(run.fixId);
  const meta = fix?.meta ?? { id: run.fixId, title: run.fixId, description: '', resolves: [], scope: 'desk' as const, permission: 'site-admin' as const, scopes: [] };
  // While a run is under way the page polls it: its progress counts say enough, without reading every result.
  if (run.state === 'running') return view(run, meta.title, `${run.progress.itemsDone} ${meta.itemVerb ?? 'changed'}, ${run.progress.itemsFailed} failed`, [], run.progress.changesDone, options);
  const all = await listChangeRecords(store, run.runId);
  const records = options.projectKey ? all.filter((r) => r.projects.includes(options.projectKey!)) : all;
  return view(run, meta.title, summariseResults({ meta }, records.map((r) => r.result)).line, records, records.length, options);
}

function view(run: FixRunRecord, title: string, summary: string, records: ChangeRecord[], recorded: number, options: { projectKey?: string }): FixRunView {
  const blockers = run.batches.flatMap((b) => b.planned?.blockers ?? []);
  return {
    runId: run.runId,
    fixId: run.fixId,
    title,
    ...(run.projectKey ? { projectKey: run.projectKey } : {}),
    desks: run.desks,
    by: run.by,
    ...(run.byName ? { byName: run.byName } : {}),
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    state: run.state,
    background: run.background,
    progress: run.progress,
    summary,
    changes: records.slice(0, CHANGES_SHOWN),
    changesRecorded: recorded,
    blockers,
    ...(run.message ? { message: run.message } : {}),
    rechecked: options.projectKey ? run.rechecked.filter((r) => r.projectKey === options.projectKey || r.projectKey === null) : run.rechecked,
  };
}

/**
 * History's "Changes made by the app": the kept fix runs, newest first, that changed
 * or tried to change something (on a desk's page, only those that reached the desk).
 */
export async function changesMade(store: KeyValueStore, projectKey?: string): Promise<FixRunView[]> {
  const runs = (await listFixRuns(store)).filter((r) => !projectKey || r.desks.includes(projectKey));
  const views = await Promise.all(runs.map((r) => fixRunView(store, r, projectKey ? { projectKey } : {})));
  return views.filter((v) => v.changesRecorded > 0 || v.state === 'failed');
}
