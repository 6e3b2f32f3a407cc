/**
 * Saving the report settings answers who the report e-mail would reach: Jira
 * e-mails only people who can see the report issue (and still answers 204), so the
 * save names the recipients it would leave out, on the simulated site.
 */
import type { SavedSettings, VersionedSettings } from '../../src/shared/resolver-api';
import { DEMO_CREDENTIALS, GROUP_IDS } from '../../dev/simulator/sites/demo';
import { IDENTITIES, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };

const app = useSimulatedApp({ seed: false });

async function save(patch: Partial<VersionedSettings['settings']>): Promise<SavedSettings> {
  const read = await app.call('getSettings', {}, ADMIN);
  if (!read.success) throw new Error(JSON.stringify(read.errors));
  const current = read.data as VersionedSettings;
  // Settings are saved only with a service account.
  const serviceAccount = current.settings.serviceAccount ?? DEMO_CREDENTIALS.serviceAccount.email;
  const saved = await app.call('saveSettings', { settings: { ...current.settings, serviceAccount, ...patch }, version: current.version }, ADMIN);
  if (!saved.success) throw new Error(JSON.stringify(saved.errors));
  return saved.data as SavedSettings;
}

it('a save with a report issue in a service desk names the recipients who cannot see it', async () => {
  const itsd = app.sim.model.project('ITSD')!;
  const issue = app.sim.model.createIssue({ projectId: itsd.id, issueTypeId: itsd.issueTypeIds[0]!, summary: 'Moveworks readiness reports', reporterAccountId: DEMO_CREDENTIALS.admin.accountId, fields: {} });
  const hrAgents = app.sim.model.group(GROUP_IDS.hrAgents)!;

  const saved = await save({ recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [hrAgents.name] }, reportIssueKey: issue.key });

  expect(saved.recipientReach?.reached.map((r) => r.accountId)).toEqual([DEMO_CREDENTIALS.agent.accountId]);
  const members = app.sim.model.groupMembers(hrAgents.groupId).filter((id) => app.sim.model.user(id)?.active);
  expect(saved.recipientReach?.dropped.map((d) => d.accountId).sort()).toEqual([...members].sort());
  expect(saved.recipientReach?.dropped[0]?.reason).toBe(`cannot see the report issue ${issue.key} in project ITSD (a service desk: only its agents see the report issue)`);
  expect(app.sim.violations).toEqual([]);
});

it('a save without a report issue yet checks nothing', async () => {
  const saved = await save({ recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [] }, reportIssueKey: undefined, reportProjectKey: 'ITSD' });
  expect(saved.recipientReach).toBeUndefined();
});
