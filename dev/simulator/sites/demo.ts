/**
 * The built-in demo site (Acme Corp) and its fully-ready twin.
 *
 * buildDemoSite(): ITSD is ready; HR has the usual gaps (service account not in
 * the team role, eight employees not customers (four more are customers only
 * through the Field Operations organization), no global Resolve, Assignee
 * missing from the Resolve screen, a required field missing from a screen); FAC is
 * team-managed; the service account's time zone is wrong (America/New_York while
 * the site default is Europe/London): SA-TIMEZONE fails when read with the account's
 * own token, and is an error through /user, which cannot tell it from the site default.
 * ITSDTEST is IT's test desk, where Moveworks is tuned: like ITSD, but its service
 * request workflow renamed "Waiting for support" to "Waiting for agent".
 * buildReadySite(): the same company with every gap fixed.
 */
import { SiteModel, type SimProject, type SimProjectRole, type SimRoleActor } from '../model';
import { demoScreens, demoStatuses, demoWorkflows, FIELD_NAMES, PROJECT_IDS, WORKFLOW_NAMES } from './demo-workflows';
import { groupUuid, atlassianAccountId } from './ids';
import { appUsers, DEMO_DOMAIN, externalCustomers, staffUsers } from './people';

/** Obviously fake credentials of the demo site; they only open the simulator. */
export const DEMO_CREDENTIALS = {
  admin: { email: `priya.raman@${DEMO_DOMAIN}`, token: 'SIMULATED-admin-token-not-a-secret', accountId: atlassianAccountId(1) },
  serviceAccount: { email: `moveworks-bot@${DEMO_DOMAIN}`, token: 'SIMULATED-moveworks-bot-token-not-a-secret', accountId: atlassianAccountId(900) },
  /** An IT agent: no admin rights anywhere. */
  agent: { email: `elena.petrova@${DEMO_DOMAIN}`, token: 'SIMULATED-agent-token-not-a-secret', accountId: atlassianAccountId(3) },
  /** Administers the HR project only. */
  projectAdmin: { email: `lucas.moreau@${DEMO_DOMAIN}`, token: 'SIMULATED-hr-admin-token-not-a-secret', accountId: atlassianAccountId(8) },
} as const;

export const DEMO_SERVICE_ACCOUNT_EMAIL = DEMO_CREDENTIALS.serviceAccount.email;
export const DEMO_END_USER_GROUP = 'all-employees';
export const DEMO_SERVER_TIME_ZONE = 'Europe/London';

export const GROUP_IDS = {
  jiraAdmins: groupUuid(1),
  siteAdmins: groupUuid(2),
  serviceDeskUsers: groupUuid(3),
  softwareUsers: groupUuid(4),
  allEmployees: groupUuid(5),
  itAgents: groupUuid(6),
  hrAgents: groupUuid(7),
  facilitiesTeam: groupUuid(8),
  moveworksAccounts: groupUuid(9),
  engineering: groupUuid(10),
} as const;

/** Staff indexes (into STAFF_NAMES) that are not customers of HR in the demo, neither one by one nor through an organization. */
export const HR_MISSING_CUSTOMER_INDEXES = [13, 18, 21, 24, 29, 33, 39, 41] as const;

/**
 * Staff indexes that are customers of HR only through the Field Operations
 * organization (not added one by one): the demo shows coverage through an organization.
 */
export const HR_ORGANIZATION_MEMBER_INDEXES = [15, 26, 31, 36] as const;

/** The IT test desk, paired with ITSD as its non-production desk (PARITY-CONFIG) in the preview's settings. */
export const ITSD_TEST = { key: 'ITSDTEST', name: 'IT Service Desk (Test)', production: 'ITSD' } as const;

/** The demo's JSM organization, associated with HR and FAC (so a run reads it once for both). */
export const FIELD_OPERATIONS = { id: '1', name: 'Field Operations' } as const;

const ROLE = { developers: 10001, administrators: 10002, serviceDeskTeam: 10100, serviceDeskCustomers: 10101 } as const;

export interface DemoOptions {
  ready: boolean;
}

export function buildDemoSite(): SiteModel {
  return buildAcme({ ready: false });
}

export function buildReadySite(): SiteModel {
  return buildAcme({ ready: true });
}

function buildAcme({ ready }: DemoOptions): SiteModel {
  const model = new SiteModel({ title: 'Acme Corp Jira', serverTimeZone: DEMO_SERVER_TIME_ZONE });
  const staff = staffUsers();
  const staffId = (index: number) => staff[index]!.accountId;
  for (const user of [...staff, ...externalCustomers(), ...appUsers()]) model.addUser(user);
  model.addUser({
    accountId: DEMO_CREDENTIALS.serviceAccount.accountId,
    accountType: 'atlassian',
    active: true,
    displayName: 'Moveworks Bot',
    email: DEMO_CREDENTIALS.serviceAccount.email,
    timeZone: ready ? 'America/Danmarkshavn' : 'America/New_York',
    locale: 'en_US',
  });
  const sa = DEMO_CREDENTIALS.serviceAccount.accountId;

  const groups: [keyof typeof GROUP_IDS, string][] = [
    ['jiraAdmins', 'jira-admins-acme'],
    ['siteAdmins', 'site-admins'],
    ['serviceDeskUsers', 'jira-servicedesk-users'],
    ['softwareUsers', 'jira-software-users'],
    ['allEmployees', DEMO_END_USER_GROUP],
    ['itAgents', 'it-agents'],
    ['hrAgents', 'hr-agents'],
    ['facilitiesTeam', 'facilities-team'],
    ['moveworksAccounts', 'moveworks-service-accounts'],
    ['engineering', 'engineering'],
  ];
  for (const [key, name] of groups) model.addGroup({ groupId: GROUP_IDS[key], name });
  model.adminGroupIds.add(GROUP_IDS.jiraAdmins);
  model.adminGroupIds.add(GROUP_IDS.siteAdmins);
  model.addApplicationRole({ key: 'jira-servicedesk', name: 'Jira Service Management', groupIds: [GROUP_IDS.serviceDeskUsers] });
  model.addApplicationRole({ key: 'jira-software', name: 'Jira Software', groupIds: [GROUP_IDS.softwareUsers] });

  const itAgents = [1, 2, 3, 4, 6].map(staffId);
  const hrAgents = [7, 8, 9].map(staffId);
  const facilities = [10, 11].map(staffId);
  const engineers = [12, 13, 14, 15, 16, 17, 18, 19, 20].map(staffId);
  model.addToGroup(GROUP_IDS.jiraAdmins, [staffId(0), staffId(1)]);
  model.addToGroup(GROUP_IDS.siteAdmins, [staffId(0)]);
  model.addToGroup(GROUP_IDS.serviceDeskUsers, [staffId(0), ...itAgents, ...hrAgents, ...facilities, sa]);
  model.addToGroup(GROUP_IDS.softwareUsers, [staffId(0), ...engineers]);
  model.addToGroup(GROUP_IDS.allEmployees, staff.map((u) => u.accountId));
  model.addToGroup(GROUP_IDS.itAgents, itAgents);
  model.addToGroup(GROUP_IDS.hrAgents, hrAgents);
  model.addToGroup(GROUP_IDS.facilitiesTeam, facilities);
  model.addToGroup(GROUP_IDS.moveworksAccounts, [sa]);
  model.addToGroup(GROUP_IDS.engineering, engineers);

  for (const [id, name] of [
    ['10003', 'IT Help'],
    ['10004', 'Service Request'],
    ['10005', 'Incident'],
    ['10007', 'HR Inquiry'],
    ['10008', 'Onboarding'],
    ['10009', 'Task'],
    ['10010', 'Bug'],
  ] as const) {
    model.addIssueType({ id, name });
  }
  const facScope = ready ? undefined : PROJECT_IDS.FAC;
  model.addIssueType({ id: '10100', name: 'Fix', projectId: facScope });
  model.addIssueType({ id: '10101', name: 'Booking', projectId: facScope });

  for (const status of demoStatuses(!ready)) model.addStatus(status);
  // The site's custom fields by name, whether or not a screen shows them yet (Start date is on none until fixed).
  for (const [id, name] of Object.entries(FIELD_NAMES)) if (id.startsWith('customfield_')) model.addField({ id, name });
  for (const screen of demoScreens(ready)) model.addScreen(screen);
  for (const workflow of demoWorkflows(ready)) model.addWorkflow(workflow);

  model.addWorkflowScheme({
    id: 10100,
    name: 'ITSD: Service Management Workflow Scheme',
    description: 'IT Service Desk workflows.',
    defaultWorkflow: WORKFLOW_NAMES.itsdServiceRequest,
    issueTypeMappings: { '10003': WORKFLOW_NAMES.itsdServiceRequest, '10004': WORKFLOW_NAMES.itsdServiceRequest, '10005': WORKFLOW_NAMES.itsdIncident },
  });
  model.addWorkflowScheme({
    id: 10101,
    name: 'HR: Service Management Workflow Scheme',
    description: 'HR Help Desk workflows.',
    defaultWorkflow: WORKFLOW_NAMES.hrServiceRequest,
    issueTypeMappings: { '10007': WORKFLOW_NAMES.hrServiceRequest, '10008': WORKFLOW_NAMES.hrOnboarding },
  });
  model.addWorkflowScheme({
    id: 10102,
    name: 'ENG: Software Workflow Scheme',
    description: '',
    defaultWorkflow: WORKFLOW_NAMES.engineering,
    issueTypeMappings: {},
  });
  model.addWorkflowScheme({
    id: 10104,
    name: 'ITSDTEST: Service Management Workflow Scheme',
    description: 'The IT test desk: its own copy of the service request workflow, the incident workflow shared with production.',
    defaultWorkflow: WORKFLOW_NAMES.itsdTestServiceRequest,
    issueTypeMappings: { '10003': WORKFLOW_NAMES.itsdTestServiceRequest, '10004': WORKFLOW_NAMES.itsdTestServiceRequest, '10005': WORKFLOW_NAMES.itsdIncident },
  });
  if (ready) {
    model.addWorkflowScheme({
      id: 10103,
      name: 'FAC: Service Management Workflow Scheme',
      description: 'Facilities runs the IT request workflow.',
      defaultWorkflow: WORKFLOW_NAMES.itsdServiceRequest,
      issueTypeMappings: {},
    });
  }

  const user = (accountId: string) => ({ type: 'user' as const, accountId });
  const group = (groupId: string) => ({ type: 'group' as const, groupId });

  const itsd = model.addProject({
    id: PROJECT_IDS.ITSD,
    key: 'ITSD',
    name: 'IT Service Desk',
    style: 'classic',
    projectTypeKey: 'service_desk',
    serviceDeskId: '1',
    leadAccountId: staffId(1),
    roles: serviceDeskRoles(model, [user(staffId(0)), group(GROUP_IDS.jiraAdmins)], [group(GROUP_IDS.itAgents), user(sa)]),
    issueTypeIds: ['10003', '10004', '10005'],
    workflowSchemeId: 10100,
    requestTypes: [
      { id: '1', name: 'Get IT help', description: 'Ask the IT team for help with anything.', issueTypeId: '10003' },
      { id: '2', name: 'Request new software', description: 'Licences and installations.', issueTypeId: '10004' },
      { id: '3', name: 'Request a new account', description: 'Access to a system or application.', issueTypeId: '10004' },
      { id: '4', name: 'Report a system problem', description: 'Something is broken or down.', issueTypeId: '10005' },
    ],
  });
  model.addCustomers(itsd.id, model.groupMembers(GROUP_IDS.allEmployees));
  model.addCustomers(itsd.id, externalCustomers().map((u) => u.accountId));

  const hrTeam = ready ? [group(GROUP_IDS.hrAgents), user(sa)] : [group(GROUP_IDS.hrAgents)];
  const hr = model.addProject({
    id: PROJECT_IDS.HR,
    key: 'HR',
    name: 'HR Help Desk',
    style: 'classic',
    projectTypeKey: 'service_desk',
    serviceDeskId: '2',
    leadAccountId: staffId(7),
    roles: serviceDeskRoles(model, [user(staffId(7)), group(GROUP_IDS.jiraAdmins)], hrTeam),
    issueTypeIds: ['10007', '10008'],
    workflowSchemeId: 10101,
    requestTypes: [
      { id: '5', name: 'Ask an HR question', description: 'Policies, benefits, leave.', issueTypeId: '10007' },
      { id: '6', name: 'Update personal details', description: 'Address, bank details, emergency contact.', issueTypeId: '10007' },
      { id: '7', name: 'Onboard a new hire', description: 'Everything a new starter needs on day one.', issueTypeId: '10008' },
    ],
  });
  const notIndividual = new Set<string>(ready ? [] : [...HR_MISSING_CUSTOMER_INDEXES, ...HR_ORGANIZATION_MEMBER_INDEXES].map(staffId));
  model.addCustomers(hr.id, staff.map((u) => u.accountId).filter((id) => !notIndividual.has(id)));
  model.addOrganization(FIELD_OPERATIONS);
  model.addToOrganization(FIELD_OPERATIONS.id, HR_ORGANIZATION_MEMBER_INDEXES.map(staffId));
  model.associateOrganization(hr.id, FIELD_OPERATIONS.id);

  const fac = model.addProject({
    id: PROJECT_IDS.FAC,
    key: 'FAC',
    name: 'Facilities Requests',
    style: ready ? 'classic' : 'next-gen',
    projectTypeKey: 'service_desk',
    serviceDeskId: '3',
    leadAccountId: staffId(10),
    roles: serviceDeskRoles(model, [user(staffId(10)), group(GROUP_IDS.jiraAdmins)], [group(GROUP_IDS.facilitiesTeam), group(GROUP_IDS.moveworksAccounts)], ready ? undefined : 10200),
    issueTypeIds: ['10100', '10101'],
    ...(ready
      ? { workflowSchemeId: 10103 }
      : { teamManagedWorkflows: { '10100': 'f4c2e8a1-6b3d-4f7e-9c0a-8d5b1e2f3a70', '10101': '2b7d9e3f-8a1c-4d6b-b5e2-7f0a3c9d1e64' } }),
    requestTypes: [
      { id: '8', name: 'Report a broken item', description: 'Desks, lights, doors, coffee machines.', issueTypeId: '10100' },
      { id: '9', name: 'Book a meeting room', description: 'Rooms and catering for events.', issueTypeId: '10101' },
    ],
  });
  model.addCustomers(fac.id, staff.map((u) => u.accountId));
  model.associateOrganization(fac.id, FIELD_OPERATIONS.id);

  // The IT test desk where Moveworks is tuned before production: ITSD's people and set-up, one status renamed.
  const itsdTest = model.addProject({
    id: PROJECT_IDS.ITSDTEST,
    key: ITSD_TEST.key,
    name: ITSD_TEST.name,
    style: 'classic',
    projectTypeKey: 'service_desk',
    serviceDeskId: '4',
    leadAccountId: staffId(1),
    roles: serviceDeskRoles(model, [user(staffId(0)), group(GROUP_IDS.jiraAdmins)], [group(GROUP_IDS.itAgents), user(sa)]),
    issueTypeIds: ['10003', '10004', '10005'],
    workflowSchemeId: 10104,
    requestTypes: [
      { id: '10', name: 'Get IT help (test)', description: 'Test requests for the Moveworks bot.', issueTypeId: '10003' },
      { id: '11', name: 'Request new software (test)', description: 'Test requests for the Moveworks bot.', issueTypeId: '10004' },
      { id: '12', name: 'Report a system problem (test)', description: 'Test requests for the Moveworks bot.', issueTypeId: '10005' },
    ],
  });
  model.addCustomers(itsdTest.id, model.groupMembers(GROUP_IDS.allEmployees));

  model.addProject({
    id: PROJECT_IDS.ENG,
    key: 'ENG',
    name: 'Engineering',
    style: 'classic',
    projectTypeKey: 'software',
    leadAccountId: staffId(12),
    roles: [
      role(model, ROLE.administrators, 'Administrators', 'A project role that represents administrators in a project', [user(staffId(12)), group(GROUP_IDS.jiraAdmins)]),
      role(model, ROLE.developers, 'Developers', 'A project role that represents developers in a project', [group(GROUP_IDS.engineering)]),
    ],
    issueTypeIds: ['10009', '10010'],
    workflowSchemeId: 10102,
    requestTypes: [],
  });

  // Pre-existing tickets, so issue keys in the preview look lived-in.
  model.createIssue({ projectId: itsd.id, issueTypeId: '10003', summary: 'Laptop will not connect to VPN', reporterAccountId: staffId(22), assigneeAccountId: staffId(2), fields: {}, created: '2026-11-20T09:12:00.000Z' });
  model.createIssue({ projectId: hr.id, issueTypeId: '10007', summary: 'Question about parental leave', reporterAccountId: staffId(30), fields: {}, created: '2026-11-21T14:40:00.000Z' });

  const tokens: [string, string][] = [
    [DEMO_CREDENTIALS.admin.accountId, DEMO_CREDENTIALS.admin.token],
    [DEMO_CREDENTIALS.serviceAccount.accountId, DEMO_CREDENTIALS.serviceAccount.token],
    [DEMO_CREDENTIALS.agent.accountId, DEMO_CREDENTIALS.agent.token],
    [DEMO_CREDENTIALS.projectAdmin.accountId, DEMO_CREDENTIALS.projectAdmin.token],
  ];
  for (const [accountId, token] of tokens) model.setApiToken(accountId, token);
  return model;
}

function role(model: SiteModel, id: number, name: string, description: string, actors: ({ type: 'user'; accountId: string } | { type: 'group'; groupId: string })[]): SimProjectRole {
  return { id, name, description, actors: actors.map((a) => ({ ...a, actorId: model.newActorId() }) as SimRoleActor) };
}

/** The three roles a service project has; team-managed projects number their own roles. */
export function serviceDeskRoles(
  model: SiteModel,
  admins: ({ type: 'user'; accountId: string } | { type: 'group'; groupId: string })[],
  team: ({ type: 'user'; accountId: string } | { type: 'group'; groupId: string })[],
  teamManagedBase?: number,
): SimProjectRole[] {
  const id = (classic: number, offset: number) => (teamManagedBase === undefined ? classic : teamManagedBase + offset);
  return [
    role(model, id(ROLE.administrators, 0), 'Administrators', 'A project role that represents administrators in a project', admins),
    role(model, id(ROLE.serviceDeskTeam, 1), 'Service Desk Team', 'Members of the service desk team who work on requests', team),
    role(model, id(ROLE.serviceDeskCustomers, 2), 'Service Desk Customers', 'Customers of the service desk', []),
  ];
}

export type { SimProject };
