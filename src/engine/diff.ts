import type { CheckStatus, Report, ReportDiff } from './types';

function statuses(report: Report): Map<string, CheckStatus> {
  const map = new Map<string, CheckStatus>();
  for (const c of report.checks) map.set(`site:${c.id}`, c.status);
  for (const p of report.projects) for (const c of p.checks) map.set(`${p.key}:${c.id}`, c.status);
  return map;
}

/**
 * What changed since the previous run. Entries are `${projectKey or 'site'}:${checkId}`.
 * "Fixed" means it was failing or erroring and now passes; a check that disappeared
 * (project left the scope) is neither fixed nor failing.
 */
export function diffReports(previous: Report | null, current: Report): ReportDiff {
  const before = previous ? statuses(previous) : new Map<string, CheckStatus>();
  const after = statuses(current);
  const diff: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] };
  for (const [key, now] of after) {
    const was = before.get(key);
    if (now === 'fail') (was === 'fail' ? diff.stillFailing : diff.newlyFailing).push(key);
    else if (now === 'error' && was !== 'error') diff.newlyErroring.push(key);
    else if (now === 'pass' && (was === 'fail' || was === 'error')) diff.fixed.push(key);
  }
  return diff;
}

export function hasChanges(diff: ReportDiff): boolean {
  return diff.newlyFailing.length + diff.fixed.length + diff.newlyErroring.length > 0;
}
