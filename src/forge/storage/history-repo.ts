/**
 * Run history, built on the shared history helpers (src/history): one bounded list
 * for the site (appended when a run finishes) and one per project (appended when
 * that project's job finishes, so concurrent jobs never write the same value).
 * For an exact "what changed", the per-check statuses of the last two runs are
 * kept beside them and compared with the engine's diffReports.
 */
import type { CheckStatus, Report } from '../../engine/types';
import { diffReports } from '../../engine/diff';
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

function statusesOf(report: Report): Record<string, CheckStatus> {
  const statuses: Record<string, CheckStatus> = {};
  for (const c of report.checks) statuses[`site:${c.id}`] = c.status;
  for (const p of report.projects) for (const c of p.checks) statuses[`${p.key}:${c.id}`] = c.status;
  return statuses;
}

/** Appending the same run twice replaces it (appendBounded), so a repeated completion does not count twice. */
export async function appendSiteHistory(store: KeyValueStore, report: Report, runId: string): Promise<void> {
  const list = (await store.get<HistoryEntry[]>(SITE_KEY)) ?? [];
  await store.set(SITE_KEY, appendBounded(list, toHistoryEntry(runId, report)));
  const last = (await store.get<LastTwo>(STATUSES_KEY)) ?? {};
  const current = { runId, statuses: statusesOf(report) };
  const next: LastTwo = last.current && last.current.runId !== runId ? { previous: last.current, current } : { previous: last.previous, current };
  await store.set(STATUSES_KEY, next);
}

export async function appendProjectHistory(store: KeyValueStore, report: Report, projectKey: string, runId: string): Promise<void> {
  const list = (await store.get<HistoryEntry[]>(projectKeyOf(projectKey))) ?? [];
  await store.set(projectKeyOf(projectKey), appendBounded(list, toHistoryEntry(runId, report, projectKey)));
}

/** Newest first. */
export async function listHistory(store: KeyValueStore, projectKey?: string): Promise<HistoryEntry[]> {
  const list = (await store.get<HistoryEntry[]>(projectKey ? projectKeyOf(projectKey) : SITE_KEY)) ?? [];
  return [...list].reverse();
}

function asReport(run: RunStatuses): Report {
  const site: { id: string; status: CheckStatus }[] = [];
  const projects = new Map<string, { id: string; status: CheckStatus }[]>();
  for (const [key, status] of Object.entries(run.statuses)) {
    const i = key.indexOf(':');
    const scope = key.slice(0, i);
    const check = { id: key.slice(i + 1), status };
    if (scope === 'site') site.push(check);
    else projects.set(scope, [...(projects.get(scope) ?? []), check]);
  }
  return { checks: site, projects: [...projects].map(([key, checks]) => ({ key, checks })) } as unknown as Report;
}

/** What changed between the last two finished runs (narrowed to one project when given); null before two runs. */
export async function lastDiff(store: KeyValueStore, projectKey?: string): Promise<ReportDiff | null> {
  const last = await store.get<LastTwo>(STATUSES_KEY);
  if (!last?.previous || !last.current) return null;
  const diff = diffReports(asReport(last.previous), asReport(last.current));
  if (!projectKey) return diff;
  const mine = (k: string) => k.startsWith(`${projectKey}:`);
  return { newlyFailing: diff.newlyFailing.filter(mine), fixed: diff.fixed.filter(mine), stillFailing: diff.stillFailing.filter(mine), newlyErroring: diff.newlyErroring.filter(mine) };
}
