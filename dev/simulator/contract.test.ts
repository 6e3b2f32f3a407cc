/**
 * Contract: every response the simulator serves while every operation of the
 * trimmed official specs is exercised on the demo site (successes and the
 * documented errors) validates against Atlassian's schema for that operation.
 */
import { specOperations, validateAgainstSpec } from './openapi-validator';
import { startSimulator, type RunningSimulator } from './server';
import { buildDemoSite, DEMO_CREDENTIALS, FIELD_OPERATIONS, GROUP_IDS } from './sites/demo';
import { PROJECT_IDS, SCREEN, STATUS, WORKFLOW_NAMES } from './sites/demo-workflows';
import { call, OPT_IN, type Credentials } from './testing/client';

const admin = DEMO_CREDENTIALS.admin;
const agent = DEMO_CREDENTIALS.agent;
const sa = DEMO_CREDENTIALS.serviceAccount;
const hrAdmin = DEMO_CREDENTIALS.projectAdmin;

interface Step {
  method: string;
  path: string;
  status: number;
  as?: Credentials;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A workflow's full definition as POST /workflows/update takes it, read from a fresh demo site, with an edit. */
function workflowUpdate(name: string, edit: (transitions: Record<string, unknown>[]) => void = () => {}) {
  const model = buildDemoSite();
  const workflow = structuredClone(model.workflowByName(name)!);
  const transitions = (workflow.transitions ?? []) as Record<string, unknown>[];
  edit(transitions);
  return {
    statuses: model.statusesOf([workflow]).map((s) => ({ id: s.id, name: s.name, statusCategory: s.statusCategory, statusReference: s.statusReference, description: s.description ?? '' })),
    workflows: [
      {
        id: workflow.id,
        version: workflow.version,
        description: workflow.description,
        startPointLayout: workflow.startPointLayout,
        statuses: (workflow.statuses ?? []).map((s) => ({ statusReference: s.statusReference, layout: s.layout, properties: s.properties ?? {} })),
        transitions,
      },
    ],
  };
}

const globalResolve = (transitions: Record<string, unknown>[]) =>
  transitions.push({ id: '71', name: 'Resolve (Moveworks)', type: 'GLOBAL', toStatusReference: STATUS.resolved, links: [], actions: [], validators: [], triggers: [], properties: {} });

function steps(): Step[] {
  const saId = encodeURIComponent(sa.accountId);
  const group = encodeURIComponent('all-employees');
  const incidentId = buildDemoSite().workflowByName(WORKFLOW_NAMES.itsdIncident)!.id!;
  // Jira's own example token: base64 of {"o":1}, the second project.
  const secondPage = Buffer.from(JSON.stringify({ o: 1 })).toString('base64');
  return [
    { method: 'GET', path: '/rest/api/3/serverInfo', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/serverInfo', status: 401 },
    { method: 'GET', path: '/rest/api/3/myself?expand=groups,applicationRoles', status: 200, as: sa },
    { method: 'GET', path: '/rest/api/3/myself', status: 401, as: { ...sa, token: 'wrong' } },
    { method: 'GET', path: `/rest/api/3/user?accountId=${saId}&expand=groups,applicationRoles`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/user?accountId=${encodeURIComponent(DEMO_CREDENTIALS.projectAdmin.accountId)}`, status: 200, as: agent },
    { method: 'GET', path: '/rest/api/3/user?accountId=nobody', status: 404, as: admin },
    { method: 'GET', path: `/rest/api/3/user/search?query=${encodeURIComponent(sa.email)}`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/user/search?query=a&maxResults=5000', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/user/search', status: 400, as: admin },
    { method: 'GET', path: `/rest/api/3/user/search?query=${encodeURIComponent('jonas.berg@acme.example')}`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/mypermissions?permissions=USER_PICKER', status: 200, as: agent },
    { method: 'GET', path: `/rest/api/3/user/groups?accountId=${saId}`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/project/search?typeKey=service_desk&expand=issueTypes,lead', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/project/search?maxResults=2', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/project/ITSD/role', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/project/NOPE/role', status: 404, as: admin },
    { method: 'GET', path: '/rest/api/3/project/ITSD/role/10100', status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/project/${PROJECT_IDS.FAC}/role/10201`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/project/ITSD/role/99999', status: 404, as: admin },
    { method: 'POST', path: '/rest/api/3/project/HR/role/10100', status: 200, as: admin, body: { user: [sa.accountId] } },
    { method: 'POST', path: '/rest/api/3/project/HR/role/10100', status: 200, as: admin, body: { groupId: [GROUP_IDS.moveworksAccounts] } },
    { method: 'POST', path: '/rest/api/3/project/HR/role/10100', status: 400, as: admin, body: { user: [sa.accountId] } },
    { method: 'GET', path: `/rest/api/3/group/member?groupname=${group}&maxResults=10`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}&startAt=40&includeInactiveUsers=true`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/group/member', status: 400, as: admin },
    { method: 'GET', path: `/rest/api/3/group/member?groupname=${group}`, status: 403, as: agent },
    { method: 'GET', path: '/rest/api/3/group/member?groupname=no-such-group', status: 404, as: admin },
    { method: 'GET', path: '/rest/api/3/groups/picker?query=employ', status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/workflowscheme/project?projectId=${PROJECT_IDS.ITSD}&projectId=${PROJECT_IDS.HR}&projectId=${PROJECT_IDS.FAC}`, status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/workflowscheme/project', status: 400, as: admin },
    { method: 'GET', path: `/rest/api/3/workflowscheme/project?projectId=${PROJECT_IDS.HR}`, status: 403, as: agent },
    // The incident workflow serves ITSD and ITSDTEST: one project a page, then the second by its token.
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages?maxResults=1`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages?maxResults=1&nextPageToken=${encodeURIComponent(secondPage)}`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages?nextPageToken=not-a-token`, status: 400, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages?maxResults=201`, status: 400, as: admin },
    { method: 'GET', path: '/rest/api/3/workflow/no-such-workflow/projectUsages', status: 404, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages`, status: 403, as: hrAdmin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/projectUsages`, status: 401 },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/project/${PROJECT_IDS.ITSD}/issueTypeUsages`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/project/${PROJECT_IDS.HR}/issueTypeUsages?maxResults=200`, status: 200, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/project/${PROJECT_IDS.ITSD}/issueTypeUsages?maxResults=0`, status: 400, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/no-such-workflow/project/${PROJECT_IDS.ITSD}/issueTypeUsages`, status: 404, as: admin },
    { method: 'GET', path: `/rest/api/3/workflow/${incidentId}/project/${PROJECT_IDS.ITSD}/issueTypeUsages`, status: 403, as: agent },
    { method: 'POST', path: '/rest/api/3/workflows', status: 200, as: admin, body: { workflowNames: ['ITSD: Service Request Workflow', 'ITSD: Incident Workflow', 'HR: Service Request Workflow', 'HR: Onboarding Workflow'] } },
    {
      method: 'POST',
      path: '/rest/api/3/workflows',
      status: 200,
      as: admin,
      body: { projectAndIssueTypes: [{ projectId: PROJECT_IDS.FAC, issueTypeId: '10100' }, { projectId: PROJECT_IDS.FAC, issueTypeId: '10101' }] },
    },
    { method: 'POST', path: '/rest/api/3/workflows', status: 400, as: admin, body: { workflowNames: 'not a list' } },
    { method: 'GET', path: '/rest/api/3/workflows/search?expand=values.transitions', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/workflows/search?maxResults=2&queryString=ITSD', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/screens/10000/tabs', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/field', status: 200, as: agent },
    { method: 'GET', path: '/rest/api/3/field', status: 401 },
    { method: 'GET', path: '/rest/api/3/resolution/search', status: 200, as: agent },
    { method: 'GET', path: '/rest/api/3/resolution/search?onlyDefault=true', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/resolution/search?id=10001&id=10003&maxResults=1', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/resolution/search', status: 401 },
    { method: 'GET', path: '/rest/api/3/screens/10001/tabs/10102/fields', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/screens/abc/tabs', status: 400, as: admin },
    { method: 'GET', path: '/rest/api/3/screens/10000/tabs', status: 403, as: agent },
    { method: 'GET', path: '/rest/api/3/screens/4242/tabs', status: 404, as: admin },
    { method: 'GET', path: '/rest/api/3/screens/10000/tabs/1/fields', status: 404, as: admin },
    { method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER,ADMINISTER_PROJECTS&projectKey=HR', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER', status: 401 },
    { method: 'GET', path: '/rest/api/3/mypermissions', status: 400, as: admin },
    { method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER&projectKey=NOPE', status: 404, as: admin },
    { method: 'POST', path: '/rest/api/3/permissions/check', status: 200, as: admin, body: { accountId: agent.accountId, globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS'], projects: [10000, 10001] }] } },
    { method: 'POST', path: '/rest/api/3/permissions/check', status: 400, as: admin, body: { globalPermissions: ['PERMISSION_123'] } },
    { method: 'POST', path: '/rest/api/3/permissions/check', status: 403, as: agent, body: { accountId: admin.accountId, globalPermissions: ['ADMINISTER'] } },
    { method: 'POST', path: '/rest/api/3/issue', status: 201, as: admin, body: { fields: { project: { key: 'ITSD' }, issuetype: { id: '10003' }, summary: 'Moveworks readiness report' } } },
    { method: 'POST', path: '/rest/api/3/issue', status: 400, as: admin, body: { fields: { project: { key: 'ITSD' }, issuetype: { id: '10003' } } } },
    { method: 'POST', path: '/rest/api/3/issue', status: 401, body: { fields: {} } },
    { method: 'GET', path: '/rest/api/3/issue/ITSD-1', status: 200, as: admin },
    { method: 'POST', path: '/rest/api/3/permissions/check', status: 200, as: admin, body: { accountId: agent.accountId, projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [20000, 424242] }] } },
    { method: 'GET', path: '/rest/api/3/issue/ITSD-999', status: 404, as: admin },
    { method: 'POST', path: '/rest/api/3/issue/ITSD-1/notify', status: 204, as: admin, body: { subject: 'Readiness', textBody: 'Hi', htmlBody: '<p>Hi</p>', to: { groups: [{ name: 'it-agents' }] } } },
    { method: 'POST', path: '/rest/api/3/issue/ITSD-999/notify', status: 404, as: admin, body: { subject: 'x', to: { reporter: true } } },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk?limit=1&start=1', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk', status: 401 },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/1/customer', status: 200, as: admin, headers: OPT_IN },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/1/customer?start=10&limit=5', status: 200, as: agent, headers: { ...OPT_IN } },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/99/customer', status: 404, as: admin, headers: OPT_IN },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/1/customer', status: 401, headers: OPT_IN },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/2/customer', status: 403, as: agent, headers: OPT_IN },
    { method: 'POST', path: '/rest/servicedeskapi/servicedesk/2/customer', status: 204, as: admin, body: { accountIds: [agent.accountId] } },
    { method: 'POST', path: '/rest/servicedeskapi/servicedesk/2/customer', status: 400, as: admin, body: { accountIds: ['nobody'] } },
    { method: 'POST', path: '/rest/servicedeskapi/servicedesk/2/customer', status: 403, as: agent, body: { accountIds: [agent.accountId] } },
    { method: 'POST', path: '/rest/servicedeskapi/servicedesk/99/customer', status: 404, as: admin, body: { accountIds: [] } },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/1', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/HR', status: 200, as: admin },
    { method: 'GET', path: `/rest/servicedeskapi/servicedesk/projectId:${PROJECT_IDS.FAC}`, status: 200, as: admin },
    { method: 'GET', path: `/rest/servicedeskapi/servicedesk/${PROJECT_IDS.FAC}`, status: 404, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/99', status: 404, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/1', status: 401 },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/3/requesttype', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/HR/requesttype?limit=1', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/99/requesttype', status: 404, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/2/organization', status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/HR/organization?start=0&limit=1', status: 200, as: hrAdmin },
    { method: 'GET', path: `/rest/servicedeskapi/servicedesk/2/organization?accountId=${encodeURIComponent(hrAdmin.accountId)}`, status: 200, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/2/organization?accountId=nobody', status: 404, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/2/organization', status: 403, as: agent },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/99/organization', status: 404, as: admin },
    { method: 'GET', path: '/rest/servicedeskapi/servicedesk/2/organization', status: 401 },
    { method: 'GET', path: `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, status: 200, as: admin },
    { method: 'GET', path: `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user?start=1&limit=2`, status: 200, as: hrAdmin },
    { method: 'GET', path: `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, status: 403, as: agent },
    { method: 'GET', path: '/rest/servicedeskapi/organization/99/user', status: 404, as: admin },
    { method: 'GET', path: `/rest/servicedeskapi/organization/${FIELD_OPERATIONS.id}/user`, status: 401 },
    // Writes an admin's one-click fixes make, last so the reads above see the demo as built.
    { method: 'GET', path: '/rest/api/3/applicationrole/jira-servicedesk', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/applicationrole/jira-servicedesk', status: 403, as: agent },
    { method: 'GET', path: '/rest/api/3/applicationrole/no-such-product', status: 404, as: admin },
    { method: 'POST', path: `/rest/api/3/group/user?groupId=${GROUP_IDS.moveworksAccounts}`, status: 201, as: admin, body: { accountId: agent.accountId } },
    { method: 'POST', path: `/rest/api/3/group/user?groupId=${GROUP_IDS.moveworksAccounts}`, status: 400, as: admin, body: { accountId: agent.accountId } },
    { method: 'POST', path: `/rest/api/3/group/user?groupId=${GROUP_IDS.moveworksAccounts}`, status: 403, as: agent, body: { accountId: agent.accountId } },
    { method: 'POST', path: '/rest/api/3/group/user?groupname=no-such-group', status: 404, as: admin, body: { accountId: agent.accountId } },
    { method: 'POST', path: '/rest/api/3/workflows/update/validation', status: 200, as: admin, body: { payload: workflowUpdate(WORKFLOW_NAMES.hrServiceRequest, globalResolve) } },
    {
      method: 'POST',
      path: '/rest/api/3/workflows/update/validation',
      status: 200,
      as: admin,
      body: { payload: workflowUpdate(WORKFLOW_NAMES.hrServiceRequest, (t) => t.push({ id: '71', name: 'Nowhere', type: 'GLOBAL', toStatusReference: '424242', links: [] })), validationOptions: { levels: ['ERROR'] } },
    },
    { method: 'POST', path: '/rest/api/3/workflows/update/validation', status: 401, as: agent, body: { payload: workflowUpdate(WORKFLOW_NAMES.hrServiceRequest) } },
    { method: 'POST', path: '/rest/api/3/workflows/update/validation', status: 400, as: admin, body: { validationOptions: {} } },
    { method: 'POST', path: '/rest/api/3/workflows/update', status: 200, as: admin, body: workflowUpdate(WORKFLOW_NAMES.hrServiceRequest, globalResolve) },
    { method: 'POST', path: '/rest/api/3/workflows/update', status: 409, as: admin, body: workflowUpdate(WORKFLOW_NAMES.hrServiceRequest, globalResolve) },
    { method: 'POST', path: '/rest/api/3/workflows/update', status: 400, as: admin, body: workflowUpdate(WORKFLOW_NAMES.hrOnboarding, (t) => t.push({ id: '11', name: 'Twin', type: 'GLOBAL', toStatusReference: STATUS.done, links: [] })) },
    { method: 'POST', path: '/rest/api/3/workflows/update', status: 401, as: agent, body: workflowUpdate(WORKFLOW_NAMES.hrOnboarding) },
    { method: 'GET', path: '/rest/api/3/screens?queryString=resolve&maxResults=2', status: 200, as: admin },
    { method: 'GET', path: '/rest/api/3/screens', status: 403, as: agent },
    { method: 'POST', path: '/rest/api/3/screens', status: 201, as: admin, body: { name: 'HR: Resolve Screen (copy)', description: 'Assignee and resolution' } },
    { method: 'POST', path: '/rest/api/3/screens', status: 400, as: admin, body: { name: 'HR: Resolve Screen' } },
    { method: 'POST', path: '/rest/api/3/screens', status: 403, as: agent, body: { name: 'Not mine' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs`, status: 200, as: admin, body: { name: 'Moveworks' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs`, status: 400, as: admin, body: { name: 'Field Tab' } },
    { method: 'POST', path: '/rest/api/3/screens/4242/tabs', status: 404, as: admin, body: { name: 'Moveworks' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs`, status: 403, as: agent, body: { name: 'Mine' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs/10103/fields`, status: 200, as: admin, body: { fieldId: 'assignee' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs/10103/fields`, status: 400, as: admin, body: { fieldId: 'assignee' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs/10103/fields`, status: 404, as: admin, body: { fieldId: 'customfield_424242' } },
    { method: 'POST', path: `/rest/api/3/screens/${SCREEN.hrResolve}/tabs/10103/fields`, status: 403, as: agent, body: { fieldId: 'assignee' } },
  ];
}

describe('the simulator against the official OpenAPI schemas', () => {
  let sim: RunningSimulator;
  const answered: { step: Step; status: number; text: string }[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ site: buildDemoSite(), validateResponses: true });
    // The HR agent group must not see desk 2's customers, so the 403 step is real.
    for (const step of steps()) {
      const result = await call(sim, step.method, step.path, { as: step.as, body: step.body, headers: step.headers });
      answered.push({ step, status: result.status, text: result.text });
    }
  });

  afterAll(() => sim.close());

  it('answers every step with the status Jira would', () => {
    const wrong = answered.filter((a) => a.status !== a.step.status).map((a) => `${a.step.method} ${a.step.path}: expected ${a.step.status}, got ${a.status} ${a.text.slice(0, 200)}`);
    expect(wrong).toEqual([]);
  });

  it('serves no response that violates the official schema of its operation', () => {
    expect(sim.violations).toEqual([]);
  });

  it('exercises every operation of the trimmed specs successfully at least once', () => {
    const succeeded = new Set(sim.requests.filter((r) => r.status < 300).map((r) => r.endpoint));
    const missing = specOperations().filter((op) => !succeeded.has(op));
    expect(missing).toEqual([]);
  });

  it('validated a permissions/check answer that grants an issue', () => {
    const granted = answered.filter((a) => a.step.path === '/rest/api/3/permissions/check' && a.status === 200 && /"issues":\[\d/.test(a.text));
    expect(granted).toHaveLength(1);
  });

  it('actually checked the bodies (the validator was not idle)', () => {
    const checked = answered.filter((a) => a.status < 300 && a.status !== 204 && validateAgainstSpec(a.step.method, templateOf(a.step.path), a.status, JSON.parse(a.text)).checked);
    expect(checked.length).toBeGreaterThan(25);
  });
});

function templateOf(path: string): string {
  const bare = path.split('?')[0]!;
  return (
    specOperations()
      .map((op) => op.split(' ')[1]!)
      .find((template) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare)) ?? bare
  );
}
