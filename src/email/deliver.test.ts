import { JiraClient } from '../jira/jira-client';
import { createFakeTransport, type FakeTransport } from '../jira/testing/fake-transport';
import type { TransportRequest } from '../jira/transport';
import type { ComposedEmail } from './compose';
import { deliverReportEmail, NOTIFY_RETRY_POLICY, type DeliveryRequest } from './deliver';
import { REPORT_ISSUE_SUMMARY } from './report-issue';

const email: ComposedEmail = { subject: 'Moveworks readiness: Not ready (71%) — 2 newly failing', htmlBody: '<p>html &lt;b&gt;</p>', textBody: 'text body' };
const GROUP_ID = '952d12c3-5b5b-4d04-bb32-44d383afc4b2';
const NOW = new Date('2026-11-28T09:05:00.000Z');

function request(overrides: Partial<DeliveryRequest> = {}): DeliveryRequest {
  return {
    runId: 'run-1',
    issueKey: 'MW-7',
    recipients: { users: ['u-1', ' u-2 ', 'u-1', ''], groups: ['jira-admins', GROUP_ID] },
    email,
    now: () => NOW,
    ...overrides,
  };
}

const client = (fake: FakeTransport) => new JiraClient(fake, { policy: NOTIFY_RETRY_POLICY, sleep: async () => undefined });
const bodyOf = (r: TransportRequest) => r.body as Record<string, any>;

const SENDER = 'app-sender';

/**
 * Jira's side of "who can see the report issue": the issue (id, project), the
 * groups' members, the caller, and permissions/check answering Browse Projects for
 * the issue to the people in `canSee`, the way Jira lists granted issues.
 */
function whoSees(fake: FakeTransport, o: { key: string; id?: string; project?: string; serviceDesk?: boolean; canSee: string[]; members?: Record<string, { accountId: string; displayName?: string; active?: boolean }[]> }): FakeTransport {
  const id = o.id ?? '30007';
  return fake
    .on('GET', `/rest/api/3/issue/${o.key}`, { body: { id, key: o.key, fields: { project: { key: o.project ?? o.key.split('-')[0], projectTypeKey: o.serviceDesk ? 'service_desk' : 'software' } } } })
    .on('GET', '/rest/api/3/myself', { body: { accountId: SENDER } })
    .on('GET', '/rest/api/3/group/member', ({ query }) => {
      const values = o.members?.[query.get('groupname') ?? query.get('groupId') ?? ''] ?? [];
      return { body: { startAt: 0, maxResults: 50, total: values.length, isLast: true, values } };
    })
    .on('POST', '/rest/api/3/permissions/check', ({ body }) => {
      const { accountId, projectPermissions } = body as { accountId: string; projectPermissions: { permissions: string[]; issues: number[] }[] };
      const issues = o.canSee.includes(accountId) ? projectPermissions[0].issues.filter((i) => i === Number(id)) : [];
      return { body: { globalPermissions: [], projectPermissions: issues.length > 0 ? [{ permission: 'BROWSE_PROJECTS', projects: [], issues }] : [] } };
    });
}

/** Jira's notify would otherwise also mail these people of the issue. */
const NOBODY_ELSE = { reporter: false, assignee: false, watchers: false, voters: false };

describe('deliverReportEmail to a configured issue', () => {
  test('posts the composed e-mail to exactly the configured users and groups', async () => {
    const fake = whoSees(createFakeTransport(), { key: 'MW-7', canSee: ['u-1', 'u-2'] }).on('POST', '/rest/api/3/issue/MW-7/notify', { status: 204 });
    const record = await deliverReportEmail(client(fake), request());

    expect(record).toEqual({
      runId: 'run-1',
      at: '2026-11-28T09:05:00.000Z',
      outcome: 'sent',
      issueKey: 'MW-7',
      recipients: { users: ['u-1', 'u-2'], groups: ['jira-admins', GROUP_ID] },
      subject: email.subject,
      reach: { issueKey: 'MW-7', projectKey: 'MW', reached: [{ accountId: 'u-1' }, { accountId: 'u-2' }], dropped: [] },
    });
    const [call] = fake.callsTo('POST', '/rest/api/3/issue/MW-7/notify');
    expect(bodyOf(call)).toEqual({
      subject: email.subject,
      textBody: email.textBody,
      htmlBody: email.htmlBody,
      to: {
        ...NOBODY_ELSE,
        users: [{ accountId: 'u-1' }, { accountId: 'u-2' }],
        groups: [{ name: 'jira-admins' }],
        groupIds: [GROUP_ID],
      },
    });
    expect(fake.callsTo('POST', '/rest/api/3/issue/MW-7/notify')).toHaveLength(1);
  });

  test('encodes the issue key into the path', async () => {
    const fake = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7%2F..%2Fx/notify', { status: 204 });
    const record = await deliverReportEmail(client(fake), request({ issueKey: 'MW-7/../x' }));
    expect(record.outcome).toBe('sent');
  });

  test('no recipients: skipped without calling Jira', async () => {
    const fake = createFakeTransport();
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: [' '], groups: [] } }));
    expect(record).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('No recipients') });
    expect(fake.requests).toHaveLength(0);
  });

  test.each([
    [400, { errorMessages: ['The recipient is the same as the calling user.'], errors: {} }, ['a recipient is the caller', 'The recipient is the same as the calling user.', '(400)']],
    [403, undefined, ['outgoing e-mail may be disabled', '(403)']],
    [403, { errorMessages: ['Outgoing email is disabled.'] }, ['Outgoing email is disabled.']],
    [404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }, ['The report issue MW-7 was not found', 'Issue does not exist']],
    [500, 'oops', ['Could not send the report e-mail', '(500)']],
  ])('%i is recorded as failed with Jira\'s words', async (status, body, expected) => {
    const fake = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7/notify', { status, body });
    const record = await deliverReportEmail(client(fake), request());
    expect(record.outcome).toBe('failed');
    expect(record.issueKey).toBe('MW-7');
    for (const words of expected) expect(record.message).toContain(words);
  });

  test('a 5xx is not retried (Jira may have queued the mail); a 429 is', async () => {
    const failing = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7/notify', { status: 503 });
    expect((await deliverReportEmail(failing, request())).outcome).toBe('failed'); // a bare transport gets the notify policy
    expect(failing.callsTo('POST', '/rest/api/3/issue/MW-7/notify')).toHaveLength(1);

    let calls = 0;
    const limited = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7/notify', () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '0' } } : { status: 204 }));
    expect((await deliverReportEmail(limited, request())).outcome).toBe('sent');
    expect(limited.callsTo('POST', '/rest/api/3/issue/MW-7/notify')).toHaveLength(2);
  });

  test('a transport that throws becomes a failed record, never an exception', async () => {
    const fake = createFakeTransport();
    fake.request = async () => {
      throw new Error('socket hang up');
    };
    const record = await deliverReportEmail(client(fake), request());
    expect(record).toMatchObject({ outcome: 'failed', issueKey: 'MW-7', message: expect.stringContaining('socket hang up') });
  });
});

describe('deliverReportEmail: only people who can see the report issue get the e-mail', () => {
  const notifyOk = (fake: FakeTransport) => fake.on('POST', '/rest/api/3/issue/MW-7/notify', { status: 204 });

  test('the record names who Jira leaves out and why, and counts only the others as reached', async () => {
    const fake = notifyOk(whoSees(createFakeTransport(), { key: 'MW-7', canSee: ['u-1'] }));
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: ['u-1', 'u-2'], groups: [] } }));

    expect(record.outcome).toBe('sent');
    expect(record.reach?.reached).toEqual([{ accountId: 'u-1' }]);
    expect(record.reach?.dropped).toEqual([{ accountId: 'u-2', reason: 'cannot see the report issue MW-7 in project MW' }]);
    // Each person is asked about the issue itself (its id), for Browse Projects.
    expect(fake.callsTo('POST', '/rest/api/3/permissions/check').map((r) => bodyOf(r))).toEqual([
      { accountId: 'u-1', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [30007] }] },
      { accountId: 'u-2', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [30007] }] },
    ]);
  });

  test('nobody can see the report issue: failed, saying so, and notify is not called', async () => {
    const fake = notifyOk(whoSees(createFakeTransport(), { key: 'MW-7', project: 'ITSD', serviceDesk: true, canSee: [] }));
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: ['u-1', 'u-2'], groups: [] } }));

    expect(record.outcome).toBe('failed');
    expect(record.message).toBe(
      'Not sent: none of the recipients can see the report issue MW-7 (project ITSD, a service desk: only its agents see it), and Jira e-mails only people who can. ' +
        'Choose a report issue in a project the recipients can browse, or give them access to it.',
    );
    expect(record.reach?.dropped.map((d) => d.reason)).toEqual([
      'cannot see the report issue MW-7 in project ITSD (a service desk: only its agents see the report issue)',
      'cannot see the report issue MW-7 in project ITSD (a service desk: only its agents see the report issue)',
    ]);
    expect(fake.callsTo('POST', '/rest/api/3/issue/MW-7/notify')).toHaveLength(0);
  });

  test('groups are expanded to their active members, each checked, and named in the record', async () => {
    const fake = notifyOk(
      whoSees(createFakeTransport(), {
        key: 'MW-7',
        canSee: ['m-1'],
        members: { 'jira-admins': [{ accountId: 'm-1', displayName: 'Ana' }, { accountId: 'm-2', displayName: 'Bo' }, { accountId: 'm-3', active: false }], [GROUP_ID]: [{ accountId: 'm-1' }] },
      }),
    );
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: [], groups: ['jira-admins', GROUP_ID] } }));

    expect(record.outcome).toBe('sent');
    expect(record.reach?.reached).toEqual([{ accountId: 'm-1', displayName: 'Ana', group: 'jira-admins' }]);
    expect(record.reach?.dropped).toEqual([{ accountId: 'm-2', displayName: 'Bo', group: 'jira-admins', reason: 'cannot see the report issue MW-7 in project MW' }]);
    const memberQueries = fake.callsTo('GET', '/rest/api/3/group/member').map((r) => new URLSearchParams(r.path.split('?')[1]));
    expect(memberQueries.map((q) => [q.get('groupname'), q.get('groupId'), q.get('includeInactiveUsers')])).toEqual([
      ['jira-admins', null, 'false'],
      [null, GROUP_ID, 'false'],
    ]);
  });

  test('the sender is never e-mailed by Jira, and is listed as such', async () => {
    const fake = notifyOk(whoSees(createFakeTransport(), { key: 'MW-7', canSee: ['u-1', SENDER] }));
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: ['u-1', SENDER], groups: [] } }));
    expect(record.outcome).toBe('sent');
    expect(record.reach?.dropped).toEqual([{ accountId: SENDER, reason: 'sends the e-mail, and Jira never e-mails the sender' }]);
  });

  test('Jira refusing to say who can see the issue is unchecked, not reached: still sent, and asked only once', async () => {
    const fake = notifyOk(whoSees(createFakeTransport(), { key: 'MW-7', canSee: [] })).on('POST', '/rest/api/3/permissions/check', {
      status: 403,
      body: { errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} },
    });
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: ['u-1', 'u-2', 'u-3'], groups: [] } }));

    expect(record.outcome).toBe('sent');
    expect(record.reach).toMatchObject({ reached: [], dropped: [] });
    expect(record.reach?.unchecked).toEqual([expect.stringContaining('Jira would not say who can see MW-7, so none of the 3 recipients was checked.')]);
    expect(record.reach?.unchecked?.[0]).toContain('Only Jira administrators can perform this operation.');
    expect(fake.callsTo('POST', '/rest/api/3/permissions/check')).toHaveLength(1);
  });

  test('a group the app cannot list is unchecked with the reason', async () => {
    const fake = notifyOk(whoSees(createFakeTransport(), { key: 'MW-7', canSee: ['u-1'] })).on('GET', '/rest/api/3/group/member', {
      status: 403,
      body: { errorMessages: ['You do not have permission to view the members of this group.'], errors: {} },
    });
    const record = await deliverReportEmail(client(fake), request({ recipients: { users: ['u-1'], groups: ['secret-group'] } }));
    expect(record.outcome).toBe('sent');
    expect(record.reach?.unchecked?.[0]).toContain('Could not list the members of group secret-group');
  });
});

describe('deliverReportEmail without a report issue', () => {
  const projectSearch = {
    isLast: true,
    values: [
      {
        key: 'ITSD',
        issueTypes: [
          { id: '10005', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
          { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
          { id: '10010', name: '[System] Service request', subtask: false, hierarchyLevel: 0 },
        ],
      },
    ],
  };

  test('creates the report issue in the chosen project with its first standard issue type, then notifies on it', async () => {
    const fake = createFakeTransport()
      .on('GET', '/rest/api/3/project/search', ({ query }) => (query.get('keys') === 'ITSD' && query.get('expand') === 'issueTypes' ? { body: projectSearch } : { status: 400 }))
      .on('POST', '/rest/api/3/issue', { status: 201, body: { id: '20001', key: 'ITSD-42' } })
      .on('POST', '/rest/api/3/issue/ITSD-42/notify', { status: 204 });
    const record = await deliverReportEmail(client(fake), request({ issueKey: undefined, projectKey: 'ITSD' }));

    expect(record).toMatchObject({ outcome: 'sent', issueKey: 'ITSD-42' });
    expect(bodyOf(fake.callsTo('POST', '/rest/api/3/issue')[0])).toEqual({
      fields: { project: { key: 'ITSD' }, issuetype: { id: '10010' }, summary: REPORT_ISSUE_SUMMARY },
    });
    expect(fake.callsTo('POST', '/rest/api/3/issue/ITSD-42/notify')).toHaveLength(1);
  });

  test('an issue type from the settings is used as is', async () => {
    const fake = createFakeTransport()
      .on('POST', '/rest/api/3/issue', { status: 201, body: { id: '20001', key: 'ITSD-43' } })
      .on('POST', '/rest/api/3/issue/ITSD-43/notify', { status: 204 });
    const record = await deliverReportEmail(client(fake), request({ issueKey: '', projectKey: 'ITSD', issueTypeId: '10099' }));
    expect(record.outcome).toBe('sent');
    expect(fake.callsTo('GET', '/rest/api/3/project/search')).toHaveLength(0);
    expect(bodyOf(fake.requests[0]).fields.issuetype).toEqual({ id: '10099' });
  });

  test('Jira refusing the new issue is recorded with its message and nothing is sent', async () => {
    const fake = createFakeTransport()
      .on('GET', '/rest/api/3/project/search', { body: projectSearch })
      .on('POST', '/rest/api/3/issue', { status: 400, body: { errorMessages: [], errors: { customfield_10010: 'Request type is required.' } } });
    const record = await deliverReportEmail(client(fake), request({ issueKey: undefined, projectKey: 'ITSD' }));
    expect(record).toMatchObject({ outcome: 'failed', message: expect.stringContaining('customfield_10010: Request type is required.') });
    expect(record.message).toContain('Could not create the report issue in ITSD');
    expect(record.issueKey).toBeUndefined();
    expect(fake.requests.some((r) => r.path.endsWith('/notify'))).toBe(false);
  });

  test('an unknown project is named', async () => {
    const fake = createFakeTransport().on('GET', '/rest/api/3/project/search', { body: { isLast: true, values: [] } });
    const record = await deliverReportEmail(client(fake), request({ issueKey: undefined, projectKey: 'NOPE' }));
    expect(record).toMatchObject({ outcome: 'failed', message: 'Could not create the report issue: Project NOPE was not found, or the app cannot see it.' });
  });

  test('a created issue is kept in the record even when the notify fails, so it is not created twice', async () => {
    const fake = createFakeTransport()
      .on('POST', '/rest/api/3/issue', { status: 201, body: { id: '20001', key: 'ITSD-44' } })
      .on('POST', '/rest/api/3/issue/ITSD-44/notify', { status: 403 });
    const record = await deliverReportEmail(client(fake), request({ issueKey: undefined, projectKey: 'ITSD', issueTypeId: '10010' }));
    expect(record).toMatchObject({ outcome: 'failed', issueKey: 'ITSD-44' });
  });

  test('neither an issue nor a project: failed with what to configure', async () => {
    const fake = createFakeTransport();
    const record = await deliverReportEmail(client(fake), request({ issueKey: undefined, projectKey: undefined }));
    expect(record).toMatchObject({ outcome: 'failed', message: expect.stringContaining('No report issue is configured') });
    expect(fake.requests).toHaveLength(0);
  });
});
