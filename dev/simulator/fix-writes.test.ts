/**
 * The writes the one-click fixes make, as Jira answers them: workflow updates with
 * their validation, versions and permissions; screens, tabs and fields; product
 * access through a group. Each test starts from a fresh demo site.
 */
import type { JiraWorkflow } from '../../src/gather/snapshot';
import { startSimulator, type RunningSimulator } from './server';
import { buildDemoSite, DEMO_CREDENTIALS, GROUP_IDS } from './sites/demo';
import { SCREEN, STATUS, WORKFLOW_NAMES } from './sites/demo-workflows';
import { call } from './testing/client';

const { admin, agent, projectAdmin, serviceAccount } = DEMO_CREDENTIALS;

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ site: buildDemoSite(), validateResponses: true });
});
afterEach(async () => {
  expect(sim.violations).toEqual([]);
  expect([...sim.undocumentedStatuses]).toEqual([]);
  await sim.close();
});

async function readWorkflow(name: string, as = admin): Promise<{ workflow: JiraWorkflow; statuses: Record<string, unknown>[] }> {
  const body = (await call(sim, 'POST', '/rest/api/3/workflows', { as, body: { workflowNames: [name] } })).json();
  return { workflow: body.workflows[0], statuses: body.statuses };
}

/** The full definition POST /workflows/update takes, from a read. */
function definition(read: { workflow: JiraWorkflow; statuses: Record<string, unknown>[] }, edit: (transitions: Record<string, unknown>[]) => void = () => {}) {
  const w = structuredClone(read.workflow);
  const transitions = (w.transitions ?? []) as Record<string, unknown>[];
  edit(transitions);
  return {
    statuses: read.statuses.map((s) => ({ id: s.id, name: s.name, statusCategory: s.statusCategory, statusReference: s.statusReference, description: s.description ?? '' })),
    workflows: [{ id: w.id, version: w.version, description: w.description, startPointLayout: w.startPointLayout, statuses: (w.statuses ?? []).map((s) => ({ statusReference: s.statusReference, layout: s.layout, properties: s.properties ?? {} })), transitions }],
  };
}

const addGlobal = (id: string, name: string, to: string, extra: Record<string, unknown> = {}) => (transitions: Record<string, unknown>[]) =>
  transitions.push({ id, name, type: 'GLOBAL', toStatusReference: to, links: [], actions: [], validators: [], triggers: [], properties: {}, ...extra });

describe('POST /workflows/update', () => {
  it('stores the new definition at the next version number and refuses the old version with 409', async () => {
    const before = await readWorkflow(WORKFLOW_NAMES.hrServiceRequest);
    expect(before.workflow.version?.versionNumber).toBe(1);
    const body = definition(before, addGlobal('71', 'Resolve (Moveworks)', STATUS.resolved));
    const updated = await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body });
    expect(updated.status).toBe(200);
    expect(updated.json().workflows[0].version.versionNumber).toBe(2);
    const after = await readWorkflow(WORKFLOW_NAMES.hrServiceRequest);
    expect(after.workflow.version?.versionNumber).toBe(2);
    expect(after.workflow.transitions?.find((t) => t.id === '71')).toMatchObject({ type: 'GLOBAL', toStatusReference: STATUS.resolved, links: [] });

    const stale = await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body });
    expect(stale.status).toBe(409);
    expect(stale.json()).toEqual({ errorMessages: ['Workflow version and version token must match.'], errors: {} });
    expect((await readWorkflow(WORKFLOW_NAMES.hrServiceRequest)).workflow.version?.versionNumber).toBe(2);
  });

  it('takes the full definition: a transition left out of the request is removed', async () => {
    const before = await readWorkflow(WORKFLOW_NAMES.hrServiceRequest);
    const body = definition(before, (t) => t.splice(t.findIndex((x) => x.id === '51'), 1));
    expect((await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body })).status).toBe(200);
    expect((await readWorkflow(WORKFLOW_NAMES.hrServiceRequest)).workflow.transitions?.map((t) => t.id)).not.toContain('51');
  });

  it('validation answers 200 with a WorkflowValidationErrorList; the update refuses the same payload with 400 in Jira’s words and changes nothing', async () => {
    const before = await readWorkflow(WORKFLOW_NAMES.hrOnboarding);
    const payload = definition(before, addGlobal('11', 'Start', STATUS.inProgress));
    const validation = await call(sim, 'POST', '/rest/api/3/workflows/update/validation', { as: admin, body: { payload } });
    expect(validation.status).toBe(200);
    const errors = validation.json().errors as { code: string; level: string; type: string; message: string; elementReference?: { transitionId?: string } }[];
    expect(errors.map((e) => e.code).sort()).toEqual(['NON_UNIQUE_TRANSITION_ID', 'NON_UNIQUE_TRANSITION_NAME']);
    expect(errors.every((e) => e.level === 'ERROR' && e.type === 'TRANSITION' && e.elementReference?.transitionId === '11')).toBe(true);

    const refused = await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body: payload });
    expect(refused.status).toBe(400);
    expect(refused.json().errorMessages).toEqual(errors.map((e) => e.message));
    expect((await readWorkflow(WORKFLOW_NAMES.hrOnboarding)).workflow).toEqual(before.workflow);
  });

  it('refuses a caller who may not edit the workflow with the documented 401 and Jira’s body; a project admin edits only the team-managed workflows of their projects', async () => {
    const hr = await readWorkflow(WORKFLOW_NAMES.hrServiceRequest);
    const body = definition(hr, addGlobal('71', 'Resolve (Moveworks)', STATUS.resolved));
    for (const as of [agent, projectAdmin]) {
      const refused = await call(sim, 'POST', '/rest/api/3/workflows/update', { as, body });
      expect(refused.status).toBe(401);
      expect(refused.json()).toEqual({ errorMessages: [expect.stringMatching(/not allowed to edit this workflow/)], errors: {} });
      expect((await call(sim, 'POST', '/rest/api/3/workflows/update/validation', { as, body: { payload: body } })).status).toBe(401);
    }
    expect((await readWorkflow(WORKFLOW_NAMES.hrServiceRequest)).workflow.version?.versionNumber).toBe(1);
  });

  it('team-managed workflows take no transition screen, and only they may restrict a transition by accountIds', async () => {
    const fac = await readWorkflow(WORKFLOW_NAMES.facFix);
    const withScreen = definition(fac, (t) => Object.assign(t.find((x) => x.id === '41')!, { transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: String(SCREEN.default) } } }));
    const refused = await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body: withScreen });
    expect(refused.status).toBe(400);
    expect(refused.json().errorMessages).toEqual([expect.stringMatching(/Team-managed workflows take no transition screens/)]);
    const byAccount = { operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-issue-transition', parameters: { accountIds: serviceAccount.accountId } }], conditionGroups: [] };
    const teamManaged = definition(fac, (t) => Object.assign(t.find((x) => x.id === '41')!, { conditions: byAccount }));
    expect((await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body: teamManaged })).status).toBe(200);
    const hr = await readWorkflow(WORKFLOW_NAMES.hrServiceRequest);
    const global = definition(hr, addGlobal('71', 'Resolve (Moveworks)', STATUS.resolved, { conditions: byAccount }));
    const refusedGlobal = await call(sim, 'POST', '/rest/api/3/workflows/update', { as: admin, body: global });
    expect(refusedGlobal.status).toBe(400);
    expect(refusedGlobal.json().errorMessages).toEqual([expect.stringMatching(/only supported in team-managed projects/)]);
  });
});

describe('product access', () => {
  it('applicationrole/{key} names the role’s groups and default groups to admins only', async () => {
    const role = await call(sim, 'GET', '/rest/api/3/applicationrole/jira-servicedesk', { as: admin });
    expect(role.status).toBe(200);
    expect(role.json()).toMatchObject({ key: 'jira-servicedesk', defaultGroups: ['jira-servicedesk-users'], defaultGroupsDetails: [{ groupId: GROUP_IDS.serviceDeskUsers, name: 'jira-servicedesk-users' }] });
    expect((await call(sim, 'GET', '/rest/api/3/applicationrole/jira-servicedesk', { as: agent })).status).toBe(403);
  });

  it('group/user adds a member for site admins only (403 otherwise); a second add of the same member is 400', async () => {
    const path = `/rest/api/3/group/user?groupId=${GROUP_IDS.moveworksAccounts}`;
    const refused = await call(sim, 'POST', path, { as: agent, body: { accountId: agent.accountId } });
    expect(refused.status).toBe(403);
    expect(refused.json()).toEqual({ errorMessages: [expect.any(String)], errors: {} });
    const added = await call(sim, 'POST', path, { as: admin, body: { accountId: agent.accountId } });
    expect(added.status).toBe(201);
    expect(added.json()).toMatchObject({ groupId: GROUP_IDS.moveworksAccounts });
    const again = await call(sim, 'POST', path, { as: admin, body: { accountId: agent.accountId } });
    expect(again.status).toBe(400);
    expect(again.json().errorMessages).toEqual([expect.stringMatching(/already a member/)]);
  });
});

describe('screens', () => {
  it('a new screen comes with a default Field Tab; a field is added once per screen; only admins manage screens', async () => {
    const created = await call(sim, 'POST', '/rest/api/3/screens', { as: admin, body: { name: 'HR: Resolve (Moveworks)' } });
    expect(created.status).toBe(201);
    const id = created.json().id as number;
    const tabs = (await call(sim, 'GET', `/rest/api/3/screens/${id}/tabs`, { as: admin })).json();
    expect(tabs).toEqual([{ id: expect.any(Number), name: 'Field Tab' }]);
    const field = `/rest/api/3/screens/${id}/tabs/${tabs[0].id}/fields`;
    expect((await call(sim, 'POST', field, { as: admin, body: { fieldId: 'assignee' } })).json()).toEqual({ id: 'assignee', name: 'Assignee' });
    expect((await call(sim, 'POST', field, { as: admin, body: { fieldId: 'assignee' } })).status).toBe(400);
    expect((await call(sim, 'POST', '/rest/api/3/screens', { as: projectAdmin, body: { name: 'Mine' } })).json()).toEqual({ errorMessages: ['Only Jira administrators can manage screens.'], errors: {} });
    expect((await call(sim, 'POST', `/rest/api/3/screens/${SCREEN.hrResolve}/tabs/10103/fields`, { as: projectAdmin, body: { fieldId: 'assignee' } })).status).toBe(403);
  });

  it('adds a custom field no screen shows yet, and answers 404 for a field the site does not have', async () => {
    // Start date: required on HR's onboarding, on no screen of the demo.
    const added = await call(sim, 'POST', `/rest/api/3/screens/${SCREEN.hrOnboardingDone}/tabs/10104/fields`, { as: admin, body: { fieldId: 'customfield_10060' } });
    expect(added.status).toBe(200);
    expect(added.json()).toEqual({ id: 'customfield_10060', name: 'Start date' });
    const missing = await call(sim, 'POST', `/rest/api/3/screens/${SCREEN.hrOnboardingDone}/tabs/10104/fields`, { as: admin, body: { fieldId: 'customfield_99999' } });
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ errorMessages: ['The field with id customfield_99999 does not exist.'], errors: {} });
  });

  it('lists screens to admins by a case-insensitive part of the name', async () => {
    const page = (await call(sim, 'GET', '/rest/api/3/screens?queryString=onboarding', { as: admin })).json();
    expect(page).toMatchObject({ startAt: 0, isLast: true, total: 1, values: [{ id: SCREEN.hrOnboardingDone, name: 'HR: Onboarding Complete Screen' }] });
  });
});

describe('fields and resolutions, as any signed-in user reads them', () => {
  it('GET /field names every custom field of the site, those no screen shows too (Start date)', async () => {
    const res = await call(sim, 'GET', '/rest/api/3/field', { as: agent });
    expect(res.status).toBe(200);
    const fields = res.json() as { id: string; name: string; custom: boolean }[];
    expect(fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'assignee', name: 'Assignee', custom: false }),
      expect.objectContaining({ id: 'customfield_10060', name: 'Start date', custom: true }),
    ]));
    expect((await call(sim, 'GET', '/rest/api/3/field')).status).toBe(401);
  });

  it('GET /resolution/search pages Jira’s resolutions with Done the default, by repeated id or only the default', async () => {
    const all = (await call(sim, 'GET', '/rest/api/3/resolution/search', { as: agent })).json();
    expect(all).toMatchObject({ startAt: 0, maxResults: 50, total: 4, isLast: true });
    expect(all.values.map((r: { id: string; name: string; default: boolean }) => [r.id, r.name, r.default])).toEqual([
      ['10000', 'Done', true],
      ['10001', "Won't Do", false],
      ['10002', 'Duplicate', false],
      ['10003', 'Cannot Reproduce', false],
    ]);
    const onlyDefault = (await call(sim, 'GET', '/rest/api/3/resolution/search?onlyDefault=true', { as: agent })).json();
    expect(onlyDefault.values.map((r: { id: string }) => r.id)).toEqual(['10000']);
    const byId = (await call(sim, 'GET', '/rest/api/3/resolution/search?id=10001&id=10003&maxResults=1', { as: agent })).json();
    expect(byId).toMatchObject({ total: 2, isLast: false, values: [{ id: '10001' }] });
    expect(byId.nextPage).toContain('startAt=1');
  });
});
