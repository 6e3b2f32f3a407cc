import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../shared/report-model';
import { JiraClient } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { artifactsToFetch, gatherSnapshot } from './gather-snapshot';
import type { GatherProgress } from './progress';
import { createFakeJiraSite, SA_EMAIL, SA_ID } from './testing/fake-jira-site';

function settings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: SA_EMAIL, endUserGroups: ['all-staff'], ...overrides };
}

function clientOf(transport: ReturnType<typeof createFakeJiraSite>) {
  return new JiraClient(transport, { sleep: async () => undefined, random: () => 0 });
}

describe('gatherSnapshot against an in-memory site', () => {
  it('reads the site, the service account, the group and every desk', async () => {
    const site = createFakeJiraSite();
    const snapshot = await gatherSnapshot(clientOf(site), settings(), { now: () => new Date('2026-11-28T09:00:00Z') });

    expect(snapshot.baseUrl).toBe('https://acme.atlassian.net');
    expect(snapshot.gatheredAt).toBe('2026-11-28T09:00:00.000Z');
    expect(snapshot.serverInfo).toEqual({ ok: true, value: { baseUrl: 'https://acme.atlassian.net', serverTimeZone: 'Europe/London', deploymentType: 'Cloud' } });
    expect(snapshot.serviceAccount).toEqual({
      ok: true,
      value: {
        accountId: SA_ID,
        accountType: 'atlassian',
        active: true,
        displayName: 'Moveworks Bot',
        emailAddress: SA_EMAIL,
        timeZone: 'America/Danmarkshavn',
        groups: [{ name: 'jira-servicedesk-users', groupId: 'g-jsd' }],
        applicationRoles: [{ key: 'jira-servicedesk', name: 'Jira Service Management' }],
      },
    });
    expect(snapshot.serviceAccountSelf).toBeUndefined();
    expect(snapshot.endUserGroups['all-staff']).toEqual({
      ok: true,
      value: {
        name: 'all-staff',
        members: [
          { accountId: 'u-1', displayName: 'Ada' },
          { accountId: 'u-2', displayName: 'Brian' },
          { accountId: 'u-3', displayName: 'Chen' },
          { accountId: 'u-5', displayName: 'Eve' },
        ],
      },
    });
    expect(snapshot.projectListing).toEqual({ ok: true, value: true });
    expect(snapshot.projects.map((p) => [p.key, p.style, p.serviceDeskId])).toEqual([
      ['HR', 'company-managed', '2'],
      ['IT', 'company-managed', '1'],
      ['TM', 'team-managed', '3'],
    ]);

    const it = snapshot.projects.find((p) => p.key === 'IT')!;
    expect(it.roles).toEqual({
      ok: true,
      value: [
        {
          id: '10101',
          name: 'Service Desk Team',
          actors: [
            { type: 'user', accountId: SA_ID, displayName: 'Moveworks Bot' },
            { type: 'group', groupName: 'it-agents', groupId: 'g-it', displayName: 'it-agents' },
          ],
        },
      ],
    });
    expect(it.customers).toEqual({ ok: true, value: ['u-1', 'u-2', 'u-3'] });
    expect(it.issueTypes).toEqual([
      { id: '10001', name: 'IT Help' },
      { id: '10002', name: 'Access' },
    ]);
    expect(it.workflowByIssueType).toEqual({ ok: true, value: { '10001': 'Shared SD Workflow', '10002': 'Shared SD Workflow' } });

    const tm = snapshot.projects.find((p) => p.key === 'TM')!;
    expect(tm.roles?.ok && tm.roles.value.map((r) => r.name)).toEqual(['Service Desk Agent']);
    expect(tm.workflowByIssueType).toEqual({ ok: true, value: { '10100': 'Service Request workflow' } });

    expect(Object.keys(snapshot.workflows)).toEqual(['Service Request workflow', 'Shared SD Workflow']);
    const shared = snapshot.workflows['Shared SD Workflow'];
    expect(shared.ok && shared.value.statuses.map((s) => s.name)).toEqual(['Open', 'In Progress', 'Resolved', 'Closed']);

    expect(snapshot.screens).toEqual({
      '3': {
        ok: true,
        value: { id: '3', fieldIds: ['assignee', 'resolution', 'customfield_10010'], fieldNames: { assignee: 'Assignee', resolution: 'Resolution', customfield_10010: 'Root cause' } },
      },
      '4': { ok: true, value: { id: '4', fieldIds: ['resolution'], fieldNames: { resolution: 'Resolution' } } },
    });
    // The snapshot is plain data.
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('reads every shared artifact once: one workflow for two desks, one screen for two transitions, one group named twice', async () => {
    const site = createFakeJiraSite();
    const client = clientOf(site);
    await gatherSnapshot(client, settings({ endUserGroups: ['all-staff', 'all-staff'] }));

    const byName = site.callsTo('POST', '/rest/api/3/workflows').filter((r) => (r.body as { workflowNames?: string[] }).workflowNames);
    expect(byName).toHaveLength(1);
    expect(byName[0].body).toEqual({ workflowNames: ['Shared SD Workflow'] });
    const pairs = site.callsTo('POST', '/rest/api/3/workflows').filter((r) => (r.body as { projectAndIssueTypes?: unknown }).projectAndIssueTypes);
    expect(pairs.map((r) => r.body)).toEqual([{ projectAndIssueTypes: [{ projectId: '10002', issueTypeId: '10100' }] }]);
    // Both company-managed desks in one scheme lookup.
    expect(site.callsTo('GET', '/rest/api/3/workflowscheme/project').map((r) => r.path)).toEqual(['/rest/api/3/workflowscheme/project?projectId=10001&projectId=10000']);
    expect(site.callsTo('GET', '/rest/api/3/screens/3/tabs')).toHaveLength(1);
    expect(site.callsTo('GET', '/rest/api/3/screens/3/tabs/31/fields')).toHaveLength(1);
    // Screen 7 belongs to a transition into In Progress: not a Resolve candidate.
    expect(site.callsTo('GET', '/rest/api/3/screens/7/tabs')).toHaveLength(0);
    // 5 members at 2 per page: 3 pages, once.
    expect(site.callsTo('GET', '/rest/api/3/group/member')).toHaveLength(3);
    // Only the role SA-PROJECT-ROLE needs is read in full.
    expect(site.callsTo('GET', '/rest/api/3/project/IT/role/10002')).toHaveLength(0);
    expect(client.stats().callsByEndpoint['GET /rest/api/3/screens/{screenId}/tabs']).toBe(2);
    expect(client.stats().totalCalls).toBe(site.requests.length);
  });

  it('names each screen it reads from one GET /screens with their ids, and keeps its fields when Jira refuses the names', async () => {
    const site = createFakeJiraSite();
    const names: Record<string, string> = { '3': 'IT: Resolve Issue Screen', '4': 'TM: Done Screen', '7': 'Progress Screen' };
    site.on('GET', '/rest/api/3/screens', ({ query }) => {
      const values = query.getAll('id').filter((id) => names[id]).map((id) => ({ id: Number(id), name: names[id] }));
      return { body: { startAt: 0, maxResults: 100, total: values.length, isLast: true, values } };
    });
    const snapshot = await gatherSnapshot(clientOf(site), settings());
    expect(site.callsTo('GET', '/rest/api/3/screens').map((r) => r.path)).toEqual(['/rest/api/3/screens?id=3&id=4&startAt=0&maxResults=100']);
    expect(snapshot.screens?.['3']).toMatchObject({ ok: true, value: { id: '3', name: 'IT: Resolve Issue Screen', fieldIds: ['assignee', 'resolution', 'customfield_10010'] } });
    expect(snapshot.screens?.['4']).toMatchObject({ ok: true, value: { id: '4', name: 'TM: Done Screen' } });

    const refused = createFakeJiraSite().on('GET', '/rest/api/3/screens', { status: 403, body: { errorMessages: ['Only Jira administrators can manage screens.'], errors: {} } });
    const unnamed = await gatherSnapshot(clientOf(refused), settings());
    expect(unnamed.screens?.['3']).toEqual({ ok: true, value: { id: '3', fieldIds: ['assignee', 'resolution', 'customfield_10010'], fieldNames: { assignee: 'Assignee', resolution: 'Resolution', customfield_10010: 'Root cause' } } });
  });

  it('sends the experimental header for customers and keeps only account ids', async () => {
    const site = createFakeJiraSite();
    await gatherSnapshot(clientOf(site), settings());
    const calls = site.callsTo('GET', '/rest/servicedeskapi/servicedesk/1/customer');
    expect(calls.map((c) => c.path)).toEqual([
      '/rest/servicedeskapi/servicedesk/1/customer?start=0&limit=50',
      '/rest/servicedeskapi/servicedesk/1/customer?start=2&limit=50',
    ]);
    expect(calls.every((c) => c.headers?.['X-ExperimentalApi'] === 'opt-in')).toBe(true);
  });

  it("carries per desk the customers added one by one and the desk's organizations with their member ids", async () => {
    const snapshot = await gatherSnapshot(clientOf(createFakeJiraSite()), settings());
    const desk = (key: string) => snapshot.projects.find((p) => p.key === key)!;
    expect(desk('HR').customers).toEqual({ ok: true, value: ['u-1'] });
    expect(desk('HR').organizations).toEqual({
      ok: true,
      value: [
        { id: '7', name: 'Contractors', memberIds: ['u-2', 'u-3', 'u-9'] },
        { id: '8', name: 'Interns', memberIds: ['u-5'] },
      ],
    });
    expect(desk('IT').organizations).toEqual({ ok: true, value: [{ id: '7', name: 'Contractors', memberIds: ['u-2', 'u-3', 'u-9'] }] });
    expect(desk('TM').organizations).toEqual({ ok: true, value: [] });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('reads each organization once however many desks it serves, in JSM pages, without the experimental header', async () => {
    const site = createFakeJiraSite();
    const client = clientOf(site);
    await gatherSnapshot(client, settings());
    // Contractors serves IT and HR: its 3 members at 2 per page are 2 calls, once.
    expect(site.callsTo('GET', '/rest/servicedeskapi/organization/7/user').map((c) => c.path)).toEqual([
      '/rest/servicedeskapi/organization/7/user?start=0&limit=50',
      '/rest/servicedeskapi/organization/7/user?start=2&limit=50',
    ]);
    expect(site.callsTo('GET', '/rest/servicedeskapi/organization/8/user')).toHaveLength(1);
    // A desk's organizations are listed once per desk.
    expect(site.callsTo('GET', '/rest/servicedeskapi/servicedesk/2/organization')).toHaveLength(1);
    expect(site.callsTo('GET', '/rest/servicedeskapi/servicedesk/1/organization')).toHaveLength(1);
    const calls = [...site.callsTo('GET', '/rest/servicedeskapi/servicedesk/2/organization'), ...site.callsTo('GET', '/rest/servicedeskapi/organization/7/user')];
    expect(calls.every((c) => c.headers?.['X-ExperimentalApi'] === undefined)).toBe(true);
    expect(client.stats().callsByEndpoint['GET /rest/servicedeskapi/organization/{organizationId}/user']).toBe(3);
    expect(client.stats().callsByEndpoint['GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization']).toBe(3);
  });

  it("turns an unreadable organization listing or member list into that desk's Fetched error", async () => {
    const site = createFakeJiraSite()
      .on('GET', '/rest/servicedeskapi/servicedesk/1/organization', { status: 403, body: { errorMessage: 'You are not an agent of this service project.', i18nErrorMessage: { i18nKey: 'x', parameters: [] } } })
      .on('GET', '/rest/servicedeskapi/organization/8/user', { status: 404, body: { errorMessage: 'The organization with ID 8 does not exist.' } });
    const snapshot = await gatherSnapshot(clientOf(site), settings());
    const desk = (key: string) => snapshot.projects.find((p) => p.key === key)!;
    expect(desk('IT').organizations).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403, endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization' } });
    expect(desk('HR').organizations).toMatchObject({
      ok: false,
      error: { kind: 'not_found', endpoint: 'GET /rest/servicedeskapi/organization/{organizationId}/user', message: expect.stringContaining('The members of organization "Interns" could not be read') },
    });
    // The individual customers are still read.
    expect(desk('HR').customers).toEqual({ ok: true, value: ['u-1'] });
    expect(desk('TM').organizations).toEqual({ ok: true, value: [] });
  });

  it('turns failures into Fetched errors without aborting the run', async () => {
    const site = createFakeJiraSite()
      .on('GET', '/rest/api/3/project/HR/role', { status: 403, body: { errorMessages: ['You cannot administer this project'], errors: {} } })
      .on('GET', '/rest/servicedeskapi/servicedesk/2/requesttype', { status: 503 })
      .on('GET', '/rest/api/3/screens/4/tabs', { status: 200, body: '{not json' })
      .on('GET', '/rest/api/3/group/member', { status: 404, body: { errorMessages: ["Group 'ghosts' does not exist."] } });
    const snapshot = await gatherSnapshot(clientOf(site), settings({ endUserGroups: ['ghosts'] }));

    const hr = snapshot.projects.find((p) => p.key === 'HR')!;
    expect(hr.roles).toEqual({
      ok: false,
      error: {
        kind: 'forbidden',
        status: 403,
        endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role',
        message: 'Jira denied permission (403) for GET /rest/api/3/project/{projectIdOrKey}/role: You cannot administer this project',
      },
    });
    expect(hr.requestTypes?.ok).toBe(false);
    expect(hr.requestTypes?.ok === false && hr.requestTypes.error.kind).toBe('server');
    expect(hr.issueTypes).toEqual([]);
    expect(hr.workflowByIssueType?.ok === false && hr.workflowByIssueType.error.message).toContain('request types could not be read');
    expect(hr.customers).toEqual({ ok: true, value: ['u-1'] });
    expect(snapshot.screens?.['4']).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(snapshot.endUserGroups.ghosts).toMatchObject({ ok: false, error: { kind: 'not_found', message: expect.stringContaining("Group 'ghosts' does not exist.") } });
    // The rest is intact.
    expect(snapshot.projects.find((p) => p.key === 'IT')!.workflowByIssueType?.ok).toBe(true);
  });

  it('records a failed workflow read against that workflow only', async () => {
    const site = createFakeJiraSite().on('POST', '/rest/api/3/workflows', ({ body }) =>
      (body as { workflowNames?: string[] }).workflowNames ? { status: 403, body: { errorMessages: ['Administer Jira is required'] } } : { body: { workflows: [], statuses: [] } },
    );
    const snapshot = await gatherSnapshot(clientOf(site), settings());
    expect(snapshot.workflows['Shared SD Workflow']).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    // Team-managed issue type whose workflow Jira did not return: its own error entry.
    const tm = snapshot.projects.find((p) => p.key === 'TM')!;
    const key = tm.workflowByIssueType?.ok ? tm.workflowByIssueType.value['10100'] : '';
    expect(snapshot.workflows[key]).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(snapshot.screens).toEqual({});
  });

  it('throws on 401 for serverInfo so the CLI can stop with exit 2', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/serverInfo', { status: 401, body: { errorMessages: ['Client must be authenticated'] } });
    const error = await gatherSnapshot(clientOf(site), settings()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).kind).toBe('unauthorized');
    expect(site.requests).toHaveLength(1);
  });

  it('records a non-fatal serverInfo failure and carries on', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/serverInfo', { status: 404 });
    const snapshot = await gatherSnapshot(clientOf(site), settings());
    expect(snapshot.serverInfo).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(snapshot.projects).toHaveLength(3);
  });

  it('keeps a configured project key that does not exist as unavailable, and narrows to the configured keys', async () => {
    const site = createFakeJiraSite();
    const snapshot = await gatherSnapshot(clientOf(site), settings({ projectKeys: ['it', 'NOPE'] }));
    expect(snapshot.projects.map((p) => p.key)).toEqual(['IT', 'NOPE']);
    const nope = snapshot.projects[1];
    expect(nope.unavailable).toMatchObject({ kind: 'not_found' });
    expect(nope.roles).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(nope.workflowByIssueType?.ok).toBe(false);
    expect(site.callsTo('GET', '/rest/api/3/project/HR/role')).toHaveLength(0);
  });

  it('narrows issue types by the configured ids or names', async () => {
    const snapshot = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ projectKeys: ['IT'], issueTypesInScope: { IT: ['access'] } }));
    expect(snapshot.projects[0].issueTypes).toEqual([{ id: '10002', name: 'Access' }]);
    expect(snapshot.projects[0].workflowByIssueType).toEqual({ ok: true, value: { '10002': 'Shared SD Workflow' } });
  });

  it('looks the service account up by accountId, and returns null when Jira does not know it', async () => {
    const site = createFakeJiraSite();
    const byId = await gatherSnapshot(clientOf(site), settings({ serviceAccount: SA_ID, projectKeys: ['IT'] }));
    expect(byId.serviceAccount?.ok && byId.serviceAccount.value?.accountId).toBe(SA_ID);
    expect(site.callsTo('GET', '/rest/api/3/user/search')).toHaveLength(0);
    const unknown = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ serviceAccount: '557058:nobody', projectKeys: ['IT'] }));
    expect(unknown.serviceAccount).toEqual({ ok: true, value: null });
    const noMatch = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ serviceAccount: 'nobody@acme.com', projectKeys: ['IT'] }));
    expect(noMatch.serviceAccount).toEqual({ ok: true, value: null });
  });

  it('reads every group of the service account when the expand lists only some', async () => {
    const site = createFakeJiraSite()
      .on('GET', '/rest/api/3/user', {
        body: {
          accountId: SA_ID,
          accountType: 'atlassian',
          active: true,
          displayName: 'Moveworks Bot',
          groups: { size: 3, items: [{ name: 'a' }] },
          applicationRoles: { size: 0, items: [] },
        },
      })
      .on('GET', '/rest/api/3/user/groups', { body: [{ name: 'a', groupId: 'ga' }, { name: 'b', groupId: 'gb' }, { name: 'jira-servicedesk-users', groupId: 'g-jsd' }] });
    const snapshot = await gatherSnapshot(clientOf(site), settings({ serviceAccount: SA_ID, projectKeys: ['IT'] }));
    expect(snapshot.serviceAccount?.ok && snapshot.serviceAccount.value?.groups.map((g) => g.name)).toEqual(['a', 'b', 'jira-servicedesk-users']);
  });

  it('says to configure the accountId when hidden e-mails make the e-mail lookup undecidable', async () => {
    const snapshot = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ serviceAccount: 'hidden@acme.com', projectKeys: ['IT'] }));
    expect(snapshot.serviceAccount).toMatchObject({ ok: false, error: { kind: 'malformed', message: expect.stringContaining('Configure its accountId instead') } });
  });

  it("matches the e-mail exactly, not a prefix match from Jira's search", async () => {
    const site = createFakeJiraSite();
    const snapshot = await gatherSnapshot(clientOf(site), settings({ serviceAccount: 'MOVEWORKS-BOT@acme.com', projectKeys: ['IT'] }));
    expect(snapshot.serviceAccount?.ok && snapshot.serviceAccount.value?.accountId).toBe(SA_ID);
  });

  it("reads /myself with the service account's own client, and records a refused token as an error", async () => {
    const own = createFakeTransport().on('GET', '/rest/api/3/myself', { body: { accountId: SA_ID, timeZone: 'America/Danmarkshavn', emailAddress: SA_EMAIL } });
    const snapshot = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ projectKeys: ['IT'] }), { serviceAccountClient: new JiraClient(own) });
    expect(snapshot.serviceAccountSelf).toEqual({ ok: true, value: { accountId: SA_ID, timeZone: 'America/Danmarkshavn', emailAddress: SA_EMAIL } });

    const refused = createFakeTransport().on('GET', '/rest/api/3/myself', { status: 401 });
    const second = await gatherSnapshot(clientOf(createFakeJiraSite()), settings({ projectKeys: ['IT'] }), { serviceAccountClient: new JiraClient(refused) });
    expect(second.serviceAccountSelf).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 } });
  });

  it('reports progress per stage and per project, ending with done', async () => {
    const events: GatherProgress[] = [];
    await gatherSnapshot(clientOf(createFakeJiraSite()), settings(), { onProgress: (e) => events.push(e) });
    expect(events[0].stage).toBe('server');
    expect(events[events.length - 1].stage).toBe('done');
    const perProject = events.filter((e) => e.stage === 'project-details');
    expect(perProject.map((e) => e.done)).toEqual([1, 2, 3]);
    expect(perProject.every((e) => e.total === 3 && e.projectKey)).toBe(true);
  });

  it("reads the workflows and screens while a desk's customer pages are still coming in, not after them", async () => {
    const site = createFakeJiraSite();
    const order: string[] = [];
    let answerCustomers!: () => void;
    const customersHeld = new Promise<void>((resolve) => (answerCustomers = resolve));
    // A gatherer that waited for the customers first would see them answered only after this second.
    const safety = setTimeout(() => answerCustomers(), 1000);
    site.on('GET', '/rest/servicedeskapi/servicedesk/2/customer', async () => {
      await customersHeld;
      order.push('HR customers answered');
      return { body: { start: 0, limit: 50, size: 1, isLastPage: true, values: [{ accountId: 'u-1' }] } };
    });
    site.on('GET', '/rest/api/3/screens/4/tabs/41/fields', () => {
      order.push('screens read');
      answerCustomers();
      return { body: [{ id: 'resolution', name: 'Resolution' }] };
    });
    const snapshot = await gatherSnapshot(clientOf(site), settings());
    clearTimeout(safety);

    expect(order).toEqual(['screens read', 'HR customers answered']);
    expect(snapshot.projects.find((p) => p.key === 'HR')!.customers).toEqual({ ok: true, value: ['u-1'] });
    expect(snapshot.screens?.['4']?.ok).toBe(true);
  });

  it('fetches only what the checks of the run require (plus dependencies)', async () => {
    const site = createFakeJiraSite();
    const snapshot = await gatherSnapshot(clientOf(site), settings(), { requires: ['customers'] });
    expect(site.callsTo('POST', '/rest/api/3/workflows')).toHaveLength(0);
    expect(site.callsTo('GET', '/rest/api/3/user/search')).toHaveLength(0);
    expect(snapshot.serviceAccount).toBeUndefined();
    expect(snapshot.projects[0].customers?.ok).toBe(true);
    expect(snapshot.projects[0].organizations?.ok).toBe(true);
    // What no check of the run needs is absent (not gathered), never an error Jira did not give.
    expect(snapshot.projects[0].roles).toBeUndefined();
    expect(snapshot.projects[0].requestTypes).toBeUndefined();
    expect(snapshot.projects[0].workflowByIssueType).toBeUndefined();
    expect(snapshot.screens).toBeUndefined();
    // Field names come with the screens: a field no screen shows yet is still named.
    expect([...artifactsToFetch(['screens'])].sort()).toEqual(['fields', 'requestTypes', 'screens', 'serverInfo', 'workflows']);
    expect([...artifactsToFetch(['customers'])].sort()).toEqual(['customers', 'organizations', 'serverInfo']);
  });
});
