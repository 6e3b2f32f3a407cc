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

/** After a run: the index names the desks whose summaries the run's finish read. */
export async function writeOverviewIndex(store: KeyValueStore, runId: string, keys: readonly string[]): Promise<void> {
  await store.set<OverviewIndex>(KEYS.overviewIndex, { runId, keys: [...keys] });
}

/**
 * Gives every stored desk a summary, walking the whole reports a page at a time: a page
 * of 100 desks is a few MiB, every desk of a large site at once would not fit one
 * invocation. The storage migration runs it once; a desk stored since gets its summary
 * with its report, so afterwards every stored desk has one.
 */
export async function writeMissingSummaries<P extends { key: string; checks: C[] }, C extends CheckResult>(store: KeyValueStore): Promise<number> {
  const have = new Set((await store.list<P>(KEYS.projectSummaryPrefix)).map((e) => e.key.slice(KEYS.projectSummaryPrefix.length)));
  let written = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listPage<P>(KEYS.projectReportPrefix, cursor);
    for (const { key, value } of page.entries) {
      if (have.has(key.slice(KEYS.projectReportPrefix.length))) continue;
      if (await store.createIfAbsent(KEYS.projectSummary(value.key), summaryOf(value))) written += 1;
    }
    cursor = page.cursor;
  } while (cursor);
  return written;
}

/** Every stored desk's summary, in key order (complete once the migration gave the older desks theirs). */
export async function listSummaries<P extends { key: string }>(store: KeyValueStore): Promise<P[]> {
  return (await store.list<P>(KEYS.projectSummaryPrefix)).map((e) => e.value).sort((a, b) => a.key.localeCompare(b.key));
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
