/** "Last saved by" names a person, not an accountId: the save records the saver's display name from Jira. */
import type { VersionedSettings } from '../../src/shared/resolver-api';
import { IDENTITIES, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };

const app = useSimulatedApp({ seed: false });

it('stores who saved the settings by accountId and by the display name Jira gives for them', async () => {
  const read = await app.call('getSettings', {}, ADMIN);
  if (!read.success) throw new Error(JSON.stringify(read.errors));
  const current = read.data as VersionedSettings;
  const saved = await app.call('saveSettings', { settings: { ...current.settings, serviceAccount: 'moveworks-bot@acme.example' }, version: current.version }, ADMIN);
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
  const data = saved.data as VersionedSettings;
  expect(data.updatedBy).toBe(IDENTITIES.siteAdmin.accountId);
  const me = app.sim.model.user(IDENTITIES.siteAdmin.accountId);
  expect(data.updatedByName).toBe(me?.displayName);
  expect(data.updatedByName).toBeTruthy();
});
