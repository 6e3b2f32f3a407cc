/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OverviewPage } from './OverviewPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check, project, report } from '../testing/report-fixtures';
import type { OverviewData, RunProgress } from '../../../../src/shared/resolver-api';

const itsd = project('ITSD', 'IT Service Desk', true, [check('CUST-COVERAGE', 'pass')]);
const hr = project('HR', 'HR Help Desk', false, [check('CUST-COVERAGE', 'fail')]);

function renderWith(client: ReturnType<typeof fakeClient>, onOpenProject = jest.fn()) {
  render(
    <ResolverClientProvider client={client}>
      <OverviewPage onOpenProject={onOpenProject} onOpenSettings={jest.fn()} />
    </ResolverClientProvider>,
  );
  return onOpenProject;
}

describe('OverviewPage', () => {
  it('shows the site gate and one matrix row per desk with its own gate', async () => {
    const client = fakeClient({ getOverview: { report: report([itsd, hr]), progress: null, settingsConfigured: true } });
    const open = renderWith(client);
    expect((await screen.findByTestId('site-gate')).textContent).toContain('Not ready');
    expect((screen.getByTestId('gate-ITSD')).textContent).toBe('Ready');
    expect((screen.getByTestId('gate-HR')).textContent).toContain('Not ready');
    fireEvent.click(within(screen.getByTestId('matrix')).getByText('HR Help Desk (HR)'));
    expect(open).toHaveBeenCalledWith('HR');
  });

  it('designs the first-run state instead of an empty page', async () => {
    renderWith(fakeClient({ getOverview: { report: null, progress: null, settingsConfigured: false } }));
    expect(await screen.findByText('No readiness report yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set the service account' })).toBeTruthy();
  });

  it('shows permission denied for UNAUTHORISED, not a generic error', async () => {
    renderWith(fakeClient({ getOverview: { errors: [{ errorType: 'UNAUTHORISED', message: 'Site admins only.' }] } }));
    expect(await screen.findByText('You do not have access')).toBeTruthy();
  });

  it('refreshes the matrix as projects finish during a re-check, listing every desk of the run from the start', async () => {
    jest.useFakeTimers();
    try {
      let overview: OverviewData = { report: report([itsd]), progress: null, settingsConfigured: true };
      const running: RunProgress = { runId: 'r1', startedAt: 'now', projectsTotal: 2, projectsDone: 0, pending: ['ITSD', 'HR'], failed: [], state: 'running' };
      let progress: RunProgress = running;
      const client = fakeClient({ getOverview: () => overview, startRecheck: () => running, getProgress: () => progress });
      renderWith(client);
      await screen.findByTestId('matrix');
      await act(async () => {
        fireEvent.click(screen.getByTestId('recheck'));
      });
      expect(screen.getByText('0 of 2 service desks checked')).toBeTruthy();
      // HR has no result yet: it is listed as being checked, and the score is provisional until the run ends.
      expect(screen.getByTestId('gate-HR').textContent).toBe('Checking…');
      expect(screen.getByTestId('gate-ITSD').textContent).toBe('Checking…');
      expect(screen.getByTestId('score-provisional').textContent).toBe('Provisional: 0 of 2 service desks checked so far');
      // HR was never checked: the run's listing gave only its key here.
      expect(within(screen.getByTestId('matrix')).getByText('HR')).toBeTruthy();

      overview = { ...overview, report: report([itsd, hr]) };
      progress = { ...running, projectsDone: 1, pending: ['ITSD'] };
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1100);
      });
      await waitFor(() => expect((screen.getByTestId('gate-HR')).textContent).toContain('Not ready'));
      expect(screen.getByText('1 of 2 service desks checked')).toBeTruthy();
      expect(screen.getByTestId('gate-ITSD').textContent).toBe('Checking…');
    } finally {
      jest.useRealTimers();
    }
  });

  it('names a desk of a first run by the name the run’s listing gave, before it has any result', async () => {
    const progress: RunProgress = {
      runId: 'r1',
      startedAt: 'now',
      projectsTotal: 2,
      projectsDone: 0,
      pending: ['ITSD', 'HR'],
      pendingNames: { ITSD: 'IT Service Desk', HR: 'HR Help Desk' },
      failed: [],
      state: 'running',
    };
    const open = renderWith(fakeClient({ getOverview: { report: null, progress, settingsConfigured: true }, getProgress: () => progress }));
    const matrix = await screen.findByTestId('matrix');
    expect(screen.getByTestId('gate-HR').textContent).toBe('Checking…');
    fireEvent.click(within(matrix).getByText('HR Help Desk (HR)'));
    expect(open).toHaveBeenCalledWith('HR');
    expect(within(matrix).getByText('IT Service Desk (ITSD)')).toBeTruthy();
  });
});
