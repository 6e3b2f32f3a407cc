import type { CheckResult, CheckStatus, Score } from './report-model';

const EMPTY_COUNTS = (): Record<CheckStatus, number> => ({ pass: 0, warn: 0, fail: 0, manual: 0, error: 0, not_applicable: 0 });

/**
 * Share of required checks that pass. Not-applicable ones do not count; manual ones
 * count as passed only once attested (the engine has already turned those into `pass`).
 */
export function score(results: readonly CheckResult[]): Score {
  const counts = EMPTY_COUNTS();
  let requiredTotal = 0;
  let requiredPassed = 0;
  for (const r of results) {
    counts[r.status] += 1;
    if (r.severity !== 'required' || r.status === 'not_applicable') continue;
    requiredTotal += 1;
    if (r.status === 'pass') requiredPassed += 1;
  }
  return {
    percent: requiredTotal === 0 ? null : Math.round((requiredPassed / requiredTotal) * 1000) / 10,
    requiredPassed,
    requiredTotal,
    counts,
  };
}

/**
 * The readiness gate: false when a required check fails or a required manual check
 * is not attested; null when none of those holds but a required check errored; else true.
 */
export function gate(results: readonly CheckResult[]): boolean | null {
  const required = results.filter((r) => r.severity === 'required');
  if (required.some((r) => r.status === 'fail' || r.status === 'manual')) return false;
  if (required.some((r) => r.status === 'error')) return null;
  return true;
}
