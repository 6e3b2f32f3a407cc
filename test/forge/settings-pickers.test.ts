/**
 * Settings against the simulated Jira: a picker opened before anything is typed
 * suggests (groups from Jira's group picker, people from the first end-user group),
 * a group is found whatever the case typed, the people the settings name come back
 * with their names, the desk pickers offer the desk's own issue types and statuses,
 * and settings without a service account are refused.
 */
import type { DeskOptions, GroupOption, UserOption, VersionedSettings } from '../../src/shared/resolver-api';
import { DEMO_END_USER_GROUP } from '../../dev/simulator/sites/demo';
import { IDENTITIES, type SimulatedApp, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };
const HR_PAGE = { accountId: IDENTITIES.hrAdmin.accountId, surface: 'project' as const, projectKey: 'HR' };

const app = useSimulatedApp({ timeout: 120_000 });

async function data<T>(name: Parameters<SimulatedApp['call']>[0], payload: unknown, ctx: Parameters<SimulatedApp['call']>[2] = ADMIN): Promise<T> {
  const r = await app.call(name, payload, ctx);
  if (!r.success) throw new Error(`${name}: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

describe('pickers opened before anything is typed', () => {
  it('group picker with an empty query lists the site groups', async () => {
    const groups = await data<GroupOption[]>('searchGroups', { query: '' });
    expect(groups.map((g) => g.name)).toContain(DEMO_END_USER_GROUP);
    expect(groups.length).toBeGreaterThan(1);
  });

  it('user picker with an empty query suggests members of the first end-user group', async () => {
    const users = await data<UserOption[]>('searchUsers', { query: '' });
    expect(users.length).toBeGreaterThan(0);
    const members = new Set(app.sim.model.groupMembers(app.sim.model.groupByName(DEMO_END_USER_GROUP)!.groupId));
    for (const u of users) {
      expect(members.has(u.accountId)).toBe(true);
      expect(u.displayName).toBe(app.sim.model.user(u.accountId)!.displayName);
    }
  });

  it('group search finds all-employees when "All" is typed', async () => {
    const groups = await data<GroupOption[]>('searchGroups', { query: 'All' });
    expect(groups.map((g) => g.name)).toContain('all-employees');
  });
});

describe('names, not accountIds', () => {
  it('getSettings and saveSettings give the display name of the service account and of each recipient user', async () => {
    const current = await data<VersionedSettings>('getSettings', {});
    const agent = IDENTITIES.agent.accountId;
    const bot = [...app.sim.model.allUsers()].find((u) => u.email === current.settings.serviceAccount)!;
    const saved = await data<VersionedSettings>('saveSettings', {
      settings: { ...current.settings, serviceAccount: bot.accountId, recipients: { users: [agent], groups: [] } },
      version: current.version,
    });
    expect(saved.accountNames).toEqual({ [bot.accountId]: bot.displayName, [agent]: app.sim.model.user(agent)!.displayName });
    const read = await data<VersionedSettings>('getSettings', {});
    expect(read.accountNames).toEqual(saved.accountNames);
  });
});

describe('the desk pickers', () => {
  it('offer the issue types of the desk request types and the statuses of its workflows', async () => {
    const options = await data<DeskOptions>('getDeskOptions', { projectKey: 'HR' });
    expect(options.projectKey).toBe('HR');
    expect(options.issueTypes.length).toBeGreaterThan(0);
    for (const t of options.issueTypes) {
      expect(t.name).not.toBe(t.id);
      expect(t.requestTypes.length).toBeGreaterThan(0);
    }
    expect(options.statuses.length).toBeGreaterThan(0);
    expect(options.statuses.every((s) => s.name && s.workflows.length > 0)).toBe(true);
    expect(options.statusesIncomplete).toBeUndefined();
  });

  it('are read for the own desk only on a desk settings page', async () => {
    const own = await data<DeskOptions>('getDeskOptions', { projectKey: 'HR' }, HR_PAGE);
    expect(own.projectKey).toBe('HR');
    const other = await app.call('getDeskOptions', { projectKey: 'ITSD' }, HR_PAGE);
    expect(other.success).toBe(false);
  });
});

describe('the service account is required', () => {
  it('a save without one is refused under its field and nothing is stored', async () => {
    const current = await data<VersionedSettings>('getSettings', {});
    const before = await app.storeSnapshot();
    const r = await app.call('saveSettings', { settings: { ...current.settings, serviceAccount: '' }, version: current.version }, ADMIN);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.errors).toEqual([{ errorType: 'VALIDATION', field: 'serviceAccount', message: 'Choose the Moveworks service account: every check starts from it.' }]);
    expect(await app.storeSnapshot()).toBe(before);
  });
});
