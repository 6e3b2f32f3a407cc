import type { FixPlan, PlannedChange } from '../fixes/fix';
import type { ChangeResult, FixMeta } from '../shared/fix-model';
import { fixExitCode, reachText, renderFixJson, renderFixText, type FixDocument } from './fix-output';

const META: FixMeta = {
  id: 'add-missing-customers',
  title: 'Add missing customers',
  description: 'Adds end users as customers.',
  resolves: ['CUST-COVERAGE'],
  scope: 'desk',
  permission: 'project-admin',
  scopes: ['manage:servicedesk-customer'],
  itemVerb: 'added',
};

const CHANGE: PlannedChange = {
  id: 'HR:customers:1',
  summary: 'Add 2 users to the customers of HR Help Desk (HR)',
  target: { kind: 'customers', id: '2', name: 'Customers of HR' },
  reach: { projects: [{ key: 'HR', name: 'HR Help Desk' }] },
  items: 2,
  payload: { secret: 'internal' },
};

function doc(plan: Partial<FixPlan> = {}, extra: Partial<FixDocument> = {}): FixDocument {
  return {
    mode: 'plan',
    site: 'https://acme.atlassian.net',
    account: 'Priya Raman (priya@acme.com)',
    sections: [{ fix: META, plan: { fixId: META.id, changes: [CHANGE], blockers: [], ...plan } }],
    ...extra,
  };
}

const refused: ChangeResult = { changeId: CHANGE.id, outcome: 'refused', message: 'You do not have permission to add customers to this service project.', itemsDone: 0, itemsFailed: 2 };
const applied: ChangeResult = { changeId: CHANGE.id, outcome: 'applied', message: '2 added, 0 failed.', itemsDone: 2, itemsFailed: 0 };

describe('fix output', () => {
  it('exit code: 0 only when nothing is left to fix', () => {
    expect(fixExitCode(doc({ changes: [] }))).toBe(0);
    expect(fixExitCode(doc())).toBe(1); // changes planned
    expect(fixExitCode(doc({ changes: [], blockers: [{ reason: 'No group.' }] }))).toBe(1);
    const run = (r: ChangeResult, status: 'pass' | 'fail') =>
      doc({}, { mode: 'apply', rechecked: [{ projectKey: 'HR', checkId: 'CUST-COVERAGE', status, summary: '' }] });
    const ok = run(applied, 'pass');
    ok.sections[0]!.run = { results: [applied], finished: true, line: '2 added, 0 failed' };
    expect(fixExitCode(ok)).toBe(0);
    const stillFailing = run(applied, 'fail');
    stillFailing.sections[0]!.run = { results: [applied], finished: true, line: '' };
    expect(fixExitCode(stillFailing)).toBe(1);
    const refusedRun = run(refused, 'fail');
    refusedRun.sections[0]!.run = { results: [refused], finished: true, line: '' };
    expect(fixExitCode(refusedRun)).toBe(1);
    const stopped = run(applied, 'pass');
    stopped.sections[0]!.run = { results: [], finished: false, stoppedBecause: 'Rate limited.', line: '' };
    expect(fixExitCode(stopped)).toBe(1);
    expect(fixExitCode(doc({}, { mode: 'apply', declined: true }))).toBe(1);
  });

  it('the plan lists each change with its reach (issue types too) and each blocker with who can', () => {
    const text = renderFixText(
      doc({ blockers: [{ reason: 'You do not administer FAC, so you cannot add customers to it.', who: 'an administrator of FAC' }] }),
      { demo: false },
    );
    expect(text).toContain('add-missing-customers: Add missing customers (resolves CUST-COVERAGE)');
    expect(text).toContain('  • Add 2 users to the customers of HR Help Desk (HR)\n      reaches HR (HR Help Desk)');
    expect(text).toContain('  Blocked: You do not administer FAC, so you cannot add customers to it. Who can: an administrator of FAC.');
    expect(text).toContain('Next: run `mw-readiness fix --apply --project HR` with the same site options to make them as Priya Raman (priya@acme.com).');
    expect(reachText({ projects: [{ key: 'HR', name: 'HR' }, { key: 'IT', name: 'IT' }], issueTypes: [{ id: '1', name: 'Incident' }, { id: '2', name: 'Task' }] })).toBe(
      'reaches HR (HR), IT (IT); issue types Incident, Task',
    );
  });

  it('after --apply, each change says what Jira answered; a refusal in Jira\'s words', () => {
    const d = doc({}, { mode: 'apply', rechecked: [{ projectKey: 'HR', checkId: 'CUST-COVERAGE', status: 'fail', summary: '2 of 5 end users are not customers.' }] });
    d.sections[0]!.run = { results: [refused], finished: true, line: '0 added, 2 failed' };
    const text = renderFixText(d, { demo: false });
    expect(text).toContain('refused    Add 2 users to the customers of HR Help Desk (HR): Jira said: You do not have permission to add customers to this service project.');
    expect(text).toContain('Checks after the fixes:\n  FAIL    HR  CUST-COVERAGE  2 of 5 end users are not customers.');
    expect(text).toContain('Summary: 1 change: 0 applied, 0 unchanged, 1 refused; 0 of 1 re-run check passes now.');
  });

  it('JSON leaves out what apply needs internally and carries the exit code', () => {
    const json = JSON.parse(renderFixJson(doc())) as { fixes: { changes: Record<string, unknown>[] }[]; exitCode: number };
    expect(json.fixes[0]!.changes[0]).not.toHaveProperty('payload');
    expect(json.fixes[0]!.changes[0]).toMatchObject({ id: 'HR:customers:1', items: 2 });
    expect(json.exitCode).toBe(1);
  });

  it('keeps control characters from Jira off the terminal', () => {
    const text = renderFixText(doc({ blockers: [{ reason: 'bad\u001b[2Jname\nnext' }] }), { demo: true });
    expect(text).not.toContain('\u001b');
    expect(text).toContain('Blocked: bad[2Jname next');
  });
});
