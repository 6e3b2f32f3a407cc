/**
 * Writes change the model and are recorded: customers added, role actors added,
 * issues created, notifications kept for the Outbox (with Jira's recipient rules).
 */
import { FAULT_SCENARIOS } from './fault-scenarios';
import { startSimulator, type RunningSimulator } from './server';
import { buildDemoSite, DEMO_CREDENTIALS, GROUP_IDS, HR_MISSING_CUSTOMER_INDEXES } from './sites/demo';
import { staffUsers } from './sites/people';
import { call, OPT_IN } from './testing/client';

const { admin, agent, serviceAccount: sa, projectAdmin } = DEMO_CREDENTIALS;

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ site: buildDemoSite(), validateResponses: true });
});
afterEach(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
});

async function hrCustomerIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let start = 0; ; start += 50) {
    const page = (await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/2/customer?start=${start}&limit=50`, { as: admin, headers: OPT_IN })).json();
    for (const user of page.values) ids.add(user.accountId);
    if (page.isLastPage) return ids;
  }
}

describe('adding customers', () => {
  const missing = HR_MISSING_CUSTOMER_INDEXES.map((i) => staffUsers()[i]!.accountId);

  it('adds the missing users (204), idempotently, and the listing shows them', async () => {
    const before = await hrCustomerIds();
    expect(missing.every((id) => !before.has(id))).toBe(true);
    const first = await call(sim, 'POST', '/rest/servicedeskapi/servicedesk/2/customer', { as: admin, body: { accountIds: missing.slice(0, 5) } });
    expect([first.status, first.text]).toEqual([204, '']);
    const again = await call(sim, 'POST', '/rest/servicedeskapi/servicedesk/2/customer', { as: admin, body: { accountIds: missing } });
    expect(again.status).toBe(204);
    const after = await hrCustomerIds();
    expect(after.size).toBe(before.size + missing.length);
    expect(sim.requests.filter((r) => r.endpoint === 'POST /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer').map((r) => r.requestBody)).toEqual([
      { accountIds: missing.slice(0, 5) },
      { accountIds: missing },
    ]);
  });

  it('answers 400 for an unknown account yet adds the valid ones of the same call, as JSM documents', async () => {
    const bad = await call(sim, 'POST', '/rest/servicedeskapi/servicedesk/2/customer', { as: admin, body: { accountIds: [missing[0], 'ghost', missing[1]] } });
    expect(bad.status).toBe(400);
    expect(bad.json().i18nErrorMessage.parameters).toEqual(['ghost']);
    const after = await hrCustomerIds();
    expect([after.has(missing[0]!), after.has(missing[1]!), after.has('ghost')]).toEqual([true, true, false]);
  });

  it('refuses non-admins without adding anyone', async () => {
    expect((await call(sim, 'POST', '/rest/servicedeskapi/servicedesk/2/customer', { as: agent, body: { accountIds: [missing[0]] } })).status).toBe(403);
    expect((await hrCustomerIds()).has(missing[0]!)).toBe(false);
    expect((await call(sim, 'POST', '/rest/servicedeskapi/servicedesk/2/customer', { as: projectAdmin, body: { accountIds: [missing[0]] } })).status).toBe(204);
  });
});

describe('adding role actors', () => {
  const teamActors = async () => (await call(sim, 'GET', '/rest/api/3/project/HR/role/10100', { as: admin })).json().actors;

  it('adds the service account to Service Desk Team and answers the role', async () => {
    const result = await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: admin, body: { user: [sa.accountId] } });
    expect(result.status).toBe(200);
    expect(result.json()).toMatchObject({ name: 'Service Desk Team', id: 10100 });
    expect((await teamActors()).map((a: { actorUser?: { accountId: string } }) => a.actorUser?.accountId)).toContain(sa.accountId);
  });

  it('adds groups by id or by name, and answers 400 for a duplicate like Jira', async () => {
    expect((await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: admin, body: { groupId: [GROUP_IDS.moveworksAccounts] } })).status).toBe(200);
    const duplicate = await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: admin, body: { group: ['moveworks-service-accounts'] } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.json().errorMessages[0]).toMatch(/already a member of the project role/);
    const groups = (await teamActors()).filter((a: { type: string }) => a.type === 'atlassian-group-role-actor').map((a: { name: string }) => a.name);
    expect(groups).toEqual(['hr-agents', 'moveworks-service-accounts']);
  });

  it('refuses non-admins (403), unknown users (404) and unknown roles (404)', async () => {
    expect((await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: agent, body: { user: [sa.accountId] } })).status).toBe(403);
    expect((await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: admin, body: { user: ['ghost'] } })).status).toBe(404);
    expect((await call(sim, 'POST', '/rest/api/3/project/HR/role/4242', { as: admin, body: { user: [sa.accountId] } })).status).toBe(404);
    expect((await call(sim, 'POST', '/rest/api/3/project/HR/role/10100', { as: admin, body: {} })).status).toBe(400);
  });
});

describe('issues and notifications', () => {
  async function createReportIssue(): Promise<string> {
    const created = await call(sim, 'POST', '/rest/api/3/issue', {
      as: admin,
      body: { fields: { project: { key: 'ITSD' }, issuetype: { name: 'IT Help' }, summary: 'Moveworks readiness report' } },
    });
    expect(created.status).toBe(201);
    const body = created.json();
    expect(body).toEqual({ id: expect.stringMatching(/^\d+$/), key: expect.stringMatching(/^ITSD-\d+$/), self: `${sim.url}/rest/api/3/issue/${body.id}` });
    return body.key;
  }

  it('creates issues with increasing keys, readable afterwards', async () => {
    const first = await createReportIssue();
    const second = await createReportIssue();
    expect(Number(second.split('-')[1])).toBe(Number(first.split('-')[1]) + 1);
    const read = (await call(sim, 'GET', `/rest/api/3/issue/${second}`, { as: admin })).json();
    expect(read.fields.summary).toBe('Moveworks readiness report');
    expect(read.fields.reporter.accountId).toBe(admin.accountId);
  });

  it('answers 400 with field errors for a missing summary or project', async () => {
    const result = await call(sim, 'POST', '/rest/api/3/issue', { as: admin, body: { fields: { project: { key: 'NOPE' }, issuetype: { id: '10003' } } } });
    expect(result.status).toBe(400);
    expect(result.json()).toEqual({ errorMessages: [], errors: { project: expect.any(String), issuetype: expect.any(String), summary: 'You must specify a summary of the issue.' } });
  });

  it('keeps notifications for the Outbox with subject, bodies and resolved recipients (never the caller)', async () => {
    const key = await createReportIssue();
    const result = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, {
      as: admin,
      body: {
        subject: 'Moveworks readiness: 2 new failures',
        textBody: 'HR Help Desk: SA-PROJECT-ROLE fails',
        htmlBody: '<p>HR Help Desk: <b>SA-PROJECT-ROLE</b> fails</p>',
        to: { users: [{ accountId: agent.accountId }, { accountId: admin.accountId }], groups: [{ name: 'hr-agents' }] },
      },
    });
    expect(result.status).toBe(204);
    expect(sim.notifications).toHaveLength(1);
    const sent = sim.notifications[0]!;
    expect(sent).toMatchObject({ issueKey: key, from: admin.accountId, subject: 'Moveworks readiness: 2 new failures', textBody: 'HR Help Desk: SA-PROJECT-ROLE fails', htmlBody: '<p>HR Help Desk: <b>SA-PROJECT-ROLE</b> fails</p>' });
    expect(sent.recipients.map((r) => r.accountId)).toEqual([agent.accountId]);
    expect(sent.recipients.find((r) => r.accountId === agent.accountId)?.emailAddress).toBe(agent.email);
  });

  it('drops, still with 204, recipients who cannot browse the issue, and records who and why', async () => {
    // ITSD is a service desk: an issue the app creates there is seen by its agents only, not by HR's agents.
    const key = await createReportIssue();
    const staff = staffUsers();
    const hrAgents = [staff[7]!, staff[8]!, staff[9]!].map((u) => u.accountId);
    const result = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, {
      as: admin,
      body: { subject: 'x', textBody: 'x', to: { users: [{ accountId: agent.accountId }], groups: [{ name: 'hr-agents' }] } },
    });
    expect([result.status, result.text]).toEqual([204, '']);
    const sent = sim.notifications[0]!;
    expect(sent.recipients.map((r) => r.accountId)).toEqual([agent.accountId]);
    expect(sent.dropped?.map((d) => d.accountId).sort()).toEqual([...hrAgents].sort());
    expect(sent.dropped?.[0]?.reason).toBe(`cannot browse ${key}`);

    // Nobody who can see it: Jira still queues the mail (204) and sends it to nobody.
    const none = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, { as: admin, body: { subject: 'y', to: { groups: [{ name: 'hr-agents' }] } } });
    expect(none.status).toBe(204);
    expect(sim.notifications[1]).toMatchObject({ recipients: [], dropped: expect.arrayContaining([expect.objectContaining({ accountId: hrAgents[0] })]) });
  });

  it('answers 404 to a caller who cannot browse the issue (notify needs Browse Projects on it)', async () => {
    const key = await createReportIssue();
    const hrAgent = staffUsers()[7]!;
    sim.model.setApiToken(hrAgent.accountId, 'SIMULATED-hr-agent-token');
    const result = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, {
      as: { email: hrAgent.email!, token: 'SIMULATED-hr-agent-token' },
      body: { subject: 'x', to: { users: [{ accountId: agent.accountId }] } },
    });
    expect(result.status).toBe(404);
    expect(result.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect(sim.notifications).toHaveLength(0);
    // Reading the issue is refused the same way.
    expect((await call(sim, 'GET', `/rest/api/3/issue/${key}`, { as: { email: hrAgent.email!, token: 'SIMULATED-hr-agent-token' } })).status).toBe(404);
  });

  it('answers 400 when the only recipient is the caller, 404 for an unknown issue', async () => {
    const key = await createReportIssue();
    const self = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, { as: admin, body: { subject: 'x', textBody: 'x', to: { reporter: true } } });
    expect(self.status).toBe(400);
    expect(self.json().errorMessages[0]).toMatch(/same as the calling user/);
    expect((await call(sim, 'POST', '/rest/api/3/issue/ITSD-9999/notify', { as: admin, body: { to: { reporter: true } } })).status).toBe(404);
    expect(sim.notifications).toHaveLength(0);
  });

  it('answers 403 when the scenario turns outgoing mail off', async () => {
    await sim.close();
    sim = await startSimulator({ site: buildDemoSite(), scenario: FAULT_SCENARIOS.mailDisabled, validateResponses: true });
    const key = await createReportIssue();
    const result = await call(sim, 'POST', `/rest/api/3/issue/${key}/notify`, { as: admin, body: { subject: 'x', to: { users: [{ accountId: agent.accountId }] } } });
    expect(result.status).toBe(403);
    expect(sim.notifications).toHaveLength(0);
  });
});
