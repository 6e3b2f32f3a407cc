import { nextSteps, whoCanFix } from './next-steps';
import type { CheckResult, CheckStatus, ProjectReport, Report } from './report-model';
import { fixtureGroup } from './testing/fixture-groups';
import { siteSummary } from './readiness-summary';

const counts = { pass: 0, warn: 0, fail: 0, manual: 0, error: 0, not_applicable: 0 };
const score = { percent: null, requiredPassed: 0, requiredTotal: 0, counts };

function check(id: string, status: CheckStatus, extra: Partial<CheckResult> = {}): CheckResult {
  return { id, group: fixtureGroup(id), status, severity: 'required', title: `${id} title`, summary: `${id} ${status}`, remediation: [{ text: `Fix ${id}`, url: 'https://example.test' }], ...extra };
}

function desk(key: string, checks: CheckResult[], style: ProjectReport['style'] = 'company-managed'): ProjectReport {
  return { key, id: key, name: `${key} desk`, style, ready: null, score, checks };
}

function report(site: CheckResult[], projects: ProjectReport[]): Report {
  return { schemaVersion: 1, generatedAt: '2026-11-30T09:00:00.000Z', site: { baseUrl: 'https://acme.atlassian.net' }, serviceAccount: null, ready: null, score, checks: site, projects };
}

describe('nextSteps', () => {
  it('lists the site steps first, then each blocking desk check once with every desk it blocks, in catalogue order', () => {
    const r = report(
      [check('SA-EXISTS', 'pass'), check('MW-CONNECTOR', 'manual')],
      [
        desk('HR', [check('SA-PROJECT-ROLE', 'pass'), check('CUST-COVERAGE', 'pass'), check('WF-ANY-TO-RESOLVED', 'fail')]),
        desk('FAC', [check('SA-PROJECT-ROLE', 'fail'), check('CUST-COVERAGE', 'error'), check('WF-ANY-TO-RESOLVED', 'fail')], 'team-managed'),
        desk('IT', [check('SA-PROJECT-ROLE', 'pass'), check('CUST-COVERAGE', 'fail', { acknowledgement: { by: 'a', at: 'x', reason: 'later', evidenceHash: 'h' } })]),
      ],
    );
    const steps = nextSteps(r);
    expect(steps.map((s) => `${s.scope}:${s.checkId}`)).toEqual(['site:MW-CONNECTOR', 'desk:SA-PROJECT-ROLE', 'desk:CUST-COVERAGE', 'desk:WF-ANY-TO-RESOLVED']);
    expect(steps[0]).toMatchObject({ who: ['moveworks-setup'], desks: [], firstStep: { text: 'Fix MW-CONNECTOR' } });
    expect(steps[2].desks).toEqual([
      { key: 'FAC', name: 'FAC desk', acknowledged: false },
      { key: 'IT', name: 'IT desk', acknowledged: true },
    ]);
    expect(steps[2].status).toBe('fail');
    // A company-managed workflow is a Jira admin's; a team-managed one is the project's.
    expect(steps[3].who).toEqual(['site-admin', 'project-admin']);
  });

  it('counts exactly the blocking checks the gate counts (warnings and optional checks are not steps)', () => {
    const r = report(
      [check('SA-TIMEZONE', 'warn'), check('SA-API-TOKEN', 'fail', { severity: 'recommended' })],
      [desk('HR', [check('CUST-COVERAGE', 'fail'), check('WF-EXPORT', 'fail', { severity: 'optional' })]), desk('IT', [check('CUST-COVERAGE', 'fail')])],
    );
    const steps = nextSteps(r);
    expect(steps.reduce((n, s) => n + Math.max(1, s.desks.length), 0)).toBe(siteSummary(r).blocking.length);
    expect(steps.map((s) => s.checkId)).toEqual(['CUST-COVERAGE']);
  });

  it('names who can fix each kind of check', () => {
    expect(whoCanFix(check('SA-EXISTS', 'fail'))).toBe('site-admin');
    expect(whoCanFix(check('MW-MARKETPLACE-APP', 'manual'))).toBe('site-admin');
    expect(whoCanFix(check('MW-ACCOUNTID-SETTING', 'manual'))).toBe('moveworks-setup');
    expect(whoCanFix(check('SA-PROJECT-ROLE', 'fail'))).toBe('project-admin');
    expect(whoCanFix(check('CUST-COVERAGE', 'fail'))).toBe('project-admin');
  });
});
