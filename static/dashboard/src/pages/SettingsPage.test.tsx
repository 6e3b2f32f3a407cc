/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SettingsPage } from './SettingsPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import type { AppSettings, DeliveryRecord, DeskOptions, VersionedSettings } from '../../../../src/shared/resolver-api';

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

function renderPage(client: ReturnType<typeof fakeClient>, projectKey?: string) {
  render(
    <ResolverClientProvider client={client}>
      <SettingsPage {...(projectKey ? { projectKey } : {})} />
    </ResolverClientProvider>,
  );
}

const BOT_ID = '557058:0b0b0b0b-1111-2222-3333-444455556666';
const AGENT_ID = '557058:a9e47c1f-0000-1111-2222-333344445555';
const HR_OPTIONS: DeskOptions = {
  projectKey: 'HR',
  issueTypes: [
    { id: '10010', name: 'HR Request', requestTypes: ['Ask HR', 'Update my details'] },
    { id: '10011', name: 'Onboarding', requestTypes: ['New starter'] },
  ],
  statuses: [
    { id: '3', name: 'In Progress', category: 'IN_PROGRESS', workflows: ['HR workflow'] },
    { id: '10100', name: 'Waiting for employee', category: 'IN_PROGRESS', workflows: ['HR workflow'] },
  ],
};
const DESKS = [{ key: 'HR', name: 'HR Help Desk', id: '2' }, { key: 'ITSD', name: 'IT Service Desk', id: '1' }];

/** Opens a react-select menu the way a user does: focus, then the down arrow. */
function openMenu(inputId: string) {
  const input = document.getElementById(inputId)!;
  fireEvent.focus(input);
  fireEvent.keyDown(input, { key: 'ArrowDown', keyCode: 40 });
}

/** Picks `option` in the picker `inputId`, saves, and gives the settings the page sent. */
async function pickAndSave(client: ReturnType<typeof fakeClient>, inputId: string, option: string): Promise<AppSettings> {
  await act(async () => openMenu(inputId));
  await act(async () => {
    fireEvent.click(await screen.findByText(option));
  });
  await act(async () => {
    fireEvent.click(screen.getByTestId('save-settings'));
  });
  return (client.calls.find((c) => c.name === 'saveSettings')?.payload as { settings: AppSettings }).settings;
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
    expect(screen.getByTestId('report-explained').textContent).toContain('e-mails only the recipients who can see that issue');
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

  it('shows the service account and the recipients by name, from the names the resolver read', async () => {
    const named: VersionedSettings = {
      settings: { ...settings, serviceAccount: BOT_ID, schedule: 'weekly', recipients: { users: [AGENT_ID], groups: ['hr-agents'] } },
      version: 3,
      accountNames: { [BOT_ID]: 'Moveworks Bot', [AGENT_ID]: 'Elena Agent' },
    };
    renderPage(fakeClient({ listServiceDesks: [], getSettings: named, searchUsers: [], searchGroups: [] }));
    const account = await screen.findByTestId('service-account-picker-select--container');
    expect(account.textContent).toContain('Moveworks Bot');
    expect(account.textContent).not.toContain(BOT_ID);
    const recipients = screen.getByTestId('recipient-users-picker-select--container');
    expect(recipients.textContent).toContain('Elena Agent');
    expect(recipients.textContent).not.toContain(AGENT_ID);
  });

  it('says the weekday by name', async () => {
    renderPage(fakeClient({ listServiceDesks: [], getSettings: { settings: { ...settings, schedule: 'weekly', weekday: 'WED' }, version: 3 }, searchUsers: [], searchGroups: [] }));
    const field = (await screen.findByText('Day of the week')).closest('[data-field]') as HTMLElement;
    expect(field.textContent).toContain('Wednesday');
    expect(field.textContent).not.toContain('WED');
  });

  it('opening a people picker before typing offers suggestions, not "No options"', async () => {
    const client = fakeClient({
      listServiceDesks: [],
      getSettings: versioned,
      searchUsers: ({ query }) => (query === '' ? [{ accountId: AGENT_ID, displayName: 'Elena Agent', emailAddress: 'elena@acme.example' }] : []),
      searchGroups: [],
    });
    renderPage(client);
    await screen.findByTestId('save-settings');
    await waitFor(() => expect(client.calls).toContainEqual({ name: 'searchUsers', payload: { query: '' } }));
    await act(async () => openMenu('recipientUsers'));
    expect(await screen.findByText('Elena Agent (elena@acme.example)')).toBeTruthy();
    expect(screen.queryByText('No options')).toBeNull();
  });

  it('a picker with nothing to suggest asks for text instead of saying "No options"', async () => {
    renderPage(fakeClient({ listServiceDesks: [], getSettings: versioned, searchUsers: [], searchGroups: [] }));
    await screen.findByTestId('save-settings');
    await act(async () => openMenu('recipientUsers'));
    expect(await screen.findByText('Type to search.')).toBeTruthy();
    expect(screen.queryByText('No options')).toBeNull();
  });

  it('offers the desk issue types by name, from getDeskOptions, and saves their ids', async () => {
    const client = fakeClient({
      listServiceDesks: DESKS,
      getSettings: { settings: { ...settings, issueTypesInScope: { HR: ['10011'] } }, version: 3 },
      getDeskOptions: ({ projectKey }) => ({ ...HR_OPTIONS, projectKey }),
      searchUsers: [],
      searchGroups: [],
      saveSettings: ({ settings: s }) => ({ settings: s, version: 4 }),
    });
    renderPage(client);
    const picker = await screen.findByTestId('issue-types-picker-select--container');
    await waitFor(() => expect(picker.textContent).toContain('Onboarding (request types: New starter)'));
    expect(client.calls).toContainEqual({ name: 'getDeskOptions', payload: { projectKey: 'HR' } });
    const saved = await pickAndSave(client, 'issueTypes', 'HR Request (request types: Ask HR, Update my details)');
    expect(saved.issueTypesInScope.HR).toEqual(['10011', '10010']);
  });

  it('a status override without a status is refused at its row, and nothing is sent', async () => {
    const client = fakeClient({ listServiceDesks: DESKS, getSettings: versioned, getDeskOptions: HR_OPTIONS, searchUsers: [], searchGroups: [], saveSettings: ({ settings: s }) => ({ settings: s, version: 4 }) });
    renderPage(client);
    await screen.findByTestId('save-settings');
    fireEvent.click(screen.getByText('Add override'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('save-settings'));
    });
    expect(screen.getByTestId('override-status-0-error').textContent).toBe('Choose a status, or remove this override.');
    expect(client.calls.some((c) => c.name === 'saveSettings')).toBe(false);
  });

  it('offers the statuses of the desk for an override, and names the picked status', async () => {
    const client = fakeClient({ listServiceDesks: DESKS, getSettings: versioned, getDeskOptions: HR_OPTIONS, searchUsers: [], searchGroups: [], saveSettings: ({ settings: s }) => ({ settings: s, version: 4 }) });
    renderPage(client);
    await screen.findByTestId('save-settings');
    fireEvent.click(screen.getByText('Add override'));
    await waitFor(() => expect(client.calls.some((c) => c.name === 'getDeskOptions')).toBe(true));
    const saved = await pickAndSave(client, 'override-status-0', 'Waiting for employee (IN_PROGRESS)');
    expect(saved.statusBucketOverrides).toEqual({ '10100': 'in_progress' });
  });

  it('says when the report issue would be created in a customer-facing service desk', async () => {
    renderPage(fakeClient({ listServiceDesks: DESKS, getSettings: { settings: { ...settings, reportProjectKey: 'ITSD' }, version: 3 }, getDeskOptions: HR_OPTIONS, searchUsers: [], searchGroups: [] }));
    const warning = await screen.findByTestId('report-location-warning');
    await waitFor(() => expect(warning.textContent).toContain('ITSD is a customer-facing service desk'));
  });

  it('on a desk settings page offers only that desk issue types', async () => {
    const client = fakeClient({ getSettings: versioned, getDeskOptions: HR_OPTIONS });
    renderPage(client, 'HR');
    await screen.findByTestId('issue-types-picker-select--container');
    expect(client.calls.map((c) => c.name).sort()).toEqual(['getDeskOptions', 'getSettings']);
    expect(screen.queryByTestId('service-account-picker-select--container')).toBeNull();
    expect(screen.queryByTestId('status-overrides')).toBeNull();
    expect(within(screen.getByTestId('desk-pickers')).getByText('Issue types in scope for HR')).toBeTruthy();
  });
});
