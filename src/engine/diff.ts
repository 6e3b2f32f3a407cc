import type { CheckStatus, Report, ReportDiff } from '../shared/report-model';
import { checkKey, siteScopedChecks } from '../shared/readiness-summary';

/** `${projectKey or 'site'}:${checkId}` → status of every check of the report. */
export function statusesOf(report: Pick<Report, 'checks' | 'projects'>): Map<string, CheckStatus> {
  return new Map(siteScopedChecks(report).map((e) => [checkKey(e.scope, e.check.id), e.check.status]));
}

/** What changed between two sets of statuses (keyed as `statusesOf` keys them). */
export function diffStatuses(before: ReadonlyMap<string, CheckStatus>, after: ReadonlyMap<string, CheckStatus>): ReportDiff {
  const diff: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] };
  for (const [key, now] of after) {
    const was = before.get(key);
    if (now === 'fail') (was === 'fail' ? diff.stillFailing : diff.newlyFailing).push(key);
    else if (now === 'error' && was !== 'error') diff.newlyErroring.push(key);
    else if (now === 'pass' && (was === 'fail' || was === 'error')) diff.fixed.push(key);
  }
  return diff;
}

/**
 * What changed since the previous run. Entries are `${projectKey or 'site'}:${checkId}`.
 * "Fixed" means it was failing or erroring and now passes; a check that disappeared
 * (project left the scope) is neither fixed nor failing.
 */
export function diffReports(previous: Report | null, current: Report): ReportDiff {
  return diffStatuses(previous ? statusesOf(previous) : new Map(), statusesOf(current));
}

export function hasChanges(diff: ReportDiff): boolean {
  return diff.newlyFailing.length + diff.fixed.length + diff.newlyErroring.length > 0;
}
