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

test('creates the report issue in ITSD and mails the users and group members who can see it, never the caller', async () => {
  const itAgents = sim.model.group(GROUP_IDS.itAgents)!;
  const before = sim.notifications.length;
  const record = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD', recipients: { users: [DEMO_CREDENTIALS.agent.accountId, DEMO_CREDENTIALS.admin.accountId], groups: [itAgents.name] } }));

  expect(record).toMatchObject({ outcome: 'sent', issueKey: expect.stringMatching(/^ITSD-\d+$/) });
  const sent = sim.notifications.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ issueKey: record.issueKey, subject: email.subject, htmlBody: email.htmlBody, textBody: email.textBody, dropped: [] });
  const to = sent[0].recipients.map((r) => r.accountId);
  expect(to).toContain(DEMO_CREDENTIALS.agent.accountId);
  for (const member of sim.model.groupMembers(itAgents.groupId)) if (member !== DEMO_CREDENTIALS.admin.accountId && sim.model.user(member)?.active) expect(to).toContain(member);
  expect(to).not.toContain(DEMO_CREDENTIALS.admin.accountId);
  expect(to.length).toBeGreaterThan(1); // the group's members arrived, not just the one user
  // What the record says matches what Jira did: the same people reached, the sender left out.
  expect(record.reach?.reached.map((r) => r.accountId).sort()).toEqual([...to].sort());
  expect(record.reach?.dropped).toEqual([{ accountId: DEMO_CREDENTIALS.admin.accountId, reason: 'sends the e-mail, and Jira never e-mails the sender' }]);
  expect(sim.violations).toEqual([]);
});

test('recipients who cannot see the report issue are named in the record, as Jira drops them', async () => {
  // ITSD is a service desk: HR's agents cannot see an issue created there.
  const hrAgents = sim.model.group(GROUP_IDS.hrAgents)!;
  const before = sim.notifications.length;
  const record = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD', recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [hrAgents.name] } }));

  expect(record.outcome).toBe('sent');
  const [mail] = sim.notifications.slice(before);
  expect(mail.recipients.map((r) => r.accountId)).toEqual([DEMO_CREDENTIALS.agent.accountId]);
  const droppedByJira = (mail.dropped ?? []).map((d) => d.accountId).sort();
  expect(droppedByJira.length).toBeGreaterThan(0);
  expect(record.reach?.reached.map((r) => r.accountId)).toEqual([DEMO_CREDENTIALS.agent.accountId]);
  expect(record.reach?.dropped.map((d) => d.accountId).sort()).toEqual(droppedByJira);
  expect(record.reach?.dropped[0]).toMatchObject({ group: hrAgents.name, reason: `cannot see the report issue ${record.issueKey} in project ITSD (a service desk: only its agents see the report issue)` });
  expect(sim.violations).toEqual([]);
});

test('nobody who can see the report issue: failed, and nothing is queued', async () => {
  const hrAgents = sim.model.group(GROUP_IDS.hrAgents)!;
  const { issueKey } = await deliverReportEmail(asAdmin(), request({ projectKey: 'ITSD' }));
  const before = sim.notifications.length;
  const record = await deliverReportEmail(asAdmin(), request({ issueKey, recipients: { users: [], groups: [hrAgents.name] } }));
  expect(record).toMatchObject({ outcome: 'failed', issueKey, message: expect.stringContaining(`none of the recipients can see the report issue ${issueKey}`) });
  expect(sim.notifications).toHaveLength(before);
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
