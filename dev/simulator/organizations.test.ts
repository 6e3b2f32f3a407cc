/**
 * JSM organizations in the simulator: a desk's customers are the people added one
 * by one and the members of its organizations, and the customer listing shows only
 * the first. Organizations and their members come in JSM pages (cap 50), to agents
 * only, without the experimental header, with JSM's error bodies.
 */
import { startSimulator, type RunningSimulator } from './server';
import { buildDemoSite, DEMO_CREDENTIALS, FIELD_OPERATIONS, HR_ORGANIZATION_MEMBER_INDEXES } from './sites/demo';
import { staffUsers } from './sites/people';
import { call, OPT_IN } from './testing/client';

const { admin, agent, projectAdmin } = DEMO_CREDENTIALS;
const throughOrganization = HR_ORGANIZATION_MEMBER_INDEXES.map((i) => staffUsers()[i]!.accountId);

let sim: RunningSimulator;
beforeAll(async () => {
  const site = buildDemoSite();
  // A desk with 60 organizations and an organization with every user, to show the caps.
  const itsd = site.project('ITSD')!;
  for (let i = 0; i < 60; i++) {
    site.addOrganization({ id: String(100 + i), name: `Branch ${i}` });
    site.associateOrganization(itsd.id, String(100 + i));
  }
  site.addToOrganization('100', [...site.allUsers()].map((u) => u.accountId));
  sim = await startSimulator({ site, validateResponses: true });
});
afterAll(async () => {
  await sim.close();
});

afterEach(() => {
  expect(sim.violations).toEqual([]);
  expect([...sim.undocumentedStatuses]).toEqual([]);
});

async function allPages(path: string, as = admin): Promise<any[]> {
  const values: any[] = [];
  for (let start = 0; ; ) {
    const page = (await call(sim, 'GET', `${path}${path.includes('?') ? '&' : '?'}start=${start}&limit=50`, { as, headers: OPT_IN })).json();
    values.push(...page.values);
    if (page.isLastPage) return values;
    start += page.size;
  }
}

describe('organizations', () => {
  it('lists only the customers added one by one: organization members are not in the customer listing', async () => {
    const customers = new Set((await allPages('/rest/servicedeskapi/servicedesk/2/customer')).map((u) => u.accountId));
    expect(customers.size).toBeGreaterThan(20);
    expect(throughOrganization.filter((id) => customers.has(id))).toEqual([]);
  });

  it("lists a desk's organizations by desk id or project key, and its members ordered by accountId", async () => {
    const byId = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/2/organization', { as: admin });
    expect(byId.status).toBe(200);
    expect(byId.json()).toMatchObject({ start: 0, limit: 50, size: 1, isLastPage: true, values: [{ id: FIELD_OPERATIONS.id, name: FIELD_OPERATIONS.name }] });
    const byKey = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/HR/organization', { as: projectAdmin });
    expect(byKey.json().values.map((o: { id: string }) => o.id)).toEqual([FIELD_OPERATIONS.id]);

    const members = await call(sim, 'GET', `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, { as: admin });
    expect(members.status).toBe(200);
    expect(members.json()).toMatchObject({ start: 0, size: 4, isLastPage: true });
    expect(members.json().values.map((u: { accountId: string }) => u.accountId)).toEqual([...throughOrganization].sort());
  });

  it('caps organization and member pages at 50 silently, as JSM does', async () => {
    const orgs = (await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/1/organization?limit=100', { as: admin })).json();
    expect(orgs).toMatchObject({ limit: 50, size: 50, isLastPage: false });
    expect(orgs._links.next).toContain('start=50');
    expect(await allPages('/rest/servicedeskapi/servicedesk/1/organization')).toHaveLength(60);

    const users = (await call(sim, 'GET', '/rest/servicedeskapi/organization/100/user?limit=1000', { as: admin })).json();
    expect(users).toMatchObject({ limit: 50, size: 50, isLastPage: false });
    expect(await allPages('/rest/servicedeskapi/organization/100/user')).toHaveLength(buildDemoSite().userCount);
  });

  it('needs no X-ExperimentalApi header for either operation', async () => {
    expect((await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/2/organization', { as: admin })).status).toBe(200);
    expect((await call(sim, 'GET', `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, { as: admin })).status).toBe(200);
  });

  it("lets only the desk's agents list its organizations and their members (403 with JSM's error body)", async () => {
    // The IT agent is no agent of HR or FAC, the desks Field Operations serves.
    const orgs = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/2/organization', { as: agent });
    expect(orgs.status).toBe(403);
    expect(orgs.json()).toEqual({ errorMessage: expect.any(String), i18nErrorMessage: { i18nKey: expect.any(String), parameters: [] } });
    const users = await call(sim, 'GET', `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, { as: agent });
    expect(users.status).toBe(403);
    expect(users.json()).toHaveProperty('errorMessage');
    // The IT agent is an agent of ITSD, which Branch 0 serves.
    expect((await call(sim, 'GET', '/rest/servicedeskapi/organization/100/user', { as: agent })).status).toBe(200);
  });

  it("answers 404 with JSM's error body for an unknown desk or organization", async () => {
    const desk = await call(sim, 'GET', '/rest/servicedeskapi/servicedesk/99/organization', { as: admin });
    expect([desk.status, desk.json().errorMessage]).toEqual([404, 'Service Desk with id 99 does not exist.']);
    for (const id of ['99', 'abc']) {
      const organization = await call(sim, 'GET', `/rest/servicedeskapi/organization/${id}/user`, { as: admin });
      expect(organization.status).toBe(404);
      expect(organization.json().i18nErrorMessage.i18nKey).toBe('sd.admin.organization.error.not.exists');
    }
  });
});
