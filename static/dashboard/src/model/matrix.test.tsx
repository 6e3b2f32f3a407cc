import { buildMatrix, siteCells, worstOf } from './matrix';
import { check, project, report } from '../testing/report-fixtures';

describe('overview matrix', () => {
  it('files each result by the group it carries, not by its id', () => {
    // An id that reads like another group's: only the result's own group counts.
    const r = report([project('HR', 'HR Help Desk', false, [check('PARITY-CONFIG', 'warn'), check('SA-LIKE-CHECK', 'fail', { group: 'customers' })])], []);
    expect(buildMatrix(r)[0]!.cells).toEqual({ 'service-account': undefined, moveworks: undefined, customers: 'fail', workflows: 'warn' });
  });

  it('shows the worst status per group, error above warn and never pass when one failed', () => {
    expect(worstOf([check('A', 'pass'), check('B', 'warn'), check('C', 'error')])).toBe('error');
    expect(worstOf([check('A', 'pass'), check('B', 'fail')])).toBe('fail');
    expect(worstOf([])).toBeUndefined();
  });

  it('builds desk rows from the desk\'s own checks and the site row from the site checks', () => {
    const r = report(
      [project('HR', 'HR Help Desk', false, [check('CUST-COVERAGE', 'fail'), check('WF-EXPORT', 'pass')])],
      [check('SA-EXISTS', 'pass'), check('SA-TIMEZONE', 'fail'), check('MW-CONNECTOR', 'manual')],
    );
    const [row] = buildMatrix(r);
    expect(row).toMatchObject({ key: 'HR', ready: false });
    expect(row.cells).toEqual({ 'service-account': undefined, moveworks: undefined, customers: 'fail', workflows: 'pass' });
    expect(siteCells(r)).toEqual({ 'service-account': 'fail', moveworks: 'manual', customers: undefined, workflows: undefined });
  });
});
