import { check, project, report } from '../email/testing/report-fixtures';
import { MAX_KEYS_PER_LIST, toHistoryEntry } from './history-entry';

const site = [check({ id: 'SA-EXISTS', status: 'pass' }), check({ id: 'SA-TIMEZONE', status: 'fail' }), check({ id: 'SA-API-TOKEN', status: 'manual' })];
const it = project('IT', [
  check({ id: 'SA-PROJECT-ROLE', status: 'error' }),
  check({ id: 'WF-ANY-TO-IN-PROGRESS', status: 'fail', severity: 'recommended' }),
  check({ id: 'CUST-COVERAGE', status: 'fail' }),
]);
const hr = project('HR', [check({ id: 'SA-PROJECT-ROLE', status: 'pass' })]);

describe('toHistoryEntry', () => {
  const r = report(site, [it, hr]);

  test('site entry carries the run, time, gate, score and failing / erroring keys, required first', () => {
    const entry = toHistoryEntry('run-1', r);
    expect(entry).toEqual({
      runId: 'run-1',
      at: '2026-11-28T09:00:00.000Z',
      ready: false,
      score: r.score,
      failing: ['site:SA-TIMEZONE', 'IT:CUST-COVERAGE', 'IT:WF-ANY-TO-IN-PROGRESS'],
      erroring: ['IT:SA-PROJECT-ROLE'],
    });
    expect(entry.score.counts.fail).toBe(3);
  });

  test('project entry holds that desk alone, with its own gate and score', () => {
    expect(toHistoryEntry('run-1', r, 'HR')).toMatchObject({ ready: true, score: hr.score, failing: [], erroring: [] });
    expect(toHistoryEntry('run-1', r, 'IT')).toMatchObject({ ready: false, failing: ['IT:CUST-COVERAGE', 'IT:WF-ANY-TO-IN-PROGRESS'], erroring: ['IT:SA-PROJECT-ROLE'] });
  });

  test('a desk that left the scope gives an undecided, empty entry instead of throwing', () => {
    const entry = toHistoryEntry('run-1', r, 'GONE');
    expect(entry).toMatchObject({ ready: null, failing: [], erroring: [] });
    expect(entry.score.percent).toBeNull();
  });

  test('lists are capped but the counts stay exact', () => {
    const desks = Array.from({ length: 200 }, (_, i) =>
      project(`D${i}`, [check({ id: 'CUST-COVERAGE', status: 'fail' }), check({ id: 'WF-ANY-TO-RESOLVED', status: 'error' })]),
    );
    const entry = toHistoryEntry('big', report([], desks));
    expect(entry.failing).toHaveLength(MAX_KEYS_PER_LIST);
    expect(entry.erroring).toHaveLength(MAX_KEYS_PER_LIST);
    expect(entry.score.counts.fail).toBe(200);
    expect(entry.score.counts.error).toBe(200);
  });
});
