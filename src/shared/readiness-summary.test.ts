import { check, project, report } from '../email/testing/report-fixtures';
import {
  deskReport,
  deskSummary,
  formatPercent,
  formatScore,
  headlineSummary,
  readinessOf,
  siteChecksSummary,
  siteSummary,
  splitCheckKey,
} from './readiness-summary';
import type { Acknowledgement } from './report-model';

const ack: Acknowledgement = { by: 'hr-admin', at: '2026-11-28T09:00:00.000Z', reason: 'Next sprint', evidenceHash: 'h' };

const site = [check({ id: 'SA-EXISTS', status: 'pass' }), check({ id: 'SA-TIMEZONE', status: 'fail' }), check({ id: 'MW-CONNECTOR', status: 'manual' })];
const hr = project('HR', [
  check({ id: 'SA-PROJECT-ROLE', status: 'fail', acknowledgement: ack }),
  check({ id: 'CUST-COVERAGE', status: 'pass' }),
  check({ id: 'WF-ANY-TO-IN-PROGRESS', status: 'warn', severity: 'recommended' }),
  check({ id: 'WF-ANY-TO-RESOLVED', status: 'error' }),
  check({ id: 'WF-EXPORT', status: 'fail', severity: 'optional' }),
  check({ id: 'WF-REOPEN-UNASSIGNS', status: 'not_applicable' }),
]);
const itsd = project('ITSD', [check({ id: 'SA-PROJECT-ROLE', status: 'pass' }), check({ id: 'CUST-COVERAGE', status: 'pass' })]);
const r = report(site, [hr, itsd]);

describe('formatScore, the one score formatter', () => {
  test.each([
    [60.9, '60.9%'],
    [40, '40%'],
    [100, '100%'],
    [0, '0%'],
    [null, 'Unknown'],
  ])('%s → %s, never rounded again', (percent, text) => expect(formatPercent(percent)).toBe(text));

  test('adds how many required checks pass', () => {
    expect(formatScore({ percent: 60.9, requiredPassed: 14, requiredTotal: 23 })).toBe('60.9% (14 of 23 required checks pass)');
    expect(formatScore({ percent: null, requiredPassed: 0, requiredTotal: 0 })).toBe('Unknown (0 of 0 required checks pass)');
  });
});

describe('siteSummary: every site check and every desk', () => {
  const s = siteSummary(r);

  test('gate and score equal the engine gate and score over all results', () => {
    expect({ ready: s.ready, score: s.score }).toEqual({ ready: r.ready, score: r.score });
    expect(s.score).toMatchObject({ requiredPassed: 4, requiredTotal: 8, percent: 50 });
  });

  test('failing and erroring name scope and check, required first', () => {
    expect(s.failing).toEqual(['site:SA-TIMEZONE', 'HR:SA-PROJECT-ROLE', 'HR:WF-EXPORT']);
    expect(s.erroring).toEqual(['HR:WF-ANY-TO-RESOLVED']);
  });

  test('blocking is what keeps the gate shut; an acknowledgement leaves only "still blocking", never the gate or score', () => {
    const keys = (list: typeof s.blocking) => list.map((b) => `${b.scope}:${b.check.id}`);
    expect(keys(s.blocking)).toEqual(['site:SA-TIMEZONE', 'site:MW-CONNECTOR', 'HR:SA-PROJECT-ROLE', 'HR:WF-ANY-TO-RESOLVED']);
    expect(keys(s.stillBlocking)).toEqual(['site:SA-TIMEZONE', 'site:MW-CONNECTOR', 'HR:WF-ANY-TO-RESOLVED']);
    const unacknowledged = siteSummary(report(site, [project('HR', hr.checks.map(({ acknowledgement: _a, ...c }) => c)), itsd]));
    expect({ ready: unacknowledged.ready, score: unacknowledged.score }).toEqual({ ready: s.ready, score: s.score });
  });

  test('a site whose desks could not be listed is never ready', () => {
    const allPass = report([check({ id: 'SA-EXISTS', status: 'pass' })], [itsd]);
    expect(siteSummary(allPass).ready).toBe(true);
    expect(siteSummary({ ...allPass, projectListingError: { status: 500, message: 'down' } }).ready).toBeNull();
    expect(readinessOf(allPass.checks, { listingFailed: true }).ready).toBeNull();
  });
});

describe('deskSummary: the desk’s own checks, as its page shows them', () => {
  test('the site checks are not mixed in', () => {
    const d = deskSummary(hr);
    expect(d.score).toEqual(hr.score);
    expect(d.score).toMatchObject({ requiredPassed: 1, requiredTotal: 3 });
    expect(d.ready).toBe(false);
    expect(d.failing).toEqual(['HR:SA-PROJECT-ROLE', 'HR:WF-EXPORT']);
  });

  test('the site checks alone', () => {
    expect(siteChecksSummary(r)).toMatchObject({ ready: false, score: { requiredPassed: 1, requiredTotal: 3 }, failing: ['site:SA-TIMEZONE'] });
  });
});

describe('deskReport: a desk’s export', () => {
  const desk = deskReport(r, 'HR')!;

  test('leads with the desk’s own gate and score, with the site checks’ state beside it', () => {
    expect(desk.scope).toEqual({ projectKey: 'HR' });
    expect({ ready: desk.ready, score: desk.score }).toEqual({ ready: hr.ready, score: hr.score });
    expect(desk.siteChecksReadiness).toEqual({ ready: false, score: siteChecksSummary(r).score });
    expect(desk.projects.map((p) => p.key)).toEqual(['HR']);
    expect(desk.checks).toEqual(r.checks);
  });

  test('headlineSummary reads the desk on a desk’s report and the site otherwise', () => {
    expect(headlineSummary(desk).score).toEqual(hr.score);
    expect(headlineSummary(r).score).toEqual(r.score);
  });

  test('no result for the desk: null', () => expect(deskReport(r, 'GONE')).toBeNull());
});

test('splitCheckKey reads the keys history and the diff use', () => {
  expect(splitCheckKey('HR:CUST-COVERAGE')).toEqual({ scope: 'HR', checkId: 'CUST-COVERAGE' });
  expect(splitCheckKey('site:SA-EXISTS')).toEqual({ scope: 'site', checkId: 'SA-EXISTS' });
  expect(splitCheckKey('SA-EXISTS')).toEqual({ scope: 'site', checkId: 'SA-EXISTS' });
});
