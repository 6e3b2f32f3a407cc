import { buildMatrix, groupOf, worstOf } from './matrix';
import { check, project, report } from '../testing/report-fixtures';

describe('overview matrix', () => {
  it('assigns every catalogue prefix to its requirement group', () => {
    expect(groupOf('SA-PROJECT-ROLE')).toBe('service-account');
    expect(groupOf('MW-CONNECTOR')).toBe('moveworks');
    expect(groupOf('CUST-COVERAGE')).toBe('customers');
    expect(groupOf('WF-EXPORT')).toBe('workflows');
    expect(groupOf('XYZ')).toBeUndefined();
  });

  it('shows the worst status per group, error above warn and never pass when one failed', () => {
    expect(worstOf([check('A', 'pass'), check('B', 'warn'), check('C', 'error')])).toBe('error');
    expect(worstOf([check('A', 'pass'), check('B', 'fail')])).toBe('fail');
    expect(worstOf([])).toBeUndefined();
  });

  it('folds the site checks into each desk row, since a desk is only ready when the site is', () => {
    const r = report(
      [project('HR', 'HR Help Desk', false, [check('CUST-COVERAGE', 'fail'), check('WF-EXPORT', 'pass')])],
      [check('SA-EXISTS', 'pass'), check('SA-TIMEZONE', 'fail'), check('MW-CONNECTOR', 'manual')],
    );
    const [row] = buildMatrix(r);
    expect(row).toMatchObject({ key: 'HR', ready: false });
    expect(row.cells).toEqual({ 'service-account': 'fail', moveworks: 'manual', customers: 'fail', workflows: 'pass' });
  });
});
