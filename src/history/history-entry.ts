/**
 * One line of the score trend: what a run looked like, small enough that ninety of
 * them fit in one @forge/kvs value. The check keys let the history view say what
 * regressed or got fixed between two runs without loading the full reports.
 */
import type { CheckResult, Report, Score } from '../engine/types';
import { score as scoreOf } from '../engine/score';
import type { HistoryEntry } from '../shared/resolver-api';

/**
 * Keys kept per list per entry. 200 desks × a dozen failing checks would be ~2,400
 * keys (~70 KiB) in one entry; the counts in `score` stay exact, so a list shorter
 * than `score.counts.fail` (or `.error`) means it was capped.
 */
export const MAX_KEYS_PER_LIST = 120;

/** `${projectKey or 'site'}:${checkId}`, the same key `diffReports` uses. */
export function checkKey(scopeKey: string, checkId: string): string {
  return `${scopeKey}:${checkId}`;
}

function keysWithStatus(entries: { scope: string; check: CheckResult }[], status: 'fail' | 'error'): string[] {
  return entries.filter((e) => e.check.status === status).map((e) => checkKey(e.scope, e.check.id));
}

/** Required ones first, so a capped list still names what blocks the gate. */
function requiredFirst(entries: { scope: string; check: CheckResult }[]) {
  const required = entries.filter((e) => e.check.severity === 'required');
  const other = entries.filter((e) => e.check.severity !== 'required');
  return [...required, ...other];
}

/**
 * The history entry of a run, for the whole site or, given `projectKey`, for that
 * desk alone (its own checks, gate and score, as the project view shows them). An
 * unknown project key yields an entry with a null gate, no score and empty lists
 * rather than throwing: the desk left the scope.
 */
export function toHistoryEntry(runId: string, report: Report, projectKey?: string, maxKeysPerList = MAX_KEYS_PER_LIST): HistoryEntry {
  let entries: { scope: string; check: CheckResult }[];
  let ready: boolean | null;
  let score: Score;
  if (projectKey === undefined) {
    entries = [
      ...report.checks.map((check) => ({ scope: 'site', check })),
      ...report.projects.flatMap((p) => p.checks.map((check) => ({ scope: p.key, check }))),
    ];
    ready = report.ready;
    score = report.score;
  } else {
    const project = report.projects.find((p) => p.key === projectKey);
    entries = project ? project.checks.map((check) => ({ scope: project.key, check })) : [];
    ready = project ? project.ready : null;
    score = project ? project.score : scoreOf([]);
  }
  const ordered = requiredFirst(entries);
  return {
    runId,
    at: report.generatedAt,
    ready,
    score,
    failing: keysWithStatus(ordered, 'fail').slice(0, maxKeysPerList),
    erroring: keysWithStatus(ordered, 'error').slice(0, maxKeysPerList),
  };
}
