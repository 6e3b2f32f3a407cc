/**
 * How Jira answers a lookup of one user: user/search lists active users only and
 * comes back empty (200, []) for a caller without "Browse users and groups";
 * /user?accountId answers a deactivated account with active: false; a hidden or
 * unset zone reads as the site's default user zone, which need not be serverInfo's.
 */
import { startSimulator, type RunningSimulator } from './server';
import { buildDemoSite, DEMO_CREDENTIALS } from './sites/demo';
import { staffUsers } from './sites/people';
import { call, type Credentials } from './testing/client';
import { useValidatedDemoSimulator } from './testing/validated-demo';

const { admin, agent, serviceAccount: sa } = DEMO_CREDENTIALS;
const staff = staffUsers();
/** Jonas Berg has left: deactivated. */
const leaver = staff[37]!;
/** Yuki Sato is on the staff without any product access, so without "Browse users and groups". */
const noProductAccess = staff[22]!;
const noBrowse: Credentials = { email: noProductAccess.email!, token: 'SIMULATED-no-browse-token-not-a-secret' };

let sim: RunningSimulator;
useValidatedDemoSimulator((started) => {
  sim = started;
  sim.model.setApiToken(noProductAccess.accountId, noBrowse.token);
});

const search = (query: string, as: Credentials) => call(sim, 'GET', `/rest/api/3/user/search?query=${encodeURIComponent(query)}`, { as });
const ids = (users: { accountId: string }[]) => users.map((u) => u.accountId);

describe('user/search', () => {
  it('lists active users only: a deactivated account is not found by its e-mail', async () => {
    expect(leaver.active).toBe(false);
    const result = await search(leaver.email!, admin);
    expect(result.status).toBe(200);
    expect(result.json()).toEqual([]);
    const byName = await search('Jonas', admin);
    expect(ids(byName.json())).not.toContain(leaver.accountId);
    const byId = await call(sim, 'GET', `/rest/api/3/user/search?accountId=${encodeURIComponent(leaver.accountId)}`, { as: admin });
    expect(byId.json()).toEqual([]);
  });

  it('answers an empty list, not an error, to a caller without Browse users and groups', async () => {
    const result = await search(sa.email, noBrowse);
    expect(result.status).toBe(200);
    expect(result.json()).toEqual([]);
    const permission = await call(sim, 'GET', '/rest/api/3/mypermissions?permissions=USER_PICKER', { as: noBrowse });
    expect(permission.json().permissions.USER_PICKER).toMatchObject({ key: 'USER_PICKER', type: 'GLOBAL', havePermission: false });
  });

  it('finds the service account for the site admin and an agent, who hold Browse users and groups', async () => {
    for (const as of [admin, agent]) {
      expect(ids((await search(sa.email, as)).json())).toEqual([sa.accountId]);
      const permission = await call(sim, 'GET', '/rest/api/3/mypermissions?permissions=USER_PICKER', { as });
      expect(permission.json().permissions.USER_PICKER.havePermission).toBe(true);
    }
  });
});

describe('user (by accountId)', () => {
  it('answers a deactivated account with active: false', async () => {
    const result = await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(leaver.accountId)}`, { as: admin });
    expect(result.status).toBe(200);
    expect(result.json()).toMatchObject({ accountId: leaver.accountId, active: false });
  });

  it('is refused with 403 to a caller without Browse users and groups', async () => {
    const result = await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(sa.accountId)}`, { as: noBrowse });
    expect(result.status).toBe(403);
  });
});

describe('user time zones', () => {
  it('answers the site default for a hidden or unset zone, which need not be serverInfo.serverTimeZone; /myself shows the real one', async () => {
    const site = buildDemoSite();
    site.settings.defaultUserTimeZone = 'Pacific/Auckland';
    const hidden = staff.find((u) => u.timeZoneHidden && u.active && u.timeZone)!;
    const unset = staff.find((u) => !u.timeZone && u.active)!;
    site.setApiToken(hidden.accountId, 'SIMULATED-hidden-zone-token-not-a-secret');
    const other = await startSimulator({ site, validateResponses: true });
    try {
      const server = (await call(other, 'GET', '/rest/api/3/serverInfo', { as: admin })).json();
      expect(server.serverTimeZone).toBe('Europe/London');
      for (const user of [hidden, unset]) {
        const seen = (await call(other, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`, { as: admin })).json();
        expect({ name: user.displayName, timeZone: seen.timeZone }).toEqual({ name: user.displayName, timeZone: 'Pacific/Auckland' });
      }
      const me = (await call(other, 'GET', '/rest/api/3/myself', { as: { email: hidden.email!, token: 'SIMULATED-hidden-zone-token-not-a-secret' } })).json();
      expect(me.timeZone).toBe(hidden.timeZone);
      expect(other.violations).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
