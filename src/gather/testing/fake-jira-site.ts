/**
 * A small in-memory Jira site for gatherer tests, answering in the shapes of
 * Atlassian's OpenAPI (paging metadata included, server page caps enforced):
 * two company-managed desks (IT, HR) sharing one workflow scheme and workflow, one
 * team-managed desk (TM), one end-user group, two transition screens, and two JSM
 * organizations (one shared by IT and HR).
 */
import { createFakeTransport, type FakeTransport } from '../../jira/testing/fake-transport';

export const SA_ID = '557058:aaaa-bbbb-moveworks';
export const SA_EMAIL = 'moveworks-bot@acme.com';

const STATUS = {
  open: { id: '1', name: 'Open', statusCategory: 'TODO', statusReference: '1', scope: { type: 'GLOBAL' } },
  progress: { id: '3', name: 'In Progress', statusCategory: 'IN_PROGRESS', statusReference: '3', scope: { type: 'GLOBAL' } },
  resolved: { id: '5', name: 'Resolved', statusCategory: 'DONE', statusReference: '5', scope: { type: 'GLOBAL' } },
  closed: { id: '6', name: 'Closed', statusCategory: 'DONE', statusReference: '6', scope: { type: 'GLOBAL' } },
  tmDone: { id: '10200', name: 'Done', statusCategory: 'DONE', statusReference: '10200', scope: { type: 'PROJECT', project: { id: '10002' } } },
  tmTodo: { id: '10201', name: 'To Do', statusCategory: 'TODO', statusReference: '10201', scope: { type: 'PROJECT', project: { id: '10002' } } },
  unrelated: { id: '99', name: 'Elsewhere', statusCategory: 'TODO', statusReference: '99', scope: { type: 'GLOBAL' } },
};

export const SHARED_WORKFLOW = {
  id: 'wf-shared',
  name: 'Shared SD Workflow',
  scope: { type: 'GLOBAL' },
  statuses: [{ statusReference: '1' }, { statusReference: '3' }, { statusReference: '5' }, { statusReference: '6' }],
  transitions: [
    { id: '1', name: 'Create', type: 'INITIAL', toStatusReference: '1', links: [] },
    { id: '11', name: 'Resolve', type: 'GLOBAL', toStatusReference: '5', links: [], transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '3' } } },
    { id: '21', name: 'Close', type: 'DIRECTED', toStatusReference: '6', links: [{ fromStatusReference: '5' }], transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '3' } } },
    { id: '31', name: 'Start', type: 'GLOBAL', toStatusReference: '3', links: [], transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '7' } } },
    { id: '41', name: 'Reopen', type: 'GLOBAL', toStatusReference: '1', links: [] },
  ],
};

export const TM_WORKFLOW = {
  id: 'wf-tm-10100',
  name: 'Service Request workflow',
  scope: { type: 'PROJECT', project: { id: '10002' } },
  statuses: [{ statusReference: '10201' }, { statusReference: '10200' }],
  transitions: [
    { id: '1', name: 'Create', type: 'INITIAL', toStatusReference: '10201', links: [] },
    { id: '51', name: 'Done', type: 'GLOBAL', toStatusReference: '10200', links: [], transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '4' } } },
  ],
};

function user(accountId: string, displayName: string, extra: Record<string, unknown> = {}): { accountId: string; displayName: string; emailAddress?: string } & Record<string, unknown> {
  return { accountId, accountType: 'atlassian', active: true, displayName, ...extra };
}

const GROUP_MEMBERS = [
  user('u-1', 'Ada'),
  user('u-2', 'Brian'),
  user('u-3', 'Chen'),
  user('u-4', 'Dana', { active: false }),
  user('u-5', 'Eve'),
];

function startAtPage<T>(items: T[], query: URLSearchParams, cap: number) {
  const startAt = Number(query.get('startAt') ?? 0);
  const maxResults = Math.min(Number(query.get('maxResults') ?? cap), cap);
  const values = items.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: items.length, isLast: startAt + values.length >= items.length, values };
}

function jsmPage<T>(items: T[], query: URLSearchParams, cap: number) {
  const start = Number(query.get('start') ?? 0);
  const limit = Math.min(Number(query.get('limit') ?? cap), cap);
  const values = items.slice(start, start + limit);
  return { start, limit, size: values.length, isLastPage: start + values.length >= items.length, values };
}

export function createFakeJiraSite(): FakeTransport {
  const t = createFakeTransport('https://acme.atlassian.net');
  t.on('GET', '/rest/api/3/serverInfo', { body: { baseUrl: 'https://acme.atlassian.net', serverTimeZone: 'Europe/London', deploymentType: 'Cloud', buildNumber: 100 } });

  t.on('GET', '/rest/api/3/user/search', ({ query }) => {
    const q = (query.get('query') ?? '').toLowerCase();
    const everyone = [
      // A prefix match listed first: only an exact e-mail comparison picks the right account.
      user('u-similar', 'Moveworks Bot Two', { emailAddress: 'moveworks-bot@acme.com.au' }),
      user(SA_ID, 'Moveworks Bot', { emailAddress: SA_EMAIL }),
      user('u-hidden', 'Hidden Person'),
    ];
    const matches = everyone.filter((u) => u.displayName.toLowerCase().includes(q) || String(u.emailAddress ?? '').toLowerCase().startsWith(q) || (q.startsWith('hidden') && u.accountId === 'u-hidden'));
    return { body: matches.slice(Number(query.get('startAt') ?? 0)) };
  });
  // The caller holds "Browse users and groups", so an empty user search means no active account.
  t.on('GET', '/rest/api/3/mypermissions', ({ query }) => {
    const permissions: Record<string, unknown> = {};
    for (const key of (query.get('permissions') ?? '').split(',')) {
      if (key === 'USER_PICKER') permissions[key] = { id: '27', key, name: 'Browse users and groups', type: 'GLOBAL', description: 'Browse users and groups', havePermission: true };
    }
    return { body: { permissions } };
  });
  t.on('GET', '/rest/api/3/user', ({ query }) => {
    if (query.get('accountId') !== SA_ID) return { status: 404, body: { errorMessages: ['Specified user does not exist or you do not have required permissions'], errors: {} } };
    return {
      body: user(SA_ID, 'Moveworks Bot', {
        emailAddress: SA_EMAIL,
        timeZone: 'America/Danmarkshavn',
        groups: { size: 1, items: [{ name: 'jira-servicedesk-users', groupId: 'g-jsd' }] },
        applicationRoles: { size: 1, items: [{ key: 'jira-servicedesk', name: 'Jira Service Management' }] },
      }),
    };
  });

  t.on('GET', '/rest/api/3/group/member', ({ query }) => {
    if (query.get('groupname') !== 'all-staff') return { status: 404, body: { errorMessages: ['Group not found'], errors: {} } };
    return { body: startAtPage(GROUP_MEMBERS, query, 2) };
  });

  const desks = [
    { id: '1', projectId: '10000', projectKey: 'IT', projectName: 'IT Service Desk' },
    { id: '2', projectId: '10001', projectKey: 'HR', projectName: 'HR Desk' },
    { id: '3', projectId: '10002', projectKey: 'TM', projectName: 'Team Desk' },
  ];
  const projects = [
    { id: '10000', key: 'IT', name: 'IT Service Desk', style: 'classic', issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10002', name: 'Access' }] },
    { id: '10001', key: 'HR', name: 'HR Desk', style: 'classic', issueTypes: [{ id: '10001', name: 'IT Help' }] },
    { id: '10002', key: 'TM', name: 'Team Desk', style: 'next-gen', simplified: true, issueTypes: [{ id: '10100', name: 'Service Request' }] },
  ];
  t.on('GET', '/rest/servicedeskapi/servicedesk', ({ query }) => ({ body: jsmPage(desks, query, 2) }));
  // JSM reads {serviceDeskId} as the desk id, `serviceDeskId:`, `projectId:`, `projectKey:` or the bare key;
  // a bare project id is not among them (it 404s as an unknown desk).
  for (const desk of desks) {
    const ids = [desk.id, `serviceDeskId:${desk.id}`, `projectId:${desk.projectId}`, `projectKey:${desk.projectKey}`, desk.projectKey];
    for (const id of ids) t.on('GET', `/rest/servicedeskapi/servicedesk/${id}`, { body: desk });
  }
  t.on('GET', '/rest/api/3/project/search', ({ query }) => {
    const keys = query.getAll('keys').map((k) => k.toUpperCase());
    return { body: startAtPage(keys.length > 0 ? projects.filter((p) => keys.includes(p.key)) : projects, query, 2) };
  });

  const roleMaps: Record<string, Record<string, string>> = {
    IT: { 'Service Desk Team': 'https://acme.atlassian.net/rest/api/3/project/10000/role/10101', Administrators: 'https://acme.atlassian.net/rest/api/3/project/10000/role/10002' },
    HR: { 'Service Desk Team': 'https://acme.atlassian.net/rest/api/3/project/10001/role/10101' },
    TM: { Administrator: 'https://acme.atlassian.net/rest/api/3/project/10002/role/10300', 'Service Desk Agent': 'https://acme.atlassian.net/rest/api/3/project/10002/role/10301', Viewer: 'https://acme.atlassian.net/rest/api/3/project/10002/role/10302' },
  };
  for (const [key, map] of Object.entries(roleMaps)) {
    t.on('GET', `/rest/api/3/project/${key}/role`, { body: map });
  }
  t.on('GET', '/rest/api/3/project/IT/role/10101', {
    body: {
      id: 10101,
      name: 'Service Desk Team',
      actors: [
        { id: 1, type: 'atlassian-user-role-actor', displayName: 'Moveworks Bot', actorUser: { accountId: SA_ID } },
        { id: 2, type: 'atlassian-group-role-actor', displayName: 'it-agents', name: 'it-agents', actorGroup: { name: 'it-agents', groupId: 'g-it', displayName: 'it-agents' } },
      ],
    },
  });
  t.on('GET', '/rest/api/3/project/HR/role/10101', { body: { id: 10101, name: 'Service Desk Team', actors: [] } });
  t.on('GET', '/rest/api/3/project/TM/role/10301', { body: { id: 10301, name: 'Service Desk Agent', actors: [{ id: 3, type: 'atlassian-user-role-actor', displayName: 'Moveworks Bot', actorUser: { accountId: SA_ID } }] } });

  const customers: Record<string, string[]> = { '1': ['u-1', 'u-2', 'u-3'], '2': ['u-1'], '3': [] };
  t.on('GET', '/rest/servicedeskapi/servicedesk/1/customer', ({ query, headers }) =>
    headers?.['X-ExperimentalApi'] !== 'opt-in'
      ? { status: 412, body: { errorMessage: 'This API is experimental.' } }
      : { body: jsmPage(customers['1'].map((id) => ({ accountId: id, displayName: id, emailAddress: `${id}@acme.com` })), query, 2) },
  );
  for (const id of ['2', '3']) {
    t.on('GET', `/rest/servicedeskapi/servicedesk/${id}/customer`, ({ query }) => ({ body: jsmPage(customers[id].map((a) => ({ accountId: a })), query, 50) }));
  }

  // Organizations: Contractors serves IT and HR (read once for both), Interns HR only; pages of 2 show the paging.
  const organizations: Record<string, { id: string; name: string }[]> = {
    '1': [{ id: '7', name: 'Contractors' }],
    '2': [{ id: '7', name: 'Contractors' }, { id: '8', name: 'Interns' }],
    '3': [],
  };
  for (const [id, list] of Object.entries(organizations)) {
    t.on('GET', `/rest/servicedeskapi/servicedesk/${id}/organization`, ({ query }) => ({ body: jsmPage(list.map((o) => ({ ...o, scimManaged: false })), query, 2) }));
  }
  const organizationMembers: Record<string, string[]> = { '7': ['u-2', 'u-3', 'u-9'], '8': ['u-5'] };
  for (const [id, members] of Object.entries(organizationMembers)) {
    t.on('GET', `/rest/servicedeskapi/organization/${id}/user`, ({ query }) => ({ body: jsmPage(members.map((a) => ({ accountId: a, displayName: a, active: true })), query, 2) }));
  }

  const requestTypes: Record<string, { id: string; name: string; issueTypeId: string }[]> = {
    '1': [
      { id: '11', name: 'Get IT help', issueTypeId: '10001' },
      { id: '12', name: 'Request access', issueTypeId: '10002' },
      { id: '13', name: 'Fix my laptop', issueTypeId: '10001' },
    ],
    '2': [{ id: '21', name: 'HR question', issueTypeId: '10001' }],
    '3': [{ id: '31', name: 'Ask the team', issueTypeId: '10100' }],
  };
  for (const [id, list] of Object.entries(requestTypes)) {
    t.on('GET', `/rest/servicedeskapi/servicedesk/${id}/requesttype`, ({ query }) => ({ body: jsmPage(list, query, 50) }));
  }

  t.on('GET', '/rest/api/3/workflowscheme/project', ({ query }) => {
    const ids = query.getAll('projectId').filter((id) => id === '10000' || id === '10001');
    return { body: { values: ids.length ? [{ projectIds: ids, workflowScheme: { id: 101, name: 'SD scheme', defaultWorkflow: 'Shared SD Workflow', issueTypeMappings: { '10001': 'Shared SD Workflow' } } }] : [] } };
  });
  t.on('POST', '/rest/api/3/workflows', ({ body }) => {
    const request = body as { workflowNames?: string[]; projectAndIssueTypes?: { projectId: string; issueTypeId: string }[] };
    if (request.workflowNames) {
      const workflows = [SHARED_WORKFLOW].filter((w) => request.workflowNames!.includes(w.name));
      return { body: { workflows, statuses: [STATUS.open, STATUS.progress, STATUS.resolved, STATUS.closed, STATUS.unrelated] } };
    }
    const pair = request.projectAndIssueTypes?.[0];
    if (pair?.projectId === '10002' && pair.issueTypeId === '10100') return { body: { workflows: [TM_WORKFLOW], statuses: [STATUS.tmTodo, STATUS.tmDone] } };
    return { body: { workflows: [], statuses: [] } };
  });

  t.on('GET', '/rest/api/3/screens/3/tabs', { body: [{ id: 31, name: 'Field Tab' }, { id: 32, name: 'More' }] });
  t.on('GET', '/rest/api/3/screens/3/tabs/31/fields', { body: [{ id: 'assignee', name: 'Assignee' }, { id: 'resolution', name: 'Resolution' }] });
  t.on('GET', '/rest/api/3/screens/3/tabs/32/fields', { body: [{ id: 'customfield_10010', name: 'Root cause' }, { id: 'assignee', name: 'Assignee' }] });
  t.on('GET', '/rest/api/3/screens/4/tabs', { body: [{ id: 41, name: 'Tab' }] });
  t.on('GET', '/rest/api/3/screens/4/tabs/41/fields', { body: [{ id: 'resolution', name: 'Resolution' }] });
  return t;
}
