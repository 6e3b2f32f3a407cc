import { FIXES } from '../fixes/registry';
import { sampleReport } from '../report/testing/sample-report';
import { project as buildProject, site as buildSite } from '../requirements/testing/snapshot-builder';
import { artifactsFor, desksNeeding, selectFixes, worthShowing } from './fix-scope';
import { UsageError } from './usage-error';

describe('fix scope', () => {
  it('selects every fix by default, the named ones in registry order, and refuses an unknown id naming the fixes', () => {
    expect(selectFixes([])).toEqual([...FIXES]);
    expect(selectFixes(['add-missing-customers']).map((f) => f.meta.id)).toEqual(['add-missing-customers']);
    expect(() => selectFixes(['nope'])).toThrow(UsageError);
    expect(() => selectFixes(['nope'])).toThrow(/^Unknown fix "nope"; the fixes are add-to-service-desk-team, add-missing-customers/);
  });

  it('plans a desk fix only where a check it resolves does not pass', () => {
    const report = sampleReport(); // IT: CUST-COVERAGE fails, SA-PROJECT-ROLE passes; HR: SA-PROJECT-ROLE passes
    const snapshot = buildSite({ projects: [buildProject({ key: 'IT' }), buildProject({ key: 'HR' })] });
    const customers = selectFixes(['add-missing-customers'])[0]!;
    const role = selectFixes(['add-to-service-desk-team'])[0]!;
    expect(desksNeeding(customers, report, snapshot).map((p) => p.key)).toEqual(['IT']);
    expect(desksNeeding(role, report, snapshot)).toEqual([]);
  });

  it('reads what the plans and the checks they resolve need', () => {
    const kinds = artifactsFor(selectFixes(['add-missing-customers']));
    expect(kinds).toEqual(expect.arrayContaining(['customers', 'endUserGroups', 'organizations']));
    expect(kinds).not.toContain('workflows');
  });

  it('shows a fix with changes or blockers, or any fix named by --fix', () => {
    const empty = { fixId: 'x', changes: [], blockers: [] };
    expect(worthShowing(empty, false)).toBe(false);
    expect(worthShowing(empty, true)).toBe(true);
    expect(worthShowing({ ...empty, blockers: [{ reason: 'r' }] }, false)).toBe(true);
  });
});
