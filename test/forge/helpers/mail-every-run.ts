/**
 * Settings for the demo site that mail the report after every scheduled run: the
 * demo service account and end-user group, an agent as the one recipient, the
 * report issue in ITSD.
 */
import { DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../../dev/simulator/sites/demo';
import type { KeyValueStore } from '../../../src/forge/deps';
import { getSettings, saveSettings } from '../../../src/forge/storage/settings-repo';

export async function mailEveryRun(storage: KeyValueStore, now: Date): Promise<void> {
  const current = await getSettings(storage);
  const settings = {
    ...current.settings,
    serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL,
    endUserGroups: [DEMO_END_USER_GROUP],
    sendWhen: 'always' as const,
    recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [] },
    reportProjectKey: 'ITSD',
  };
  await saveSettings(storage, { settings, version: current.version }, DEMO_CREDENTIALS.admin.accountId, now);
}
