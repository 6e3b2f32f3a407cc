/** @jest-environment jsdom */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { HistoryPage } from './HistoryPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { score } from '../testing/report-fixtures';
import type { HistoryEntry } from '../../../../src/shared/resolver-api';

const entry = (runId: string, percent: number, failing: string[]): HistoryEntry => ({ runId, at: '2026-11-27T10:00:00Z', ready: failing.length === 0, score: score(percent, 1, 2), failing, erroring: [] });

function renderPage(client: ReturnType<typeof fakeClient>, projectKey?: string) {
  render(
    <ResolverClientProvider client={client}>
      <HistoryPage projectKey={projectKey} />
    </ResolverClientProvider>,
  );
}

describe('HistoryPage', () => {
  it('says so when there is no run yet, and still offers the exports', async () => {
    renderPage(fakeClient({ getHistory: { entries: [], deliveries: [], lastDiff: null } }));
    expect(await screen.findByText('No runs recorded yet.')).toBeTruthy();
    expect(screen.getByTestId('export-handoff')).toBeTruthy();
  });

  it('lists runs newest first with a trend and what changed since the previous run', async () => {
    const client = fakeClient({
      getHistory: {
        entries: [entry('r1', 40, ['HR:CUST-COVERAGE', 'site:SA-TIMEZONE']), entry('r2', 60, ['site:SA-TIMEZONE'])],
        deliveries: [],
        lastDiff: { newlyFailing: [], fixed: ['HR:CUST-COVERAGE'], stillFailing: ['site:SA-TIMEZONE'], newlyErroring: [] },
      },
    });
    renderPage(client, 'HR');
    const rows = (await screen.findByTestId('history-table')).querySelectorAll('tbody tr');
    expect([...rows].map((r) => r.querySelectorAll('td')[2].textContent)).toEqual(['60%', '40%']);
    expect(screen.getByRole('img', { name: 'Score trend' })).toBeTruthy();
    expect(screen.getAllByText('HR:CUST-COVERAGE').length).toBeGreaterThan(0);
    expect(client.calls[0]).toEqual({ name: 'getHistory', payload: { projectKey: 'HR' } });
  });
});
