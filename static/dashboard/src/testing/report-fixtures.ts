/** Small reports for component tests, built like the engine builds them. */
import type { CheckResult, CheckStatus, ProjectReport, Report, Score } from '../../../../src/shared/report-model';
import { fixtureGroup } from '../../../../src/shared/testing/fixture-groups';

export function score(percent: number | null, passed: number, total: number): Score {
  const counts: Record<CheckStatus, number> = { pass: passed, warn: 0, fail: total - passed, manual: 0, error: 0, not_applicable: 0 };
  return { percent, requiredPassed: passed, requiredTotal: total, counts };
}

export function check(id: string, status: CheckStatus, extra: Partial<CheckResult> = {}): CheckResult {
  return { id, group: fixtureGroup(id), status, severity: 'required', title: `${id} title`, summary: `${id} is ${status}`, remediation: [], ...extra };
}

export function project(key: string, name: string, ready: boolean | null, checks: CheckResult[]): ProjectReport {
  const passed = checks.filter((c) => c.status === 'pass').length;
  return { key, id: `1${key.length}`, name, style: 'company-managed', ready, score: score(Math.round((passed / checks.length) * 100), passed, checks.length), checks };
}

export function report(projects: ProjectReport[], siteChecks: CheckResult[] = [check('SA-EXISTS', 'pass')]): Report {
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-28T10:00:00.000Z',
    site: { baseUrl: 'https://acme.atlassian.net' },
    serviceAccount: null,
    ready: projects.every((p) => p.ready === true) ? true : projects.some((p) => p.ready === false) ? false : null,
    score: score(50, 1, 2),
    checks: siteChecks,
    projects,
  };
}
