/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CheckCard } from './CheckCard';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check } from '../testing/report-fixtures';
import { formatDateTime } from '../../../../src/shared/dates';
import type { CheckResult } from '../../../../src/shared/report-model';

function renderCard(client: ReturnType<typeof fakeClient>, c: CheckResult) {
  render(
    <ResolverClientProvider client={client}>
      <CheckCard check={c} projectKey="HR" onChanged={jest.fn()} />
    </ResolverClientProvider>,
  );
}

async function openAckDialog(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
  return screen.findByRole('dialog');
}

async function submit(dialog: HTMLElement) {
  await act(async () => {
    fireEvent.click(within(dialog).getByTestId('reason-dialog-submit'));
  });
}

describe('the acknowledge dialog', () => {
  it('says what acknowledging a required check does and does not do', async () => {
    renderCard(fakeClient({}), check('CUST-COVERAGE', 'fail'));
    const dialog = await openAckDialog();
    const intro = within(dialog).getAllByTestId('reason-dialog-intro').map((p) => p.textContent);
    expect(intro).toEqual([
      'This check is required. Acknowledging it does not change the gate or the score: the site stays not ready until the check passes.',
      'It is left out of "What blocks Moveworks" and the report e-mail\'s list of what blocks, until the date you set or until what Jira shows for it changes; then it is listed again.',
    ]);
  });

  it('puts a missing reason under the reason field, and sends nothing', async () => {
    const client = fakeClient({});
    renderCard(client, check('CUST-COVERAGE', 'fail'));
    const dialog = await openAckDialog();
    await submit(dialog);
    expect(within(dialog).getByTestId('mw-reason-error').textContent).toBe('Say why this is acceptable.');
    expect(within(dialog).queryByTestId('mw-expiry-error')).toBeNull();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(client.calls).toEqual([]);
  });

  it('puts a date that is not after today under the date field', async () => {
    const client = fakeClient({});
    renderCard(client, check('CUST-COVERAGE', 'fail'));
    const dialog = await openAckDialog();
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Covered by SSO' } });
    fireEvent.change(within(dialog).getByLabelText('Until (optional)'), { target: { value: '2000-01-01' } });
    await submit(dialog);
    expect(within(dialog).getByTestId('mw-expiry-error').textContent).toBe('Choose a date after today.');
    expect(within(dialog).queryByTestId('mw-reason-error')).toBeNull();
    expect(client.calls).toEqual([]);
  });

  it("puts the resolver's own field errors under their fields, and the rest above the buttons", async () => {
    const client = fakeClient({
      acknowledge: {
        errors: [
          { errorType: 'VALIDATION', field: 'expiresAt', message: 'The expiry must be in the future.' },
          { errorType: 'VALIDATION', field: 'reason', message: 'The reason is at most 1000 characters.' },
          { errorType: 'NOT_FOUND', message: 'There is no result of CUST-COVERAGE for HR yet; run a check first.' },
        ],
      },
    });
    renderCard(client, check('CUST-COVERAGE', 'fail'));
    const dialog = await openAckDialog();
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Covered by SSO' } });
    await submit(dialog);
    expect(within(dialog).getByTestId('mw-expiry-error').textContent).toBe('The expiry must be in the future.');
    expect(within(dialog).getByTestId('mw-reason-error').textContent).toBe('The reason is at most 1000 characters.');
    expect(within(dialog).getByTestId('reason-dialog-problem').textContent).toBe('There is no result of CUST-COVERAGE for HR yet; run a check first.');
  });

  it('is not offered for a check that could not be checked', () => {
    renderCard(fakeClient({}), check('CUST-COVERAGE', 'error'));
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });
});

describe('an attested check', () => {
  it('says who attested it once, in the dashboard date format, in place of its summary', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const attested = check('MW-CONNECTOR', 'pass', {
      summary: 'Attested by Ana Admin on 2026-11-28: set up with Moveworks',
      attestation: { by: 'u1', byName: 'Ana Admin', at, note: 'set up with Moveworks' },
    });
    renderCard(fakeClient({}), attested);
    const card = screen.getByRole('article');
    expect(within(card).getAllByText(/Attested by/)).toHaveLength(1);
    expect(within(card).getByText(`Attested by Ana Admin on ${formatDateTime(at)}: set up with Moveworks`)).toBeTruthy();
    expect(card.textContent).not.toContain('2026-11-28:');
  });
});
