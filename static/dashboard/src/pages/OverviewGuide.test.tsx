/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { OverviewPage } from './OverviewPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check, project, report } from '../testing/report-fixtures';
import type { FixInfo, OverviewData } from '../../../../src/shared/resolver-api';

const addCustomers: FixInfo = {
  id: 'add-missing-customers',
  title: 'Add missing customers',
  description: 'Adds the missing end users as customers.',
  resolves: ['CUST-COVERAGE'],
  scope: 'desk',
  permission: 'project-admin',
  scopes: ['write:servicedesk-request'],
};

const steps = [{ text: 'Add the missing users as customers', url: 'https://acme.atlassian.net/jira/servicedesk/projects/HR/customers' }];
const hr = project('HR', 'HR Help Desk', false, [check('SA-PROJECT-ROLE', 'pass'), check('CUST-COVERAGE', 'fail', { remediation: steps, title: 'End users are missing as customers' })]);
const fac = project('FAC', 'Facilities', false, [check('SA-PROJECT-ROLE', 'fail'), check('CUST-COVERAGE', 'fail', { remediation: steps })]);
const itsd = project('ITSD', 'IT Service Desk', true, [check('SA-PROJECT-ROLE', 'pass'), check('CUST-COVERAGE', 'pass')]);

function renderOverview(data: OverviewData, extra: Parameters<typeof fakeClient>[0] = {}) {
  const client = fakeClient({ getOverview: data, ...extra });
  const onOpenProject = jest.fn();
  const onOpenSite = jest.fn();
  render(
    <ResolverClientProvider client={client}>
      <OverviewPage onOpenProject={onOpenProject} onOpenSettings={jest.fn()} onOpenSite={onOpenSite} />
    </ResolverClientProvider>,
  );
  return { client, onOpenProject, onOpenSite };
}

describe('Overview: what blocks Moveworks', () => {
  it('leads with the blocking steps in the order to do them, each with its first step, who can do it and its fix', async () => {
    const site = [check('SA-EXISTS', 'pass'), check('MW-CONNECTOR', 'manual', { remediation: [{ text: 'Create the connector in Moveworks Setup' }] })];
    const { client, onOpenProject, onOpenSite } = renderOverview(
      { report: report([hr, fac, itsd], site), progress: null, settingsConfigured: true, fixes: [addCustomers] },
      { previewFix: { fix: addCustomers, desks: ['HR', 'FAC'], summary: 'Add 8 users to 2 desks', changes: [], changesTotal: 1, itemsTotal: 8, blockers: [], notPreviewed: [], background: false } },
    );
    const blocks = await screen.findByTestId('what-blocks');
    // The guide comes before the desk table.
    expect(blocks.compareDocumentPosition(screen.getByTestId('matrix')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const items = within(blocks).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-step'))).toEqual(['MW-CONNECTOR', 'SA-PROJECT-ROLE', 'CUST-COVERAGE']);
    expect(within(blocks).getByText('3 steps, in the order to do them.')).toBeTruthy();
    expect(screen.getByTestId('who-MW-CONNECTOR').textContent).toBe('Moveworks Setup');
    expect(screen.getByTestId('who-SA-PROJECT-ROLE').textContent).toBe('Service desk admin');
    expect(within(items[0]).getByText('Create the connector in Moveworks Setup')).toBeTruthy();
    const cust = items[2];
    expect(within(cust).getByText('2 service desks:')).toBeTruthy();
    const link = within(cust).getByRole('link', { name: 'Add the missing users as customers' });
    expect(link.getAttribute('href')).toBe(steps[0].url);
    // Desk names open their page; the site opens the site page.
    fireEvent.click(within(cust).getByRole('button', { name: 'Facilities (FAC)' }));
    expect(onOpenProject).toHaveBeenCalledWith('FAC');
    fireEvent.click(within(items[0]).getByRole('button', { name: 'Site' }));
    expect(onOpenSite).toHaveBeenCalled();
    // The fix for every desk the step blocks opens the fix dialog, which previews for all of them.
    await act(async () => {
      fireEvent.click(within(cust).getByRole('button', { name: 'Add missing customers: 2 desks' }));
    });
    expect(await screen.findByTestId('fix-dialog')).toBeTruthy();
    expect(client.calls.find((c) => c.name === 'previewFix')?.payload).toEqual({ fixId: 'add-missing-customers' });
    // A fix a step offers is not offered a second time below.
    expect(screen.queryByTestId('every-desk-fixes')).toBeNull();
  });

  it('says nothing blocks when every required check passes', async () => {
    renderOverview({ report: report([itsd]), progress: null, settingsConfigured: true, fixes: [] });
    expect(await screen.findByText('Nothing blocks Moveworks: every required check passes.')).toBeTruthy();
  });

  it('does not call a desk "Ready" without saying the site checks are not', async () => {
    renderOverview({ report: report([itsd], [check('SA-EXISTS', 'fail')]), progress: null, settingsConfigured: true });
    await screen.findByTestId('matrix');
    expect(screen.getByTestId('gate-ITSD').textContent).toBe('Ready');
    expect(screen.getByTestId('site-caveat-ITSD').textContent).toContain('Site not ready');
    expect(screen.getByTestId('site-row-gate').textContent).toBe('Not ready');
  });

  it('lists every desk of a first run from the start as "Checking…", before any result is stored', async () => {
    const progress = { runId: 'r1', startedAt: '2026-11-30T09:00:00Z', projectsTotal: 3, projectsDone: 0, pending: ['HR', 'FAC', 'ITSD'], failed: [], state: 'running' as const };
    renderOverview({ report: null, progress, settingsConfigured: true }, { getProgress: progress });
    await screen.findByTestId('matrix');
    for (const key of ['HR', 'FAC', 'ITSD']) expect(screen.getByTestId(`gate-${key}`).textContent).toBe('Checking…');
    expect(screen.getByText('0 of 3 service desks checked')).toBeTruthy();
    expect(screen.getByTestId('desk-count').textContent).toBe('3 service desks');
  });
});

describe('Overview: the desk table on a large site', () => {
  const many = Array.from({ length: 60 }, (_, i) => {
    const key = `D${String(i + 1).padStart(3, '0')}`;
    const ok = i % 3 === 0;
    return project(key, `${i % 2 ? 'Payroll' : 'Legal'} desk ${i + 1}`, ok, [check('CUST-COVERAGE', ok ? 'pass' : 'fail')]);
  });

  it('pages 25 desks at a time, searches key or name, and filters by status', async () => {
    renderOverview({ report: report(many), progress: null, settingsConfigured: true });
    const table = await screen.findByTestId('matrix');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(25);
    expect(screen.getByTestId('desk-count').textContent).toBe('60 service desks');

    fireEvent.change(screen.getByTestId('desk-search'), { target: { value: 'payroll' } });
    expect(screen.getByTestId('desk-count').textContent).toBe('30 of 60 service desks');
    fireEvent.change(screen.getByTestId('desk-search'), { target: { value: 'd007' } });
    expect(screen.getByTestId('desk-count').textContent).toBe('1 of 60 service desks');
    expect(within(table).getByRole('button', { name: 'Legal desk 7 (D007)' })).toBeTruthy();

    fireEvent.change(screen.getByTestId('desk-search'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('desk-filter-ready'));
    expect(screen.getByTestId('desk-count').textContent).toBe('20 of 60 service desks');
    expect([...table.querySelectorAll('[data-gate]')].every((g) => g.getAttribute('data-gate') === 'ready')).toBe(true);
    expect(screen.getByTestId('desk-filter-ready').getAttribute('aria-pressed')).toBe('true');
  });
});
