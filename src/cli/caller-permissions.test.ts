import { JiraClient } from '../jira/jira-client';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { callerFromGrants, callerPermissions, PERMISSIONS_CHECK, PROJECTS_PER_CHECK } from './caller-permissions';

describe('callerPermissions', () => {
  it('reads Administer Jira and Administer Projects per desk from Jira\'s grants', () => {
    const projects = [{ id: '10000', key: 'IT' }, { id: '10001', key: 'HR' }];
    expect(callerFromGrants([{ globalPermissions: [], projectPermissions: [{ permission: 'ADMINISTER_PROJECTS', projects: [10001], issues: [] }] }], projects)).toEqual({
      isSiteAdmin: false,
      administersProjects: ['HR'],
    });
    expect(callerFromGrants([{ globalPermissions: ['ADMINISTER'], projectPermissions: [] }], projects)).toEqual({ isSiteAdmin: true, administersProjects: [] });
  });

  it('asks in one call per 1000 desks, as the account itself', async () => {
    const site = createFakeTransport().on('POST', PERMISSIONS_CHECK, { body: { globalPermissions: [], projectPermissions: [] } });
    const projects = Array.from({ length: PROJECTS_PER_CHECK + 1 }, (_, i) => ({ id: String(10000 + i), key: `P${i}` }));
    await callerPermissions(new JiraClient(site), projects);
    const calls = site.callsTo('POST', PERMISSIONS_CHECK);
    expect(calls).toHaveLength(2);
    const asked = calls.map((c) => c.body as { globalPermissions: string[]; projectPermissions: { permissions: string[]; projects: number[] }[] });
    expect(asked.map((b) => [b.globalPermissions, b.projectPermissions[0]!.permissions, b.projectPermissions[0]!.projects.length])).toEqual([
      [['ADMINISTER'], ['ADMINISTER_PROJECTS'], PROJECTS_PER_CHECK],
      [['ADMINISTER'], ['ADMINISTER_PROJECTS'], 1],
    ]);
  });
});
