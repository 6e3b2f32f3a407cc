/**
 * What the overview reads: each desk's stored report without its evidence and without
 * the words of the checks that need nothing done (a few KiB instead of tens), kept as
 * its own value beside the whole one. On a site with 1,000 desks the overview then
 * reads 1,000 small values instead of 1,000 large ones, and sends a few MiB instead of
 * tens. Statuses, severities and evidence fingerprints stay, so the gate, score and
 * decisions computed from a summary are the whole report's.
 *
 * A summary is written wherever a desk's report is (report-repo.ts) and dropped with
 * it. Desks stored before summaries existed have none, so the overview trusts the
 * summaries only once a finished run has written the index: the desks it stored, each
 * given a summary. A desk the index names without a summary is read whole; a desk
 * stored after the index (a run under way) brings its own summary.
 */
import type { CheckResult } from '../../shared/report-model';
import { isBlocking } from '../../shared/readiness-summary';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

/** A result needs words on the overview when something is to be done about it. */
export function needsWords(check: Pick<CheckResult, 'status' | 'severity'>): boolean {
  return isBlocking(check as CheckResult) || check.status === 'fail' || check.status === 'warn' || check.status === 'error';
}

/** A result as the overview shows it: no evidence; title, summary and first step only when something is to be done. */
export function compactCheck<C extends CheckResult>(check: C): C {
  const { evidence: _e, remediation, summary, title, ...rest } = check;
  return (needsWords(check) ? { ...rest, title, summary, remediation: remediation.slice(0, 1) } : { ...rest, title: '', summary: '', remediation: [] }) as C;
}

export function summaryOf<P extends { checks: C[] }, C extends CheckResult>(project: P): P {
  return { ...project, checks: project.checks.map(compactCheck) };
}

export interface OverviewIndex {
  runId: string;
  keys: string[];
}

/** After a run: every stored desk gets a summary (those stored before summaries existed too), then the index names them. */
export async function writeOverviewIndex<P extends { key: string; checks: C[] }, C extends CheckResult>(store: KeyValueStore, runId: string, projects: readonly P[]): Promise<void> {
  const have = new Set((await store.list<P>(KEYS.projectSummaryPrefix)).map((e) => e.key.slice(KEYS.projectSummaryPrefix.length)));
  for (const p of projects) if (!have.has(p.key)) await store.createIfAbsent(KEYS.projectSummary(p.key), summaryOf(p));
  await store.set<OverviewIndex>(KEYS.overviewIndex, { runId, keys: projects.map((p) => p.key) });
}

/**
 * The desks as the overview reads them: their summaries, with any desk the index names
 * but has no summary for read whole; every stored desk read whole before the first index.
 */
export async function loadSummaries<P extends { key: string }>(store: KeyValueStore, loadWhole: () => Promise<P[]>, loadOne: (key: string) => Promise<P | undefined>): Promise<P[]> {
  const index = await store.get<OverviewIndex>(KEYS.overviewIndex);
  if (!index) return loadWhole();
  const summaries = (await store.list<P>(KEYS.projectSummaryPrefix)).map((e) => e.value);
  const have = new Set(summaries.map((p) => p.key));
  const missing: (P | undefined)[] = await Promise.all(index.keys.filter((k) => !have.has(k)).map(loadOne));
  const read: P[] = [];
  for (const p of missing) if (p !== undefined) read.push(p);
  return [...summaries, ...read].sort((a, b) => a.key.localeCompare(b.key));
}
