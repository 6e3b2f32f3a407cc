/** @jest-environment jsdom */
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { HistoryPage, runRows } from './HistoryPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { score } from '../testing/report-fixtures';
import type { DeliveryRecord, FixRunView, HistoryEntry } from '../../../../src/shared/resolver-api';

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
    expect(screen.getByRole('figure', { name: 'Score trend' })).toBeTruthy();
    expect(screen.getAllByText('HR:CUST-COVERAGE').length).toBeGreaterThan(0);
    expect(client.calls[0]).toEqual({ name: 'getHistory', payload: { projectKey: 'HR' } });
  });

  it('shows each run with what it fixed and broke, newest first, whatever order the entries arrive in', async () => {
    const at = (h: number) => `2026-11-2${h}T09:00:00.000Z`;
    const runs: HistoryEntry[] = [
      { ...entry('r3', 50, ['ITSD:CUST-COVERAGE', 'site:SA-TIMEZONE']), at: at(3) },
      { ...entry('r1', 40, ['HR:CUST-COVERAGE', 'site:SA-TIMEZONE']), at: at(1) },
      { ...entry('r2', 60, ['site:SA-TIMEZONE']), at: at(2), erroring: ['HR:WF-EXPORT'] },
    ];
    expect(runRows(runs).map((r) => [r.entry.runId, r.fixed, r.regressed])).toEqual([
      ['r3', ['HR:WF-EXPORT'], ['ITSD:CUST-COVERAGE']],
      ['r2', ['HR:CUST-COVERAGE'], ['HR:WF-EXPORT']],
      ['r1', [], []],
    ]);
    renderPage(fakeClient({ getHistory: { entries: runs, deliveries: [], lastDiff: null } }));
    const rows = [...(await screen.findByTestId('history-table')).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((cells) => [cells[2], cells[5], cells[6]])).toEqual([
      ['50%', 'HR:WF-EXPORT', 'ITSD:CUST-COVERAGE'],
      ['60%', 'HR:CUST-COVERAGE', 'HR:WF-EXPORT'],
      ['40%', 'None', 'None'],
    ]);
  });

  it('lists the report e-mails: sent to whom, failed with Jira\'s message, skipped with the reason', async () => {
    const deliveries: DeliveryRecord[] = [
      { runId: 'r3', at: '2026-11-30T09:05:00Z', outcome: 'failed', subject: 'Moveworks readiness: Not ready (40%)', issueKey: 'ITSD-7', message: 'Jira refused to send the report e-mail: outgoing e-mail may be disabled. Outgoing email is disabled. (403)' },
      { runId: 'r2', at: '2026-11-23T09:05:00Z', outcome: 'skipped', message: 'Nothing changed since the last run, and the report is set to go out only when something changes.' },
      { runId: 'r1', at: '2026-11-16T09:05:00Z', outcome: 'sent', subject: 'Moveworks readiness: Not ready (40%) — 1 fixed', issueKey: 'ITSD-7', recipients: { users: ['u1', 'u2'], groups: ['hr-agents'] } },
    ];
    renderPage(fakeClient({ getHistory: { entries: [], deliveries, lastDiff: null } }));
    const table = await screen.findByTestId('deliveries-table');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('[data-outcome]')!.getAttribute('data-outcome'))).toEqual(['failed', 'skipped', 'sent']);
    expect(rows[0].textContent).toContain('Outgoing email is disabled. (403)');
    expect(rows[1].textContent).toContain('only when something changes');
    expect(rows[2].textContent).toContain('To 2 users and 1 group, about ITSD-7.');
  });

  it('a project page shows no e-mail deliveries (they concern the whole site)', async () => {
    renderPage(fakeClient({ getHistory: { entries: [], deliveries: [], lastDiff: null } }), 'HR');
    await screen.findByText('No runs recorded yet.');
    expect(screen.queryByText('No report e-mail has been sent yet.')).toBeNull();
  });

  it('lists the changes made by the app: who, when, which fix, which Jira objects, and a refusal in Jira’s words', async () => {
    const run: FixRunView = {
      runId: 'fix-1',
      fixId: 'add-to-service-desk-team',
      title: 'Add the service account to Service Desk Team',
      desks: ['HR', 'IT'],
      by: 'acc-admin',
      byName: 'Priya Raman',
      startedAt: '2026-11-28T10:00:00Z',
      state: 'done',
      background: false,
      progress: { changesDone: 2, changesTotal: 2, itemsDone: 1, itemsFailed: 1, itemsTotal: 2, desksDone: 2, desksTotal: 2 },
      summary: '1 added, 1 failed',
      changes: [
        { changeId: 'HR:role:10100:sa', at: '2026-11-28T10:00:01Z', summary: 'Add Moveworks Bot to the Service Desk Team role of HR Help Desk (HR)', target: { kind: 'project-role', id: '10100', name: 'Service Desk Team in HR' }, projects: ['HR'], result: { changeId: 'HR:role:10100:sa', outcome: 'applied', message: 'Added Moveworks Bot.' } },
        { changeId: 'IT:role:10100:sa', at: '2026-11-28T10:00:02Z', summary: 'Add Moveworks Bot to the Service Desk Team role of IT (IT)', target: { kind: 'project-role', id: '10100', name: 'Service Desk Team in IT' }, projects: ['IT'], result: { changeId: 'IT:role:10100:sa', outcome: 'refused', message: 'You cannot edit the configuration of this project.' } },
      ],
      changesRecorded: 2,
      blockers: [],
      rechecked: [],
    };
    renderPage(fakeClient({ getHistory: { entries: [], deliveries: [], lastDiff: null, changes: [run] } }));
    const section = await screen.findByTestId('changes-made');
    expect(within(section).getByRole('heading', { name: 'Changes made by the app' })).toBeTruthy();
    expect(section.textContent).toContain('Add the service account to Service Desk Team on HR, IT');
    expect(section.textContent).toContain('by Priya Raman');
    expect(section.textContent).toContain('1 added, 1 failed');
    fireEvent.click(within(section).getByText('Show each change'));
    expect(section.textContent).toContain('Refused by Jira: You cannot edit the configuration of this project.');
  });

  it('says so when the app has changed nothing yet', async () => {
    renderPage(fakeClient({ getHistory: { entries: [], deliveries: [], lastDiff: null, changes: [] } }));
    expect(await screen.findByText('The app has not changed anything in Jira yet.')).toBeTruthy();
  });
});
