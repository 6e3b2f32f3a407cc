/**
 * Delivery against the simulated Jira Cloud site (dev/simulator), which answers
 * create-issue and notify the way Jira does and records the mail instead of sending it.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, GROUP_IDS } from '../../dev/simulator/sites/demo';
import { createHttpTransport } from '../jira/http-transport';
import { check, project, report } from './testing/report-fixtures';
import { composeReportEmail } from './compose';
import { deliverReportEmail, type DeliveryRequest } from './deliver';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ site: buildDemoSite(), host: '127.0.0.1', port: 0, validateResponses: true });
});
afterAll(async () => sim?.close());
beforeEach(() => sim.setScenario({}));

const asAdmin = () => createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
const email = composeReportEmail(
  report([check({ id: 'SA-TIMEZONE', status: 'fail', summary: 'Time zone is America/New_York.' })], [project('HR', [check({ id: 'SA-PROJECT-ROLE', status: 'fail' })], 'HR <Desk>')]),
  { newlyFailing: ['site:SA-TIMEZONE'], fixed: [], stillFailing: ['HR:SA-PROJECT-ROLE'], newlyErroring: [] },
);

function request(overrides: Partial<DeliveryRequest>): DeliveryRequest {
  return { runId: 'run-sim', recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [] }, email, ...overrides };
}

test('creates the report issue in ITSD and mails the users and group members, never the caller', async () => {
  const hrAgents = sim.model.group(GROUP_IDS.hrAgents)!;
  const before = sim.notifications.length;
  const record = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD', recipients: { users: [DEMO_CREDENTIALS.agent.accountId, DEMO_CREDENTIALS.admin.accountId], groups: [hrAgents.name] } }));

  expect(record).toMatchObject({ outcome: 'sent', issueKey: expect.stringMatching(/^ITSD-\d+$/) });
  const sent = sim.notifications.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ issueKey: record.issueKey, subject: email.subject, htmlBody: email.htmlBody, textBody: email.textBody });
  const to = sent[0].recipients.map((r) => r.accountId);
  expect(to).toContain(DEMO_CREDENTIALS.agent.accountId);
  for (const member of sim.model.groupMembers(hrAgents.groupId)) if (member !== DEMO_CREDENTIALS.admin.accountId && sim.model.user(member)?.active) expect(to).toContain(member);
  expect(to).not.toContain(DEMO_CREDENTIALS.admin.accountId);
  expect(to.length).toBeGreaterThan(1); // the group's members arrived, not just the one user
  expect(sim.violations).toEqual([]);
});

test('the caller as the only recipient is refused with Jira\'s words', async () => {
  const { issueKey } = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD' }));
  const record = await deliverReportEmail(asAdmin(), request({ issueKey, recipients: { users: [DEMO_CREDENTIALS.admin.accountId], groups: [] } }));
  expect(record).toMatchObject({ outcome: 'failed', issueKey, message: expect.stringContaining('The recipient is the same as the calling user.') });
});

test('outgoing mail switched off is a failed record naming it', async () => {
  const { issueKey } = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD' }));
  sim.setScenario({ outgoingMailDisabled: true });
  const before = sim.notifications.length;
  const record = await deliverReportEmail(asAdmin(), request({ issueKey }));
  expect(record).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Outgoing email is disabled.') });
  expect(record.message).toContain('(403)');
  expect(sim.notifications).toHaveLength(before);
});

test('a deleted report issue is a failed record that says so', async () => {
  const record = await deliverReportEmail(asAdmin(), request({ issueKey: 'ITSD-99999' }));
  expect(record).toMatchObject({ outcome: 'failed', message: expect.stringContaining('The report issue ITSD-99999 was not found') });
});
