/**
 * Run history, built on the shared history helpers (src/history): one bounded list
 * for the site (appended when a run finishes) and one per project (appended when
 * that project's job finishes, so concurrent jobs never write the same value).
 * For an exact "what changed", the per-check statuses of the last two runs are
 * kept beside them and compared with the engine's diff.
 *
 * A decision (attestation, acknowledgement) or a fix's re-check changes the stored
 * report without a new run; `refreshLatestHistory` then rewrites the newest entries
 * and the newest statuses from the report as it now reads, under the same run, so
 * History and the e-mail's "what changed" never lag behind the overview.
 */
import type { CheckStatus, Report } from '../../shared/report-model';
import { diffStatuses, statusesOf } from '../../engine/diff';
import { appendBounded } from '../../history/bounded-history';
import { toHistoryEntry } from '../../history/history-entry';
import type { HistoryEntry, ReportDiff } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

interface RunStatuses {
  runId: string;
  /** `${projectKey or 'site'}:${checkId}` → status. */
  statuses: Record<string, CheckStatus>;
}

interface LastTwo {
  previous?: RunStatuses;
  current?: RunStatuses;
}

const STATUSES_KEY = `${KEYS.historyPrefix}statuses`;
const SITE_KEY = `${KEYS.historyPrefix}site`;
const projectKeyOf = (projectKey: string) => `${KEYS.historyPrefix}project:${projectKey}`;

const statusRecord = (report: Report): Record<string, CheckStatus> => Object.fromEntries(statusesOf(report));

/** Appending the same run twice replaces it (appendBounded), so a repeated completion does not count twice. */
export async function appendSiteHistory(store: KeyValueStore, report: Report, runId: string): Promise<void> {
  const list = (await store.get<HistoryEntry[]>(SITE_KEY)) ?? [];
  await store.set(SITE_KEY, appendBounded(list, toHistoryEntry(runId, report)));
  const last = (await store.get<LastTwo>(STATUSES_KEY)) ?? {};
  const current = { runId, statuses: statusRecord(report) };
  const next: LastTwo = last.current && last.current.runId !== runId ? { previous: last.current, current } : { previous: last.previous, current };
  await store.set(STATUSES_KEY, next);
}

export async function appendProjectHistory(store: KeyValueStore, report: Report, projectKey: string, runId: string): Promise<void> {
  const list = (await store.get<HistoryEntry[]>(projectKeyOf(projectKey))) ?? [];
  await store.set(projectKeyOf(projectKey), appendBounded(list, toHistoryEntry(runId, report, projectKey)));
}

/** The newest entry of a list rewritten from `report` under its own run and time; nothing when the list is empty. */
async function refreshNewest(store: KeyValueStore, key: string, entryOf: (runId: string) => HistoryEntry): Promise<void> {
  const list = (await store.get<HistoryEntry[]>(key)) ?? [];
  if (list.length === 0) return;
  const newest = list[list.length - 1];
  await store.set(key, appendBounded(list, { ...entryOf(newest.runId), at: newest.at }));
}

/**
 * After the stored report changed without a run (a decision, a fix's re-check):
 * the newest site entry, the newest entry of each desk named, and the newest
 * statuses the diff compares, all from `report` (the decorated report as it now
 * reads). Before the first finished run there is nothing to refresh.
 */
export async function refreshLatestHistory(store: KeyValueStore, report: Report, projectKeys: readonly string[] = []): Promise<void> {
  await refreshNewest(store, SITE_KEY, (runId) => toHistoryEntry(runId, report));
  for (const projectKey of projectKeys) {
    if (report.projects.some((p) => p.key === projectKey)) await refreshNewest(store, projectKeyOf(projectKey), (runId) => toHistoryEntry(runId, report, projectKey));
  }
  const last = await store.get<LastTwo>(STATUSES_KEY);
  if (last?.current) await store.set(STATUSES_KEY, { ...last, current: { runId: last.current.runId, statuses: statusRecord(report) } });
}

/** Newest first. */
export async function listHistory(store: KeyValueStore, projectKey?: string): Promise<HistoryEntry[]> {
  const list = (await store.get<HistoryEntry[]>(projectKey ? projectKeyOf(projectKey) : SITE_KEY)) ?? [];
  return [...list].reverse();
}

const asMap = (run: RunStatuses) => new Map(Object.entries(run.statuses));

/** What changed between the last two finished runs (narrowed to one project when given); null before two runs. */
export async function lastDiff(store: KeyValueStore, projectKey?: string): Promise<ReportDiff | null> {
  const last = await store.get<LastTwo>(STATUSES_KEY);
  if (!last?.previous || !last.current) return null;
  const diff = diffStatuses(asMap(last.previous), asMap(last.current));
  if (!projectKey) return diff;
  const mine = (k: string) => k.startsWith(`${projectKey}:`);
  return { newlyFailing: diff.newlyFailing.filter(mine), fixed: diff.fixed.filter(mine), stillFailing: diff.stillFailing.filter(mine), newlyErroring: diff.newlyErroring.filter(mine) };
}
