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

describe('deliverReportEmail to a configured issue', () => {
  test('posts the composed e-mail to exactly the configured users and groups', async () => {
    const fake = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7/notify', { status: 204 });
    const record = await deliverReportEmail(client(fake), request());

    expect(record).toEqual({
      runId: 'run-1',
      at: '2026-11-28T09:05:00.000Z',
      outcome: 'sent',
      issueKey: 'MW-7',
      recipients: { users: ['u-1', 'u-2'], groups: ['jira-admins', GROUP_ID] },
      subject: email.subject,
    });
    const [call] = fake.callsTo('POST', '/rest/api/3/issue/MW-7/notify');
    expect(bodyOf(call)).toEqual({
      subject: email.subject,
      textBody: email.textBody,
      htmlBody: email.htmlBody,
      to: {
        reporter: false,
        assignee: false,
        watchers: false,
        voters: false,
        users: [{ accountId: 'u-1' }, { accountId: 'u-2' }],
        groups: [{ name: 'jira-admins' }],
        groupIds: [GROUP_ID],
      },
    });
    expect(fake.requests).toHaveLength(1);
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
    expect(failing.requests).toHaveLength(1);

    let calls = 0;
    const limited = createFakeTransport().on('POST', '/rest/api/3/issue/MW-7/notify', () => (++calls === 1 ? { status: 429, headers: { 'Retry-After': '0' } } : { status: 204 }));
    expect((await deliverReportEmail(limited, request())).outcome).toBe('sent');
    expect(limited.requests).toHaveLength(2);
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
