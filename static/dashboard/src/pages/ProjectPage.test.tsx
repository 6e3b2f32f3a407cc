/** @jest-environment jsdom */
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ProjectPage } from './ProjectPage';
import { SitePage } from './SitePage';
import { CheckList } from '../components/CheckList';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check, project } from '../testing/report-fixtures';
import type { ProjectViewData } from '../../../../src/shared/resolver-api';

const checks = [
  check('SA-PROJECT-ROLE', 'pass'),
  check('CUST-COVERAGE', 'fail'),
  check('WF-STATUS-BUCKETS', 'warn', { severity: 'recommended' }),
  check('WF-ANY-TO-RESOLVED', 'fail'),
  check('WF-EXPORT', 'pass', { severity: 'optional' }),
  check('WF-RESOLVE-SCREEN-FIELDS', 'error'),
];
const siteChecks = [check('SA-EXISTS', 'pass'), check('SA-TIMEZONE', 'fail')];
const view: ProjectViewData = { project: project('HR', 'HR Help Desk', false, checks), siteChecks, progress: null, generatedAt: '2026-11-30T09:00:00Z' };

function renderDesk(props: Partial<React.ComponentProps<typeof ProjectPage>> = {}, client = fakeClient({ getProjectView: view })) {
  render(
    <ResolverClientProvider client={client}>
      <ProjectPage projectKey="HR" {...props} />
    </ResolverClientProvider>,
  );
  return client;
}

const shownChecks = () => [...document.querySelectorAll('[data-testid="checks-desk"] [data-check]')].filter((c) => !c.closest('[hidden]')).map((c) => c.getAttribute('data-check'));

describe('ProjectPage', () => {
  it("starts with the desk's own failures, then warnings, then the passing checks collapsed, with counts", async () => {
    renderDesk({ onOpenSite: jest.fn() });
    await screen.findByTestId('project-page');
    expect(shownChecks()).toEqual(['CUST-COVERAGE', 'WF-ANY-TO-RESOLVED', 'WF-STATUS-BUCKETS', 'WF-RESOLVE-SCREEN-FIELDS']);
    expect(screen.getByTestId('check-counts-desk').textContent).toBe('2 failing · 2 to look at · 2 passing');
    fireEvent.click(screen.getByTestId('toggle-passes-desk'));
    expect(shownChecks()).toEqual(['CUST-COVERAGE', 'WF-ANY-TO-RESOLVED', 'WF-STATUS-BUCKETS', 'WF-RESOLVE-SCREEN-FIELDS', 'SA-PROJECT-ROLE', 'WF-EXPORT']);
  });

  it('"Failing only" leaves the failures', async () => {
    renderDesk();
    await screen.findByTestId('project-page');
    fireEvent.click(screen.getByTestId('failing-only-desk'));
    expect(shownChecks()).toEqual(['CUST-COVERAGE', 'WF-ANY-TO-RESOLVED']);
    expect(screen.getByTestId('failing-only-desk').getAttribute('aria-pressed')).toBe('true');
  });

  it('on the admin page shows the site checks as one line that opens the site page, never as cards', async () => {
    const onOpenSite = jest.fn();
    renderDesk({ onOpenSite });
    const line = await screen.findByTestId('site-line');
    expect(line.textContent).toContain('Site checks: Not ready, 1 to fix.');
    expect(document.querySelector('[data-check="SA-TIMEZONE"]')).toBeNull();
    fireEvent.click(within(line).getByRole('button', { name: 'Open site checks' }));
    expect(onOpenSite).toHaveBeenCalled();
  });

  it('on the project settings page shows the site checks last and read-only', async () => {
    renderDesk({ siteChecksReadOnly: true });
    await screen.findByTestId('project-page');
    const site = screen.getByTestId('checks-site');
    expect(screen.getByTestId('checks-desk').compareDocumentPosition(site) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const card = within(site).getByText('SA-TIMEZONE').closest('[data-check]') as HTMLElement;
    expect(within(card).queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(within(screen.getByTestId('site-line')).queryByRole('button')).toBeNull();
  });

  it("offers WF-EXPORT's hand-off download on its card", async () => {
    const client = fakeClient({ getProjectView: view, exportReport: { filename: 'hr-handoff.json', mimeType: 'application/json', content: '{}' } });
    const created: string[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => (created.push('blob'), 'blob:x');
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderDesk({}, client);
    await screen.findByTestId('project-page');
    fireEvent.click(screen.getByTestId('toggle-passes-desk'));
    fireEvent.click(screen.getByTestId('download-handoff-HR'));
    await screen.findByText('Download hand-off bundle (workflows)');
    expect(client.calls.find((c) => c.name === 'exportReport')?.payload).toEqual({ format: 'handoff', projectKey: 'HR' });
    expect(created).toEqual(['blob']);
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('CheckList', () => {
  it('keeps a card mounted when its check changes band, so a fix dialog opened from it stays open', () => {
    const one = (status: 'fail' | 'pass') => [check('CUST-COVERAGE', status), check('SA-PROJECT-ROLE', 'pass')];
    const { rerender } = render(
      <ResolverClientProvider client={fakeClient({})}>
        <CheckList checks={one('fail')} projectKey="HR" onChanged={jest.fn()} idPrefix="desk" />
      </ResolverClientProvider>,
    );
    const before = document.querySelector('[data-check="CUST-COVERAGE"]');
    rerender(
      <ResolverClientProvider client={fakeClient({})}>
        <CheckList checks={one('pass')} projectKey="HR" onChanged={jest.fn()} idPrefix="desk" />
      </ResolverClientProvider>,
    );
    const after = document.querySelector('[data-check="CUST-COVERAGE"]');
    expect(after).toBe(before);
    expect(after!.closest('[hidden]')).not.toBeNull();
  });
});

describe('SitePage', () => {
  it('shows the site checks on their own page, failures first', async () => {
    const client = fakeClient({ getSiteView: { siteChecks: [check('SA-EXISTS', 'pass'), check('MW-CONNECTOR', 'manual'), check('SA-TIMEZONE', 'fail')], progress: null, generatedAt: '2026-11-30T09:00:00Z', fixes: [] } });
    const onBack = jest.fn();
    render(
      <ResolverClientProvider client={client}>
        <SitePage onBack={onBack} />
      </ResolverClientProvider>,
    );
    await screen.findByTestId('site-page');
    expect(screen.getByTestId('site-page-gate').textContent).toBe('Not ready');
    expect([...document.querySelectorAll('[data-check]')].filter((c) => !c.closest('[hidden]')).map((c) => c.getAttribute('data-check'))).toEqual(['SA-TIMEZONE', 'MW-CONNECTOR']);
    fireEvent.click(screen.getByRole('button', { name: 'Back to overview' }));
    expect(onBack).toHaveBeenCalled();
  });
});
