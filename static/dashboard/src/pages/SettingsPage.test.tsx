/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { SettingsPage } from './SettingsPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import type { AppSettings, DeliveryRecord, VersionedSettings } from '../../../../src/shared/resolver-api';

const settings: AppSettings = {
  serviceAccount: 'moveworks-bot@acme.example',
  endUserGroups: ['all-employees'],
  projectKeys: [],
  issueTypesInScope: {},
  skills: ['software-access', 'group-access', 'ticket-interception'],
  statusBucketOverrides: {},
  attestations: {},
  acknowledgements: {},
  schedule: 'off',
  weekday: 'MON',
  sendWhen: 'changes',
  recipients: { users: [], groups: [] },
};
const versioned: VersionedSettings = { settings, version: 3 };

function renderPage(client: ReturnType<typeof fakeClient>) {
  render(
    <ResolverClientProvider client={client}>
      <SettingsPage />
    </ResolverClientProvider>,
  );
}

describe('SettingsPage', () => {
  it('saves with the version it read, and the changed skills', async () => {
    const client = fakeClient({ listServiceDesks: [], getSettings: versioned, saveSettings: ({ settings: s }) => ({ settings: s, version: 4 }) });
    renderPage(client);
    fireEvent.click(await screen.findByLabelText('Ticket interception'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-settings'));
    });
    const save = client.calls.find((c) => c.name === 'saveSettings')?.payload as { settings: AppSettings; version: number };
    expect(save.version).toBe(3);
    expect(save.settings.skills).toEqual(['software-access', 'group-access']);
    expect(screen.getByText('Settings saved.')).toBeTruthy();
  });

  it('puts each VALIDATION message under its field', async () => {
    const client = fakeClient({
      listServiceDesks: [],
      getSettings: versioned,
      saveSettings: { errors: [{ errorType: 'VALIDATION', field: 'serviceAccount', message: 'No such user.' }, { errorType: 'VALIDATION', field: 'skills', message: 'Pick a skill.' }] },
    });
    renderPage(client);
    await screen.findByTestId('save-settings');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-settings'));
    });
    expect(screen.getByTestId('serviceAccount-error').textContent).toBe('No such user.');
    expect(screen.getByTestId('skills-error').textContent).toBe('Pick a skill.');
    expect(screen.getByText('Some settings need attention.')).toBeTruthy();
  });

  it('explains a CONFLICT and offers a reload instead of overwriting', async () => {
    const client = fakeClient({ listServiceDesks: [], getSettings: versioned, saveSettings: { errors: [{ errorType: 'CONFLICT', message: 'Version 3 is stale.' }] } });
    renderPage(client);
    await screen.findByTestId('save-settings');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-settings'));
    });
    expect(screen.getByTestId('settings-conflict').textContent).toContain('Someone else changed the settings');
    await act(async () => {
      fireEvent.click(screen.getByText('Reload settings'));
    });
    expect(client.calls.filter((c) => c.name === 'getSettings')).toHaveLength(2);
  });

  it("'Send a test report now' shows the outcome, with Jira's error when the send failed", async () => {
    const outcomes: DeliveryRecord[] = [
      { runId: 'test-1', at: '2026-11-30T09:00:00Z', outcome: 'failed', issueKey: 'ITSD-7', message: 'Jira refused the report e-mail: a recipient is the caller, does not exist, or none was given. The recipient is the same as the calling user. (400)' },
      { runId: 'test-2', at: '2026-11-30T09:01:00Z', outcome: 'sent', issueKey: 'ITSD-7', recipients: { users: ['u1'], groups: ['hr-agents'] } },
    ];
    const client = fakeClient({ listServiceDesks: [], getSettings: versioned, sendTestReport: () => outcomes.shift()! });
    renderPage(client);
    const button = await screen.findByRole('button', { name: 'Send a test report now' });
    await act(async () => {
      fireEvent.click(button);
    });
    const outcome = screen.getByTestId('test-report-outcome');
    expect(outcome.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('failed');
    expect(outcome.textContent).toContain('Test report: Failed.');
    expect(outcome.textContent).toContain('The recipient is the same as the calling user. (400)');
    await act(async () => {
      fireEvent.click(button);
    });
    expect(outcome.textContent).toContain('Test report: Sent. To 1 user and 1 group, about ITSD-7.');
    expect(client.calls.filter((c) => c.name === 'sendTestReport')).toEqual([{ name: 'sendTestReport', payload: {} }, { name: 'sendTestReport', payload: {} }]);
  });

  it('a test send names the recipients who cannot see the report issue, and a send that reaches nobody is failed', async () => {
    const reason = 'cannot see the report issue ITSD-7 in project ITSD (a service desk: only its agents see the report issue)';
    const outcomes: DeliveryRecord[] = [
      {
        runId: 'test-1', at: '2026-11-30T09:00:00Z', outcome: 'sent', issueKey: 'ITSD-7',
        reach: { issueKey: 'ITSD-7', projectKey: 'ITSD', serviceDesk: true, reached: [{ accountId: 'u1', displayName: 'Elena' }], dropped: [{ accountId: 'u7', displayName: 'Lucas', group: 'hr-agents', reason }, { accountId: 'u8', reason }] },
      },
      {
        runId: 'test-2', at: '2026-11-30T09:01:00Z', outcome: 'failed', issueKey: 'ITSD-7',
        message: 'Not sent: none of the recipients can see the report issue ITSD-7.',
        reach: { issueKey: 'ITSD-7', projectKey: 'ITSD', reached: [], dropped: [{ accountId: 'u7', displayName: 'Lucas', reason }] },
      },
    ];
    const client = fakeClient({ listServiceDesks: [], getSettings: versioned, sendTestReport: () => outcomes.shift()! });
    renderPage(client);
    const button = await screen.findByRole('button', { name: 'Send a test report now' });
    expect(screen.getByText(/In a service desk only its agents can see that issue/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(button);
    });
    const outcome = screen.getByTestId('test-report-outcome');
    expect(outcome.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('sent');
    expect(outcome.textContent).toContain('Jira e-mails 1 person about ITSD-7.');
    expect(outcome.textContent).toContain(`Jira does not e-mail these recipients — they ${reason}: Lucas (via hr-agents), u8.`);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(outcome.querySelector('[data-outcome]')!.getAttribute('data-outcome')).toBe('failed');
    expect(outcome.textContent).toContain('Not sent: none of the recipients can see the report issue ITSD-7.');
    expect(outcome.textContent).not.toContain('Jira e-mails');
  });

  it('a save warns which recipients cannot see the report issue', async () => {
    const reason = 'cannot see the report issue ITSD-7 in project ITSD (a service desk: only its agents see the report issue)';
    const client = fakeClient({
      listServiceDesks: [],
      getSettings: versioned,
      saveSettings: { ...versioned, version: versioned.version + 1, recipientReach: { issueKey: 'ITSD-7', projectKey: 'ITSD', reached: [], dropped: [{ accountId: 'u7', displayName: 'Lucas', group: 'hr-agents', reason }] } },
    });
    renderPage(client);
    await screen.findByTestId('save-settings');
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-settings'));
    });
    const warning = screen.getByTestId('recipient-reach-warning');
    expect(warning.textContent).toContain('Some recipients will not get the report e-mail about ITSD-7');
    expect(warning.textContent).toContain(`Jira does not e-mail these recipients — they ${reason}: Lucas (via hr-agents).`);
  });

  it('a test send refused by the app (no report yet) is shown as an error', async () => {
    const client = fakeClient({ listServiceDesks: [], getSettings: versioned, sendTestReport: { errors: [{ errorType: 'NOT_FOUND', message: 'There is no report to send yet; run a check first.' }] } });
    renderPage(client);
    const button = await screen.findByRole('button', { name: 'Send a test report now' });
    await act(async () => {
      fireEvent.click(button);
    });
    expect((await screen.findByRole('alert')).textContent).toContain('There is no report to send yet; run a check first.');
  });
});
