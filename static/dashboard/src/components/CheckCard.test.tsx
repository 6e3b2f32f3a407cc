/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CheckCard } from './CheckCard';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check } from '../testing/report-fixtures';
import type { FixResult } from '../../../../src/shared/resolver-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WHY_SECTION, docBlocks, sectionsOf } from '../../../../src/requirements/check-docs';

function renderCard(client: ReturnType<typeof fakeClient>, c = check('CUST-COVERAGE', 'fail'), projectKey: string | undefined = 'HR') {
  const onChanged = jest.fn();
  render(
    <ResolverClientProvider client={client}>
      <CheckCard check={c} projectKey={projectKey} onChanged={onChanged} />
    </ResolverClientProvider>,
  );
  return onChanged;
}

describe('CheckCard', () => {
  it('runs the fix named by the evidence and shows a result per user plus the re-checked status', async () => {
    const result: FixResult = {
      fix: 'add-missing-customers',
      projectKey: 'HR',
      items: [
        { item: 'acc-1', displayName: 'Ana Lima', outcome: 'added' },
        { item: 'acc-2', outcome: 'failed', message: 'User is inactive' },
      ],
      rechecked: [check('CUST-COVERAGE', 'pass', { summary: 'All 14 end users are customers' })],
    };
    const client = fakeClient({ fixAddMissingCustomers: result });
    const onChanged = renderCard(client, check('CUST-COVERAGE', 'fail', { evidence: { fix: 'add-missing-customers', missing: 2 } }));
    await act(async () => {
      fireEvent.click(screen.getByText('Add missing customers'));
    });
    expect(client.calls).toEqual([{ name: 'fixAddMissingCustomers', payload: { projectKey: 'HR' } }]);
    const results = screen.getByTestId('fix-results');
    expect(results.textContent).toContain('Ana Lima (acc-1)');
    expect(results.textContent).toContain('Failed: User is inactive');
    expect(results.textContent).toContain('All 14 end users are customers');
    expect(onChanged).toHaveBeenCalled();
  });

  it('offers no fix when the check passes or names no fix', () => {
    renderCard(fakeClient({}), check('CUST-COVERAGE', 'pass', { evidence: { fix: 'add-missing-customers' } }));
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
        <CheckCard check={check('CUST-COVERAGE', 'fail', { evidence: { fix: 'add-missing-customers' } })} projectKey="HR" onChanged={jest.fn()} readOnly />
      </ResolverClientProvider>,
    );
    expect(screen.queryByText('Attest')).toBeNull();
    expect(screen.queryByText('Acknowledge')).toBeNull();
    expect(screen.queryByText('Add missing customers')).toBeNull();
    expect(screen.getAllByText('Show evidence')).toHaveLength(2);
  });
});
