import { diffReports, hasChanges } from './diff';
import type { CheckStatus, Report } from '../shared/report-model';
import { fixtureGroup } from '../shared/testing/fixture-groups';

function report(site: Record<string, CheckStatus>, projects: Record<string, Record<string, CheckStatus>>): Report {
  const checks = (m: Record<string, CheckStatus>) =>
    Object.entries(m).map(([id, status]) => ({ id, group: fixtureGroup(id), status, severity: 'required' as const, title: id, summary: id, remediation: [] }));
  const sc = { percent: null, requiredPassed: 0, requiredTotal: 0, counts: { pass: 0, warn: 0, fail: 0, manual: 0, error: 0, not_applicable: 0 } };
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-28T00:00:00Z',
    site: { baseUrl: 'https://x' },
    serviceAccount: null,
    ready: null,
    score: sc,
    checks: checks(site),
    projects: Object.entries(projects).map(([key, m]) => ({ key, id: key, name: key, style: 'company-managed' as const, ready: null, score: sc, checks: checks(m) })),
  };
}

describe('diffReports', () => {
  it('sorts changes into newly failing, fixed, still failing and newly erroring', () => {
    const before = report({ 'SA-EXISTS': 'pass', 'SA-TIMEZONE': 'fail' }, { HR: { 'CUST-COVERAGE': 'fail', 'WF-EXPORT': 'pass', 'SA-PROJECT-ROLE': 'error' } });
    const after = report({ 'SA-EXISTS': 'fail', 'SA-TIMEZONE': 'fail' }, { HR: { 'CUST-COVERAGE': 'pass', 'WF-EXPORT': 'error', 'SA-PROJECT-ROLE': 'pass' } });
    expect(diffReports(before, after)).toEqual({
      newlyFailing: ['site:SA-EXISTS'],
      fixed: ['HR:CUST-COVERAGE', 'HR:SA-PROJECT-ROLE'],
      stillFailing: ['site:SA-TIMEZONE'],
      newlyErroring: ['HR:WF-EXPORT'],
    });
  });
  it('treats everything failing as new on the first run', () => {
    const d = diffReports(null, report({ 'SA-EXISTS': 'fail' }, {}));
    expect(d.newlyFailing).toEqual(['site:SA-EXISTS']);
    expect(hasChanges(d)).toBe(true);
  });
  it('reports no change when nothing moved', () => {
    const r = report({ 'SA-EXISTS': 'fail' }, { IT: { 'WF-EXPORT': 'pass' } });
    expect(hasChanges(diffReports(r, r))).toBe(false);
  });
});
