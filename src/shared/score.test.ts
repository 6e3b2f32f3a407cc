import { gate, score } from './score';
import type { CheckResult, CheckStatus, Severity } from './report-model';

const r = (status: CheckStatus, severity: Severity = 'required'): CheckResult => ({
  id: 'X-Y',
  group: 'workflows',
  status,
  severity,
  title: 't',
  summary: 's',
  remediation: [],
});

describe('score', () => {
  it('is the share of required checks that pass, ignoring not-applicable ones', () => {
    const s = score([r('pass'), r('pass'), r('fail'), r('not_applicable'), r('warn', 'recommended')]);
    expect(s).toMatchObject({ requiredPassed: 2, requiredTotal: 3, percent: 66.7 });
    expect(s.counts).toEqual({ pass: 2, fail: 1, warn: 1, not_applicable: 1, manual: 0, error: 0 });
  });
  it('counts an unattested manual check and an error as not passed', () => {
    expect(score([r('manual'), r('error'), r('pass')])).toMatchObject({ requiredPassed: 1, requiredTotal: 3 });
  });
  it('has no percent when nothing required applies', () => {
    expect(score([r('not_applicable'), r('warn', 'optional')]).percent).toBeNull();
  });
});

describe('gate', () => {
  const cases: [string, CheckStatus[], boolean | null][] = [
    ['all required pass', ['pass', 'pass'], true],
    ['a required check fails', ['pass', 'fail', 'error'], false],
    ['a required manual check is not attested', ['pass', 'manual'], false],
    ['none fails but one errored', ['pass', 'error'], null],
    ['only not-applicable', ['not_applicable'], true],
  ];
  it.each(cases)('%s', (_name, statuses, expected) => {
    expect(gate(statuses.map((s) => r(s)))).toBe(expected);
  });
  it('ignores recommended and optional checks', () => {
    expect(gate([r('pass'), r('warn', 'recommended'), r('error', 'optional')])).toBe(true);
  });
});
