/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CheckCard } from './CheckCard';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check } from '../testing/report-fixtures';
import type { FixInfo, FixPreview, FixRunView } from '../../../../src/shared/resolver-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WHY_SECTION, docBlocks, sectionsOf } from '../../../../src/requirements/check-docs';

function renderCard(client: ReturnType<typeof fakeClient>, c = check('CUST-COVERAGE', 'fail'), projectKey: string | undefined = 'HR', fixes: FixInfo[] = []) {
  const onChanged = jest.fn();
  render(
    <ResolverClientProvider client={client}>
      <CheckCard check={c} projectKey={projectKey} onChanged={onChanged} fixes={fixes} />
    </ResolverClientProvider>,
  );
  return onChanged;
}

const CUSTOMERS_FIX: FixInfo = {
  id: 'add-missing-customers',
  title: 'Add missing customers',
  description: 'Adds every end user who is not yet a customer.',
  resolves: ['CUST-COVERAGE'],
  scope: 'desk',
  permission: 'project-admin',
  scopes: ['manage:servicedesk-customer'],
  itemVerb: 'added',
};

const PREVIEW: FixPreview = {
  fix: CUSTOMERS_FIX,
  projectKey: 'HR',
  desks: ['HR'],
  summary: "Add 2 users to HR Help Desk's customers",
  changes: [{ id: 'HR:customers:1', summary: 'Add 2 users to the customers of HR Help Desk (HR)', target: { kind: 'customers', id: '2', name: 'Customers of HR' }, reach: { projects: [{ key: 'HR', name: 'HR Help Desk' }] }, items: 2 }],
  changesTotal: 1,
  itemsTotal: 2,
  blockers: [],
  notPreviewed: [],
  background: false,
};

function runView(overrides: Partial<FixRunView> = {}): FixRunView {
  return {
    runId: 'fix-1',
    fixId: 'add-missing-customers',
    title: 'Add missing customers',
    projectKey: 'HR',
    desks: ['HR'],
    by: 'me',
    startedAt: '2026-11-28T10:00:00Z',
    finishedAt: '2026-11-28T10:00:02Z',
    state: 'done',
    background: false,
    progress: { changesDone: 1, changesTotal: 1, itemsDone: 1, itemsFailed: 1, itemsTotal: 2, desksDone: 1, desksTotal: 1 },
    summary: '1 added, 1 failed',
    changes: [
      {
        changeId: 'HR:customers:1',
        at: '2026-11-28T10:00:01Z',
        summary: 'Add 2 users to the customers of HR Help Desk (HR)',
        target: { kind: 'customers', id: '2', name: 'Customers of HR' },
        projects: ['HR'],
        result: {
          changeId: 'HR:customers:1',
          outcome: 'applied',
          message: '1 added, 1 failed',
          itemsDone: 1,
          itemsFailed: 1,
          items: [
            { id: 'acc-1', name: 'Ana Lima', outcome: 'done' },
            { id: 'acc-2', outcome: 'failed', message: 'The following account IDs do not exist: acc-2' },
          ],
        },
      },
    ],
    changesRecorded: 1,
    blockers: [],
    rechecked: [{ projectKey: 'HR', checks: [check('CUST-COVERAGE', 'pass', { summary: 'All 14 end users are customers' })] }],
    ...overrides,
  };
}

describe('CheckCard', () => {
  it('a blocked fix says what it will not do and who can, never that Jira already has it, and cannot be applied', async () => {
    const blocked: FixPreview = { ...PREVIEW, summary: undefined, changes: [], changesTotal: 0, itemsTotal: 0, blockers: [{ reason: 'The workflows of HR could not be read.', who: 'a Jira administrator' }] };
    const client = fakeClient({ previewFix: blocked });
    renderCard(client, check('CUST-COVERAGE', 'fail'), 'HR', [CUSTOMERS_FIX]);
    await act(async () => {
      fireEvent.click(screen.getByText('Add missing customers'));
    });
    const dialog = await screen.findByTestId('fix-dialog');
    expect(within(dialog).getByTestId('fix-blockers').textContent).toBe('The workflows of HR could not be read. Who can: a Jira administrator');
    expect(within(dialog).queryByTestId('fix-sentence')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Apply' }).hasAttribute('disabled')).toBe(true);
  });

  it('names a fix only a Jira administrator may run, with no button', () => {
    const screensFix: FixInfo = { ...CUSTOMERS_FIX, id: 'add-resolve-screen-fields', title: 'Put Assignee on the Resolve screen', resolves: ['WF-RESOLVE-SCREEN-ASSIGNEE'], permission: 'site-admin' };
    render(
      <ResolverClientProvider client={fakeClient({})}>
        <CheckCard check={check('WF-RESOLVE-SCREEN-ASSIGNEE', 'fail')} projectKey="HR" onChanged={jest.fn()} fixesForOthers={[screensFix]} />
      </ResolverClientProvider>,
    );
    expect(screen.getByTestId('fix-who-add-resolve-screen-fields').textContent).toBe('A Jira administrator can fix this with “Put Assignee on the Resolve screen”.');
    expect(screen.queryByTestId('fix-add-resolve-screen-fields')).toBeNull();
  });

  it('offers each registry fix that resolves the check; the dialog previews what will happen as you, applies on confirm and summarises the results, the per-item list collapsed', async () => {
    const client = fakeClient({ previewFix: PREVIEW, applyFix: runView() });
    const onChanged = renderCard(client, check('CUST-COVERAGE', 'fail'), 'HR', [CUSTOMERS_FIX]);
    await act(async () => {
      fireEvent.click(screen.getByText('Add missing customers'));
    });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('fix-sentence').textContent).toBe("Add 2 users to HR Help Desk's customers as you.");
    expect(within(dialog).getByTestId('fix-changes').textContent).toContain('HR Help Desk (HR)');
    expect(client.calls).toEqual([{ name: 'previewFix', payload: { fixId: 'add-missing-customers', projectKey: 'HR' } }]);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    });
    // The server re-plans: the page sends the fix and the desk, never the plan.
    expect(client.calls[1]).toEqual({ name: 'applyFix', payload: { fixId: 'add-missing-customers', projectKey: 'HR' } });
    const results = within(dialog).getByTestId('fix-results');
    expect(within(results).getByTestId('fix-summary').textContent).toBe('1 added, 1 failed');
    expect(results.textContent).toContain('All 14 end users are customers');
    expect(results.textContent).not.toContain('Ana Lima');
    fireEvent.click(within(results).getByText('Show each change'));
    expect(results.textContent).toContain('Ana Lima (acc-1): Done');
    expect(results.textContent).toContain('acc-2: Failed — The following account IDs do not exist: acc-2');
    expect(onChanged).toHaveBeenCalled();
  });

  it('follows a background fix: progress until done, then the results', async () => {
    let polls = 0;
    const client = fakeClient({
      previewFix: { ...PREVIEW, background: true },
      applyFix: runView({ state: 'running', background: true, summary: '0 added, 0 failed', changes: [], changesRecorded: 0, rechecked: [], progress: { changesDone: 0, changesTotal: 4, itemsDone: 0, itemsFailed: 0, itemsTotal: 200, desksDone: 0, desksTotal: 1 } }),
      getFixRun: () => (++polls < 2 ? runView({ state: 'running', summary: '50 added, 0 failed', progress: { changesDone: 1, changesTotal: 4, itemsDone: 50, itemsFailed: 0, itemsTotal: 200, desksDone: 0, desksTotal: 1 } }) : runView({ summary: '200 added, 0 failed' })),
    });
    jest.useFakeTimers();
    try {
      renderCard(client, check('CUST-COVERAGE', 'fail'), 'HR', [CUSTOMERS_FIX]);
      await act(async () => {
        fireEvent.click(screen.getByText('Add missing customers'));
      });
      const dialog = await screen.findByRole('dialog');
      expect(within(dialog).getByText(/This fix runs in the background/)).toBeTruthy();
      await act(async () => {
        fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
      });
      expect(within(dialog).getByTestId('fix-progress').textContent).toContain('0 of 4 changes made');
      await act(async () => {
        jest.advanceTimersByTime(1500);
      });
      expect(within(dialog).getByTestId('fix-progress').textContent).toContain('1 of 4 changes made');
      await act(async () => {
        jest.advanceTimersByTime(1500);
      });
      expect(within(dialog).queryByTestId('fix-progress')).toBeNull();
      expect(within(dialog).getByTestId('fix-summary').textContent).toBe('200 added, 0 failed');
    } finally {
      jest.useRealTimers();
    }
  });

  it('offers no fix when the check passes or no fix resolves it', () => {
    renderCard(fakeClient({}), check('CUST-COVERAGE', 'pass'), 'HR', [CUSTOMERS_FIX]);
    renderCard(fakeClient({}), check('SA-PROJECT-ROLE', 'fail'), 'HR', [CUSTOMERS_FIX]);
    expect(screen.queryByText('Add missing customers')).toBeNull();
  });

  it('shows evidence only when expanded, escaping what Jira sent', () => {
    renderCard(fakeClient({}), check('SA-EXISTS', 'fail', { evidence: { displayName: '<img src=x onerror=alert(1)>', groups: ['a', 'b'] } }), undefined);
    expect(screen.queryByText('displayName')).toBeNull();
    fireEvent.click(screen.getByText('Show evidence'));
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(screen.getByText('a, b')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('shows why Moveworks needs the check, from its docs page, only when asked', () => {
    const why = sectionsOf(readFileSync(join(__dirname, '../../../../docs/checks/CUST-COVERAGE.md'), 'utf8')).find((s) => s.heading === WHY_SECTION)!;
    const vendorQuote = docBlocks(why.body).find((b) => b.kind === 'quote')!;
    renderCard(fakeClient({}), check('CUST-COVERAGE', 'fail'));
    const toggle = screen.getByRole('button', { name: 'Why Moveworks needs this' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('blockquote')).toBeNull();
    fireEvent.click(toggle);
    const region = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(region.querySelector('blockquote')?.textContent).toBe((vendorQuote as { text: string }).text);
    expect(region.textContent).toContain('All end users are required to exist as "Customers"');
    // The project names no repository, so the text is shown here rather than linked.
    expect(within(region).queryByRole('link')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hide why' }));
    expect(document.getElementById(region.id)).toBeNull();
  });

  it('will not acknowledge without a reason, then sends the reason', async () => {
    const client = fakeClient({ acknowledge: { by: 'me', at: '2026-11-28T10:00:00Z', reason: 'Known', evidenceHash: 'h' } });
    renderCard(client);
    fireEvent.click(screen.getByText('Acknowledge'));
    const dialog = await screen.findByRole('dialog');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    });
    expect(screen.getByText('Say why this is acceptable.')).toBeTruthy();
    expect(client.calls).toEqual([]);
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'Covered by SSO' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));
    });
    expect(client.calls).toEqual([{ name: 'acknowledge', payload: { projectKey: 'HR', checkId: 'CUST-COVERAGE', reason: 'Covered by SSO' } }]);
  });

  it('offers attestation for manual checks', async () => {
    const client = fakeClient({ attest: { by: 'me', at: '2026-11-28T10:00:00Z' } });
    renderCard(client, check('MW-CONNECTOR', 'manual'), undefined);
    fireEvent.click(screen.getByText('Attest'));
    const dialog = await screen.findByRole('dialog');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Attest' }));
    });
    expect(client.calls).toEqual([{ name: 'attest', payload: { checkId: 'MW-CONNECTOR' } }]);
  });
});

describe('CheckCard read-only', () => {
  it('offers no fix, acknowledge or attest when read-only, but still shows evidence', () => {
    render(
      <ResolverClientProvider client={fakeClient({})}>
        <CheckCard check={check('MW-CONNECTOR', 'manual')} onChanged={jest.fn()} readOnly />
        <CheckCard check={check('CUST-COVERAGE', 'fail')} projectKey="HR" onChanged={jest.fn()} readOnly fixes={[CUSTOMERS_FIX]} />
      </ResolverClientProvider>,
    );
    expect(screen.queryByText('Attest')).toBeNull();
    expect(screen.queryByText('Acknowledge')).toBeNull();
    expect(screen.queryByText('Add missing customers')).toBeNull();
    expect(screen.getAllByText('Show evidence')).toHaveLength(2);
  });
});
