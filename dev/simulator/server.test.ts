/**
 * The simulator speaks like Jira Cloud: Basic auth, the three paging styles with
 * silent caps, JSM's experimental header rule, profile privacy, and permissions.
 */
import type { RunningSimulator } from './server';
import { DEMO_CREDENTIALS, DEMO_SERVER_TIME_ZONE, GROUP_IDS } from './sites/demo';
import { staffUsers } from './sites/people';
import { call, OPT_IN, type Credentials } from './testing/client';
import { useValidatedDemoSimulator } from './testing/validated-demo';

const { admin, agent, serviceAccount: sa, projectAdmin } = DEMO_CREDENTIALS;

let sim: RunningSimulator;
useValidatedDemoSimulator((started) => (sim = started));

describe('authentication', () => {
  it('answers 401 with Jira Cloud text when there are no credentials', async () => {
    const result = await call(sim, 'GET', '/rest/api/3/myself');
    expect(result.status).toBe(401);
    expect(result.headers.get('content-type')).toMatch(/text\/plain/);
    expect(result.text).toBe('Client must be authenticated to access this resource.');
  });

  it('answers 401 for a wrong token, a token of another user, and an unknown e-mail', async () => {
    for (const as of [
      { email: admin.email, token: 'nope' },
      { email: admin.email, token: sa.token },
      { email: 'ghost@acme.example', token: admin.token },
    ]) {
      const result = await call(sim, 'GET', '/rest/api/3/myself', { as });
      expect(result.status).toBe(401);
      expect(result.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    }
  });

  it('answers JSM 401s as JSM error bodies', async () => {
    const result = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk');
    expect(result.status).toBe(401);
    expect(result.json()).toEqual({ errorMessage: 'Client must be authenticated to access this resource.', i18nErrorMessage: expect.objectContaining({ i18nKey: expect.any(String) }) });
  });

  it('accepts the e-mail in any case, and answers /myself as whoever authenticated', async () => {
    const me = (await call(sim, 'GET', '/rest/api/3/myself', { as: { email: sa.email.toUpperCase(), token: sa.token } })).json();
    expect(me.accountId).toBe(sa.accountId);
    expect(me.timeZone).toBe('America/New_York');
  });

  it('never records credentials', async () => {
    await call(sim, 'GET', '/rest/api/3/myself', { as: admin });
    expect(JSON.stringify(sim.requests)).not.toContain(admin.token);
  });
});

describe('paging: PageBean (group/member, project/search)', () => {
  it('pages group members with startAt/maxResults/total/isLast and caps maxResults at 50', async () => {
    const first = (await call(sim, 'GET', `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}&maxResults=500`, { as: admin })).json();
    const activeStaff = staffUsers().filter((u) => u.active).length;
    expect(first).toMatchObject({ startAt: 0, maxResults: 50, total: activeStaff });
    expect(first.values).toHaveLength(Math.min(50, activeStaff));
    expect(first.isLast).toBe(activeStaff <= 50);
  });

  it('walks every page to the same members, with nextPage until the last', async () => {
    const seen: string[] = [];
    let startAt = 0;
    for (;;) {
      const page = (await call(sim, 'GET', `/rest/api/3/group/member?groupname=all-employees&startAt=${startAt}&maxResults=7`, { as: admin })).json();
      seen.push(...page.values.map((v: { accountId: string }) => v.accountId));
      if (page.isLast) {
        expect(page.nextPage).toBeUndefined();
        break;
      }
      expect(page.nextPage).toContain(`startAt=${startAt + 7}`);
      startAt += 7;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(staffUsers().filter((u) => u.active).length);
  });

  it('leaves inactive members out unless includeInactiveUsers=true', async () => {
    const active = (await call(sim, 'GET', '/rest/api/3/group/member?groupname=all-employees&maxResults=50', { as: admin })).json();
    const all = (await call(sim, 'GET', '/rest/api/3/group/member?groupname=all-employees&maxResults=50&includeInactiveUsers=true', { as: admin })).json();
    expect(all.total - active.total).toBe(staffUsers().filter((u) => !u.active).length);
  });

  it('filters project/search by typeKey and caps maxResults at 50', async () => {
    const page = (await call(sim, 'GET', '/rest/api/3/project/search?typeKey=service_desk&maxResults=1000', { as: admin })).json();
    expect(page.maxResults).toBe(50);
    expect(page.values.map((p: { key: string }) => p.key)).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
    expect(page.values.find((p: { key: string }) => p.key === 'FAC')).toMatchObject({ style: 'next-gen', simplified: true });
  });
});

describe('paging: bare arrays (user/search)', () => {
  it('defaults to 50 and caps at 1000', async () => {
    const many = (await call(sim, 'GET', '/rest/api/3/user/search?query=a&maxResults=5000', { as: admin })).json();
    const few = (await call(sim, 'GET', '/rest/api/3/user/search?query=a&maxResults=3&startAt=2', { as: admin })).json();
    expect(Array.isArray(many)).toBe(true);
    expect(many.length).toBeLessThanOrEqual(1000);
    expect(few).toEqual(many.slice(2, 5));
  });

  it('finds the service account by e-mail and by accountId', async () => {
    const byEmail = (await call(sim, 'GET', `/rest/api/3/user/search?query=${encodeURIComponent(sa.email)}`, { as: admin })).json();
    const byId = (await call(sim, 'GET', `/rest/api/3/user/search?accountId=${encodeURIComponent(sa.accountId)}`, { as: admin })).json();
    expect(byEmail.map((u: { accountId: string }) => u.accountId)).toEqual([sa.accountId]);
    expect(byId.map((u: { accountId: string }) => u.accountId)).toEqual([sa.accountId]);
  });
});

describe('paging: JSM start/limit (service desks, customers, request types)', () => {
  it('caps limit at 50 and reports isLastPage and size', async () => {
    const page = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer?limit=500', { as: admin, headers: OPT_IN })).json();
    expect(page).toMatchObject({ start: 0, limit: 50, size: 50, isLastPage: false });
    expect(page._links.next).toContain('start=50');
    const rest = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer?start=50&limit=50', { as: admin, headers: OPT_IN })).json();
    expect(rest.isLastPage).toBe(true);
    const ids = [...page.values, ...rest.values].map((u: { accountId: string }) => u.accountId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(staffUsers()[44]!.accountId);
  });

  it('lists the four service desks and not the software project', async () => {
    const page = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk', { as: admin })).json();
    expect(page.values.map((d: { projectKey: string; id: string }) => `${d.id}:${d.projectKey}`)).toEqual(['1:ITSD', '2:HR', '3:FAC', '4:ITSDTEST']);
    expect(page.isLastPage).toBe(true);
  });

  it('maps request types to issue types', async () => {
    const page = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/2/requesttype', { as: admin })).json();
    expect(page.values.map((t: { name: string; issueTypeId: string }) => `${t.name}→${t.issueTypeId}`)).toEqual([
      'Ask an HR question→10007',
      'Update personal details→10007',
      'Onboard a new hire→10008',
    ]);
  });
});

describe('the experimental customers API', () => {
  it('answers 412 with JSM’s error body without X-ExperimentalApi: opt-in', async () => {
    const result = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/customer', { as: admin });
    expect(result.status).toBe(412);
    expect(result.json()).toEqual({
      errorMessage: expect.stringContaining('X-ExperimentalApi: opt-in'),
      i18nErrorMessage: { i18nKey: 'sd.public.api.experimental.header.missing', parameters: [] },
    });
  });
});

describe('profile privacy', () => {
  const hiddenZone = staffUsers().find((u) => u.timeZoneHidden && u.timeZone && u.timeZone !== DEMO_SERVER_TIME_ZONE)!;
  const noZone = staffUsers().find((u) => u.timeZone === undefined)!;
  const hiddenEmail = staffUsers().find((u) => u.emailHidden)!;

  it('answers the site default time zone for a hidden or unset zone', async () => {
    for (const user of [hiddenZone, noZone]) {
      const bean = (await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`, { as: admin })).json();
      expect(bean.timeZone).toBe(DEMO_SERVER_TIME_ZONE);
    }
  });

  it('omits a hidden e-mail from other viewers', async () => {
    const bean = (await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(hiddenEmail.accountId)}`, { as: admin })).json();
    expect(bean).not.toHaveProperty('emailAddress');
    expect(bean.displayName).toBe(hiddenEmail.displayName);
  });

  it('shows the service account’s real zone and product access with expand', async () => {
    const bean = (await call(sim, 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(sa.accountId)}&expand=groups,applicationRoles`, { as: admin })).json();
    expect(bean).toMatchObject({ accountType: 'atlassian', active: true, timeZone: 'America/New_York', emailAddress: sa.email });
    expect(bean.groups.items.map((g: { name: string }) => g.name)).toEqual(['jira-servicedesk-users', 'moveworks-service-accounts']);
    expect(bean.applicationRoles.items.map((r: { key: string }) => r.key)).toEqual(['jira-servicedesk']);
  });
});

describe('permissions from the model', () => {
  const mine = async (as: Credentials, query: string) => (await call(sim, 'GET', `/rest/api/3/mypermissions?${query}`, { as })).json().permissions;

  it('knows site admins, project admins by the Administrators role, and everyone else', async () => {
    expect((await mine(admin, 'permissions=ADMINISTER,ADMINISTER_PROJECTS&projectKey=HR')).ADMINISTER.havePermission).toBe(true);
    const hrAdmin = await mine(projectAdmin, 'permissions=ADMINISTER,ADMINISTER_PROJECTS&projectKey=HR');
    expect(hrAdmin.ADMINISTER.havePermission).toBe(false);
    expect(hrAdmin.ADMINISTER_PROJECTS.havePermission).toBe(true);
    expect((await mine(projectAdmin, 'permissions=ADMINISTER_PROJECTS&projectKey=ITSD')).ADMINISTER_PROJECTS.havePermission).toBe(false);
    expect((await mine(agent, 'permissions=ADMINISTER,ADMINISTER_PROJECTS')).ADMINISTER_PROJECTS.havePermission).toBe(false);
  });

  it('answers permissions/check for another account only to admins', async () => {
    const body = { accountId: projectAdmin.accountId, globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS'], projects: [10000, 10001, 10002] }] };
    const grants = (await call(sim, 'POST', '/rest/api/3/permissions/check', { as: admin, body })).json();
    expect(grants).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'ADMINISTER_PROJECTS', projects: [10001], issues: [] }] });
    const denied = await call(sim, 'POST', '/rest/api/3/permissions/check', { as: agent, body });
    expect(denied.status).toBe(403);
    expect(denied.json()).toEqual({ errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} });
  });

  it('permissions/check answers Browse Projects per issue: a service desk issue only for its agents and its reporter', async () => {
    const created = (await call(sim, 'POST', '/rest/api/3/issue', { as: admin, body: { fields: { project: { key: 'ITSD' }, issuetype: { name: 'IT Help' }, summary: 'Report' } } })).json();
    const issueId = Number(created.id);
    const browse = async (accountId: string) =>
      (await call(sim, 'POST', '/rest/api/3/permissions/check', { as: admin, body: { accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [issueId, 99999999] }] } })).json();
    expect(await browse(agent.accountId)).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [], issues: [issueId] }] });
    // The HR project admin is no ITSD agent: the issue is not theirs to see.
    expect(await browse(projectAdmin.accountId)).toEqual({ globalPermissions: [], projectPermissions: [] });
  });

  it('hides project roles from people who do not administer the project (404, as documented)', async () => {
    expect((await call(sim, 'GET', '/rest/api/3/project/HR/role', { as: agent })).status).toBe(404);
    expect((await call(sim, 'GET', '/rest/api/3/project/HR/role', { as: projectAdmin })).status).toBe(200);
  });
});

describe('Jira’s error bodies', () => {
  it('404 for an unknown route, an unknown project and an unknown desk', async () => {
    const route = await call(sim, 'GET', '/rest/api/3/nothing-here', { as: admin });
    expect(route.status).toBe(404);
    expect(route.json().errorMessages[0]).toContain('null for uri');
    expect((await call(sim, 'GET', '/rest/api/3/project/NOPE/role', { as: admin })).json()).toEqual({ errorMessages: ["No project could be found with key 'NOPE'."], errors: {} });
    const desk = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/77/requesttype', { as: admin })).json();
    expect(desk).toEqual({ errorMessage: 'Service Desk with id 77 does not exist.', i18nErrorMessage: { i18nKey: 'sd.admin.servicedesk.error.not.exists', parameters: ['77'] } });
  });

  it('405 for a known path with another method, 400 for a body that is not JSON', async () => {
    expect((await call(sim, 'DELETE', '/rest/api/3/myself', { as: admin })).status).toBe(405);
    const bad = await call(sim, 'POST', '/rest/api/3/workflows', { as: admin, body: '{"workflowNames": [' });
    expect(bad.status).toBe(400);
    expect(bad.json().errorMessages[0]).toMatch(/not valid JSON/);
  });
});

describe('workflows', () => {
  it('reads team-managed workflows by project and issue type, scoped to the project', async () => {
    const body = { projectAndIssueTypes: [{ projectId: '10002', issueTypeId: '10100' }] };
    const result = (await call(sim, 'POST', '/rest/api/3/workflows', { as: admin, body })).json();
    expect(result.workflows).toHaveLength(1);
    expect(result.workflows[0]).toMatchObject({ name: 'FAC: Fix workflow', scope: { type: 'PROJECT', project: { id: '10002' } } });
    expect(result.workflows[0].transitions.filter((t: { type: string }) => t.type === 'GLOBAL')).toHaveLength(4);
    expect(result.statuses.map((s: { name: string }) => s.name)).toEqual(['To Do', 'In Progress', 'Waiting for customer', 'Done']);
  });

  it('answers workflow scheme associations for company-managed projects only', async () => {
    const result = (await call(sim, 'GET', '/rest/api/3/workflowscheme/project?projectId=10000&projectId=10001&projectId=10002', { as: admin })).json();
    expect(result.values.map((v: { projectIds: string[] }) => v.projectIds)).toEqual([['10000'], ['10001']]);
    expect(result.values[1].workflowScheme.issueTypeMappings).toEqual({ '10007': 'HR: Service Request Workflow', '10008': 'HR: Onboarding Workflow' });
  });

  it('leaves transitions out of /workflows/search unless expanded', async () => {
    const bare = (await call(sim, 'GET', '/rest/api/3/workflows/search', { as: admin })).json();
    const full = (await call(sim, 'GET', '/rest/api/3/workflows/search?expand=values.transitions', { as: admin })).json();
    expect(bare.values[0]).not.toHaveProperty('transitions');
    expect(full.values[0].transitions.length).toBeGreaterThan(0);
    expect(full.total).toBe(bare.total);
  });
});

describe('robustness', () => {
  it('answers a malformed %-escape in a path parameter as not found, not as a crash', async () => {
    const result = await call(sim, 'GET', '/rest/api/3/project/%E0%A4%A/role', { as: admin });
    expect(result.status).toBe(404);
    expect(result.json().errorMessages[0]).toMatch(/No project could be found/);
  });
});

describe('workflow visibility', () => {
  it('gives a project admin only the team-managed workflows of their projects, and an agent none', async () => {
    const hrAdmin = await call(sim, 'GET', '/rest/api/3/workflows/search', { as: projectAdmin });
    expect(hrAdmin.status).toBe(200);
    expect(hrAdmin.json().values).toEqual([]);
    const lead = staffUsers()[10]!;
    sim.model.setApiToken(lead.accountId, 'SIMULATED-fac-lead-token');
    const facAdmin = (await call(sim, 'GET', '/rest/api/3/workflows/search', { as: { email: lead.email!, token: 'SIMULATED-fac-lead-token' } })).json();
    expect(facAdmin.values.map((w: { name: string }) => w.name)).toEqual(['FAC: Booking workflow', 'FAC: Fix workflow']);
    const read = (await call(sim, 'POST', '/rest/api/3/workflows', { as: agent, body: { workflowNames: ['ITSD: Service Request Workflow'] } })).json();
    expect(read).toEqual({ workflows: [], statuses: [] });
  });
});
