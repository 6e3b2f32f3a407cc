/**
 * A check that could not be decided (status error: the settings or the app's access)
 * cannot be acknowledged: the resolver refuses and stores nothing, whatever the page
 * offers. A failing check still can be.
 */
import type { CheckResult } from '../../src/shared/report-model';
import type { ProjectViewData, VersionedSettings } from '../../src/shared/resolver-api';
import { IDENTITIES, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };

const app = useSimulatedApp();
beforeAll(async () => {
  // An end-user group Jira does not have: the customer check cannot be decided.
  const current = (await app.call('getSettings', {}, ADMIN)) as { success: true; data: VersionedSettings };
  await app.call('saveSettings', { settings: { ...current.data.settings, endUserGroups: ['no-such-group'] }, version: current.data.version }, ADMIN);
  await app.call('startRecheck', {}, ADMIN);
}, 120_000);

async function hrChecks(): Promise<CheckResult[]> {
  const view = await app.call('getProjectView', { projectKey: 'HR' }, ADMIN);
  if (!view.success) throw new Error(JSON.stringify(view.errors));
  return (view.data as ProjectViewData).project!.checks;
}

it('refuses to acknowledge a check that could not be checked, under checkId, and stores nothing', async () => {
  const errored = (await hrChecks()).find((c) => c.status === 'error');
  expect(errored).toBeDefined();
  const before = await app.storeSnapshot();
  const r = await app.call('acknowledge', { projectKey: 'HR', checkId: errored!.id, reason: 'known' }, ADMIN);
  expect(r.success).toBe(false);
  if (!r.success) {
    expect(r.errors.map((e) => [e.errorType, e.field])).toEqual([['VALIDATION', 'checkId']]);
    expect(r.errors[0].message).toContain(`${errored!.id} could not be checked`);
  }
  expect(await app.storeSnapshot()).toBe(before);
});

it('still acknowledges a failing check', async () => {
  const failing = (await hrChecks()).find((c) => c.status === 'fail' || c.status === 'warn');
  expect(failing).toBeDefined();
  const r = await app.call('acknowledge', { projectKey: 'HR', checkId: failing!.id, reason: 'accepted for now' }, ADMIN);
  expect(r.success).toBe(true);
});
