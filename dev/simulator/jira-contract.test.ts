/**
 * Behaviours of Jira that docs/jira-contract.md lists and no other simulator suite
 * pins: who may read what, and how pickers match. Each test is named in the contract
 * file's "Pinned by" column, so dropping or renaming one fails the contract test.
 */
import type { RunningSimulator } from './server';
import { DEMO_CREDENTIALS, GROUP_IDS } from './sites/demo';
import { SCREEN } from './sites/demo-workflows';
import { staffUsers } from './sites/people';
import { call } from './testing/client';
import { useValidatedDemoSimulator } from './testing/validated-demo';

const { admin, agent, projectAdmin } = DEMO_CREDENTIALS;

let sim: RunningSimulator;
useValidatedDemoSimulator((started) => (sim = started));

describe('group members', () => {
  it('lists group members to Jira administrators only (403 in Jira’s body to anyone else)', async () => {
    for (const as of [agent, projectAdmin]) {
      const refused = await call(sim, 'GET', `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}`, { as });
      expect(refused.status).toBe(403);
      expect(refused.json()).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    }
    expect((await call(sim, 'GET', `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}`, { as: admin })).status).toBe(200);
  });
});

describe('group members by id or name', () => {
  it('refuses groupname and groupId together (400), as the parameters say', async () => {
    const both = await call(sim, 'GET', `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}&groupname=all-employees`, { as: admin });
    expect(both.status).toBe(400);
    expect(both.json()).toEqual({ errorMessages: [expect.stringContaining('both')], errors: {} });
  });
});

describe('the group picker', () => {
  const names = async (query: string, extra = '') =>
    (await call(sim, 'GET', `/rest/api/3/groups/picker?query=${encodeURIComponent(query)}${extra}`, { as: admin })).json().groups.map((g: { name: string }) => g.name);

  it('matches the case as typed unless caseInsensitive=true', async () => {
    expect(await names('All')).not.toContain('all-employees');
    expect(await names('All', '&caseInsensitive=true')).toContain('all-employees');
    expect(await names('all')).toContain('all-employees');
  });

  it('finds only a group named exactly for a caller without Browse users and groups', async () => {
    const yuki = staffUsers()[22]!;
    const noBrowse = { email: yuki.email!, token: 'SIMULATED-picker-no-browse-token-not-a-secret' };
    sim.model.setApiToken(yuki.accountId, noBrowse.token);
    const picked = async (query: string) =>
      (await call(sim, 'GET', `/rest/api/3/groups/picker?query=${encodeURIComponent(query)}&caseInsensitive=true`, { as: noBrowse })).json().groups.map((g: { name: string }) => g.name);
    expect(await picked('all')).toEqual([]);
    expect(await picked('all-employees')).toEqual(['all-employees']);
    expect(await names('all')).toContain('all-employees');
  });
});

describe('screens', () => {
  it('refuses screen tabs to a project admin who does not name their project, and to agents', async () => {
    const path = `/rest/api/3/screens/${Object.values(SCREEN)[0]}/tabs`;
    expect((await call(sim, 'GET', path, { as: projectAdmin })).status).toBe(403);
    expect((await call(sim, 'GET', `${path}?projectKey=HR`, { as: agent })).status).toBe(403);
    expect((await call(sim, 'GET', path, { as: admin })).status).toBe(200);
  });
});

describe('screens of a project', () => {
  it('lets a project admin read a screen their project shows, naming it, and no other screen', async () => {
    const tabs = (screen: number) => call(sim, 'GET', `/rest/api/3/screens/${screen}/tabs?projectKey=HR`, { as: projectAdmin });
    expect((await tabs(SCREEN.hrResolve)).status).toBe(200);
    expect((await tabs(SCREEN.itsdResolve)).status).toBe(403);
  });
});

describe('issues', () => {
  it('answers 404 with one sentence for an issue that does not exist or may not be seen', async () => {
    const missing = await call(sim, 'GET', '/rest/api/3/issue/NOPE-1', { as: admin });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });
});

describe('my permissions', () => {
  it('answers 400 for a missing or unknown permission key', async () => {
    expect((await call(sim, 'GET', '/rest/api/3/mypermissions', { as: admin })).status).toBe(400);
    const unknown = await call(sim, 'GET', '/rest/api/3/mypermissions?permissions=NOT_A_PERMISSION', { as: admin });
    expect(unknown.status).toBe(400);
    expect(unknown.json().errorMessages[0]).toContain('NOT_A_PERMISSION');
  });
});

describe('screens by id', () => {
  const list = (query: string, as: { email: string; token: string } = admin) => call(sim, 'GET', `/rest/api/3/screens?${query}`, { as });

  it('lists only the screens named by repeated id parameters, in pages of at most 100, to Jira administrators', async () => {
    const first = (await list(`id=${SCREEN.hrResolve}&id=${SCREEN.hrOnboardingDone}&maxResults=1`)).json();
    expect(first).toMatchObject({ startAt: 0, maxResults: 1, total: 2, isLast: false, values: [{ id: SCREEN.hrResolve, name: 'HR: Resolve Screen' }] });
    expect(first.nextPage).toContain('startAt=1');
    const second = (await list(`id=${SCREEN.hrResolve}&id=${SCREEN.hrOnboardingDone}&maxResults=1&startAt=1`)).json();
    expect(second).toMatchObject({ startAt: 1, total: 2, isLast: true, values: [{ id: SCREEN.hrOnboardingDone, name: 'HR: Onboarding Complete Screen' }] });
    // The list is ampersand-separated: a comma-joined value is no screen's id.
    expect((await list(`id=${SCREEN.hrResolve},${SCREEN.hrOnboardingDone}`)).json()).toMatchObject({ total: 0, values: [] });
    expect((await list('maxResults=500')).json().maxResults).toBe(100);
    expect((await list(`id=${SCREEN.hrResolve}`, projectAdmin)).status).toBe(403);
  });
});
