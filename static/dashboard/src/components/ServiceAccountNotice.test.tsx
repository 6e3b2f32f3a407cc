/** @jest-environment jsdom */
import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { OverviewPage } from '../pages/OverviewPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import { check, project, report } from '../testing/report-fixtures';

const withReport = report([project('HR', 'HR Help Desk', false, [check('CUST-COVERAGE', 'fail')])]);

function renderOverview(settingsConfigured: boolean) {
  const onOpenSettings = jest.fn();
  render(
    <ResolverClientProvider client={fakeClient({ getOverview: { report: withReport, progress: null, settingsConfigured } })}>
      <OverviewPage onOpenProject={jest.fn()} onOpenSettings={onOpenSettings} />
    </ResolverClientProvider>,
  );
  return onOpenSettings;
}

describe('the overview without a service account', () => {
  it('says "Set the service account", with a button that opens Settings, even with a report', async () => {
    const onOpenSettings = renderOverview(false);
    const notice = await screen.findByTestId('service-account-notice');
    expect(notice.textContent).toContain('Set the service account');
    expect(notice.textContent).toContain('Every check starts from the Moveworks service account, and none is set.');
    fireEvent.click(screen.getByTestId('set-service-account'));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('says nothing of it once one is set', async () => {
    renderOverview(true);
    await screen.findByTestId('site-gate');
    expect(screen.queryByTestId('service-account-notice')).toBeNull();
  });
});
