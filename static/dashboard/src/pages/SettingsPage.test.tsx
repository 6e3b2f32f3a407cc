/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { SettingsPage } from './SettingsPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import type { AppSettings, VersionedSettings } from '../../../../src/shared/resolver-api';

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
});
