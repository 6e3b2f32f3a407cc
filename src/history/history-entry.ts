/**
 * One line of the score trend: what a run looked like, small enough that ninety of
 * them fit in one @forge/kvs value. The check keys let the history view say what
 * regressed or got fixed between two runs without loading the full reports.
 * Gate, score and lists come from the same summary every other surface reads
 * (shared/readiness-summary.ts), so a history row equals the overview or desk page
 * it was taken from.
 */
import type { Report } from '../shared/report-model';
import { deskSummary, siteSummary, type ReadinessSummary } from '../shared/readiness-summary';
import { score as scoreOf } from '../shared/score';
import type { HistoryEntry } from '../shared/resolver-api';

/**
 * Keys kept per list per entry. 200 desks × a dozen failing checks would be ~2,400
 * keys (~70 KiB) in one entry; the counts in `score` stay exact, so a list shorter
 * than `score.counts.fail` (or `.error`) means it was capped.
 */
export const MAX_KEYS_PER_LIST = 120;

/**
 * The history entry of a run, for the whole site or, given `projectKey`, for that
 * desk alone (its own checks, gate and score, as the desk page shows them). An
 * unknown project key yields an entry with a null gate, no score and empty lists
 * rather than throwing: the desk left the scope.
 */
export function toHistoryEntry(runId: string, report: Report, projectKey?: string, maxKeysPerList = MAX_KEYS_PER_LIST): HistoryEntry {
  let summary: Pick<ReadinessSummary, 'ready' | 'score' | 'failing' | 'erroring'>;
  if (projectKey === undefined) summary = siteSummary(report);
  else {
    const project = report.projects.find((p) => p.key === projectKey);
    summary = project ? deskSummary(project) : { ready: null, score: scoreOf([]), failing: [], erroring: [] };
  }
  return {
    runId,
    at: report.generatedAt,
    ready: summary.ready,
    score: summary.score,
    failing: summary.failing.slice(0, maxKeysPerList),
    erroring: summary.erroring.slice(0, maxKeysPerList),
  };
}
