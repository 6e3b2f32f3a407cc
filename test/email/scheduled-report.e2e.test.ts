/**
 * The scheduled e-mail report end to end, on the simulated demo site: the hourly
 * trigger enqueues one job per desk with a random delay, the in-process queue runs
 * the real consumer (processProjectJob), the run is stored with its history, and
 * when the last job finishes the report goes out through Jira's notify endpoint,
 * which the simulator records instead of mailing.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL, GROUP_IDS, HR_MISSING_CUSTOMER_INDEXES } from '../../dev/simulator/sites/demo';
import { atlassianAccountId } from '../../dev/simulator/sites/ids';
import { createInProcessQueue } from '../../dev/preview/in-process-queue';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, JobQueue, ProjectJob, PushOptions } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import { runScheduledTrigger, MAX_JITTER_SECONDS } from '../../src/forge/scheduled/scheduled-run';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { listDeliveries } from '../../src/forge/storage/delivery-repo';
import { listHistory } from '../../src/forge/storage/history-repo';
import { loadDecoratedReport } from '../../src/forge/storage/load-report';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { getSettings, saveSettings } from '../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../src/jira/http-transport';
import type { AppSettings } from '../../src/shared/resolver-api';

// 2026-11-30 is a Monday; the default schedule is weekly on Mondays.
const MONDAY_9 = new Date('2026-11-30T09:00:00.000Z');
const WEEK_MS = 7 * 24 * 3600_000;
const NEW_HIRE = { accountId: '712020:new-hire', name: 'Zoë New-Hire' };

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Harness {
  deps: AppDeps;
  store: MemoryStore;
  clock: { now: Date };
  delays: number[];
  idle(): Promise<void>;
  configure(settings: Partial<AppSettings>): Promise<void>;
}

/** The app's ports over the simulator, as the preview wires them, with a settable clock. */
function harness(sim: RunningSimulator): Harness {
  const store = new MemoryStore();
  const clock = { now: MONDAY_9 };
  const delays: number[] = [];
  const asApp = createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
  let deps: AppDeps;
  // The queue ignores the jitter (maxDelayMs 0) so the test does not wait; the requested delays are recorded.
  const inner = createInProcessQueue((job) => processProjectJob(deps, job), { maxDelayMs: 0, log: silent });
  const queue: JobQueue = {
    push(jobs: ProjectJob[], options?: PushOptions) {
      if (options?.delaysSeconds) delays.push(...options.delaysSeconds);
      else if (options?.delaySeconds !== undefined) delays.push(options.delaySeconds);
      return inner.push(jobs, options);
    },
  };
  deps = { storage: store, queue, jiraAsApp: () => asApp, jiraAsUser: () => asApp, now: () => new Date(clock.now.getTime()), log: silent };
  return {
    deps,
    store,
    clock,
    delays,
    idle: () => inner.idle(),
    async configure(settings) {
      const current = await getSettings(store);
      await saveSettings(store, { settings: { ...current.settings, ...settings }, version: current.version }, DEMO_CREDENTIALS.admin.accountId, clock.now);
    },
  };
}

const hrAgentsName = (sim: RunningSimulator) => sim.model.group(GROUP_IDS.hrAgents)!.name;

async function configured(sim: RunningSimulator, extra: Partial<AppSettings> = {}): Promise<Harness> {
  const h = harness(sim);
  await h.configure({
    serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL,
    endUserGroups: [DEMO_END_USER_GROUP],
    schedule: 'weekly',
    weekday: 'MON',
    sendWhen: 'always',
    recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [hrAgentsName(sim)] },
    reportProjectKey: 'ITSD',
    ...extra,
  });
  return h;
}

/** A first, manual run gives the scheduled one something to compare with; it sends no mail. */
async function baseline(h: Harness): Promise<void> {
  await startReadinessRun(h.deps, { reason: 'recheck' });
  await h.idle();
}

/** A new employee, made a customer of every desk but ITSD: ITSD's customer coverage newly fails, and only that. */
function hireSomeone(sim: RunningSimulator): void {
  sim.model.addUser({ accountId: NEW_HIRE.accountId, accountType: 'atlassian', active: true, displayName: NEW_HIRE.name, email: 'zoe.newhire@acme.example', timeZone: 'Europe/London' });
  sim.model.addToGroup(GROUP_IDS.allEmployees, [NEW_HIRE.accountId]);
  for (const desk of sim.model.serviceDesks()) if (desk.key !== 'ITSD') sim.model.addCustomers(desk.id, [NEW_HIRE.accountId]);
}

async function scheduledRunAt(h: Harness, at: Date) {
  h.clock.now = at;
  const outcome = await runScheduledTrigger(h.deps, { random: () => 0.5 });
  await h.idle();
  return outcome;
}

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ site: buildDemoSite(), validateResponses: true });
});
afterEach(async () => sim?.close());

test('trigger → per-desk jobs → report and history stored → one e-mail to the configured recipients who can see the report issue', async () => {
  const h = await configured(sim);
  await baseline(h);
  expect(sim.notifications).toHaveLength(0); // a manual re-check mails nobody
  hireSomeone(sim);

  const outcome = await scheduledRunAt(h, MONDAY_9);
  expect(outcome).toMatchObject({ enqueued: true, period: '2026-W49', projects: 4 });
  // One push per desk, each with its own delay inside the jitter window.
  expect(h.delays).toEqual([1, 2, 3, 4].map(() => Math.floor(0.5 * MAX_JITTER_SECONDS)));

  const report = await loadDecoratedReport(h.store, h.clock.now);
  expect(report?.projects.map((p) => p.key).sort()).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
  expect(await listHistory(h.store)).toHaveLength(2);

  expect(sim.notifications).toHaveLength(1);
  const mail = sim.notifications[0];
  // As every surface prints it: one decimal, as the engine rounds it.
  const scorePercent = `${report!.score.percent}%`;
  expect(mail.subject).toBe(`Moveworks readiness for ${new URL(sim.url).host}: Not ready (${scorePercent}) — 1 newly failing`);
  expect(mail.issueKey).toMatch(/^ITSD-\d+$/);
  expect(mail.from).toBe(DEMO_CREDENTIALS.admin.accountId);

  // Recipients: the configured user (an ITSD agent). The configured group's members are HR's agents, who cannot
  // see an issue in the ITSD service desk: Jira leaves them out, and the stored delivery names them.
  const to = mail.recipients.map((r) => r.accountId).sort();
  const groupMembers = sim.model.groupMembers(GROUP_IDS.hrAgents).filter((id) => id !== DEMO_CREDENTIALS.admin.accountId && sim.model.user(id)?.active);
  expect(to).toEqual([DEMO_CREDENTIALS.agent.accountId]);
  expect((mail.dropped ?? []).map((d) => d.accountId).sort()).toEqual([...groupMembers].sort());

  // Content: the gate, the score, the newly failing check by name, in both bodies.
  const itsd = sim.model.project('ITSD')!;
  const html = mail.htmlBody!;
  const text = mail.textBody!;
  expect(html).toContain('>Not ready</span>');
  expect(html).toContain(`${scorePercent} (${report!.score.requiredPassed} of ${report!.score.requiredTotal} required checks pass)`);
  const newly = html.slice(html.indexOf('Newly failing (1)'), html.indexOf('What still blocks Moveworks'));
  expect(newly).toContain(`<bdi>ITSD — ${itsd.name}</bdi>`);
  expect(newly).toContain('ITSD:CUST-COVERAGE');
  const coverage = report!.projects.find((p) => p.key === 'ITSD')!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect(coverage.summary).toMatch(/^1 of \d+ end users/);
  expect(newly).toContain(`<strong><bdi>${coverage.title}</bdi></strong>`);
  expect(newly).toContain(`<bdi>${coverage.summary}</bdi>`);
  expect(newly).toContain('<strong>First step:</strong>');
  expect(text).toContain(coverage.summary);
  expect(text).toContain(`Newly failing (1)\n  - ITSD — ${itsd.name}: `);
  expect(text).toContain('Readiness: Not ready');
  expect(html.slice(html.indexOf('What still blocks Moveworks'))).toContain('HR — ');

  const [delivery] = await listDeliveries(h.store);
  expect(delivery).toMatchObject({ outcome: 'sent', issueKey: mail.issueKey, subject: mail.subject, runId: (await listHistory(h.store))[0].runId });
  expect(delivery.recipients).toEqual({ users: [DEMO_CREDENTIALS.agent.accountId], groups: [hrAgentsName(sim)] });
  expect(delivery.reach?.reached.map((r) => r.accountId)).toEqual([DEMO_CREDENTIALS.agent.accountId]);
  expect(delivery.reach?.dropped.map((d) => d.accountId).sort()).toEqual([...groupMembers].sort());
  expect(delivery.reach?.dropped.every((d) => d.group === hrAgentsName(sim) && d.reason.startsWith(`cannot see the report issue ${mail.issueKey} in project ITSD`))).toBe(true);
  expect(sim.violations).toEqual([]);
});

test('Forge firing twice in the period sends nothing more; the next period reports what got fixed', async () => {
  const h = await configured(sim);
  await baseline(h);
  await scheduledRunAt(h, MONDAY_9);
  expect(sim.notifications).toHaveLength(1);

  for (const at of [MONDAY_9, new Date(MONDAY_9.getTime() + 3600_000), new Date(MONDAY_9.getTime() + 3 * 24 * 3600_000)]) {
    expect(await scheduledRunAt(h, at)).toEqual({ enqueued: false, reason: 'already-run' });
  }
  expect(sim.notifications).toHaveLength(1);
  expect(await listDeliveries(h.store)).toHaveLength(1);

  // Fix HR's customer coverage the way an admin would: add the missing employees as customers.
  const hr = sim.model.project('HR')!;
  sim.model.addCustomers(hr.id, HR_MISSING_CUSTOMER_INDEXES.map((i) => atlassianAccountId(i + 1)));
  await scheduledRunAt(h, new Date(MONDAY_9.getTime() + WEEK_MS));

  expect(sim.notifications).toHaveLength(2);
  const mail = sim.notifications[1];
  expect(mail.subject).toMatch(/ — 1 fixed$/);
  expect(mail.htmlBody).toContain('Fixed (1)');
  expect(mail.htmlBody).toContain(`<bdi>HR — ${hr.name}</bdi>`);
  expect(mail.htmlBody).toContain('HR:CUST-COVERAGE');
  expect(mail.textBody).toContain(`Fixed (1)\n  - HR — ${hr.name}: `);
  expect(await listHistory(h.store)).toHaveLength(3);
});

test("sendWhen 'changes' with nothing changed sends nothing, and records why", async () => {
  const h = await configured(sim, { sendWhen: 'changes' });
  await baseline(h);
  await scheduledRunAt(h, MONDAY_9);

  expect(sim.notifications).toHaveLength(0);
  const [delivery] = await listDeliveries(h.store);
  expect(delivery).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('only when something changes') });
  expect(await listHistory(h.store)).toHaveLength(2);

  // A change the next week does go out.
  hireSomeone(sim);
  await scheduledRunAt(h, new Date(MONDAY_9.getTime() + WEEK_MS));
  expect(sim.notifications).toHaveLength(1);
  expect(sim.notifications[0].subject).toMatch(/1 newly failing$/);
});

test('outgoing mail disabled: a failed delivery with Jira\'s message, the report and the history intact', async () => {
  const h = await configured(sim);
  await baseline(h);
  const historyBefore = await listHistory(h.store);
  sim.setScenario({ outgoingMailDisabled: true });
  hireSomeone(sim);

  expect(await scheduledRunAt(h, MONDAY_9)).toMatchObject({ enqueued: true });

  expect(sim.notifications).toHaveLength(0);
  const [delivery] = await listDeliveries(h.store);
  expect(delivery).toMatchObject({ outcome: 'failed', issueKey: expect.stringMatching(/^ITSD-\d+$/) });
  expect(delivery.message).toContain('Outgoing email is disabled.');
  expect(delivery.message).toContain('403');

  const history = await listHistory(h.store);
  expect(history).toHaveLength(historyBefore.length + 1);
  expect(history[0].runId).toBe(delivery.runId);
  expect(history[0].failing).toContain('ITSD:CUST-COVERAGE');
  const report = await loadDecoratedReport(h.store, h.clock.now);
  expect(report?.projects.find((p) => p.key === 'ITSD')?.checks.find((c) => c.id === 'CUST-COVERAGE')?.status).toBe('fail');

  // The created report issue is remembered, so mail switched back on reaches the same issue next week.
  sim.setScenario({});
  await scheduledRunAt(h, new Date(MONDAY_9.getTime() + WEEK_MS));
  expect(sim.notifications).toHaveLength(1);
  expect(sim.notifications[0].issueKey).toBe(delivery.issueKey);
});

test('hostile project and status names stay escaped in the e-mail and intact in its text', async () => {
  const projectName = '<img src=x onerror=alert(1)> HR & "Co"';
  const statusName = '<script>alert("status")</script>';
  const hr = sim.model.project('HR')!;
  hr.name = projectName;
  // HR's "Resolved" status: HR has no global transition into it, so a required, blocking check names it.
  const workflow = sim.model.workflowFor(hr, hr.issueTypeIds[0])!;
  sim.model.statusesOf([workflow]).find((s) => s.name === 'Resolved')!.name = statusName;
  const h = await configured(sim);
  await scheduledRunAt(h, MONDAY_9);

  const report = await loadDecoratedReport(h.store, h.clock.now);
  const resolved = report!.projects.find((p) => p.key === 'HR')!.checks.find((c) => c.id === 'WF-ANY-TO-RESOLVED')!;
  expect(resolved).toMatchObject({ status: 'fail', severity: 'required' });
  expect(resolved.summary).toContain(statusName); // the name reached the report through the engine

  expect(sim.notifications).toHaveLength(1);
  const { htmlBody, textBody, subject } = sim.notifications[0];
  expect(htmlBody).not.toMatch(/<img|<script|onerror=alert\(1\)>/i);
  expect(htmlBody).toContain('<bdi>HR — &lt;img src=x onerror=alert(1)&gt; HR &amp; &quot;Co&quot;</bdi>');
  expect(htmlBody).toContain('&lt;script&gt;alert(&quot;status&quot;)&lt;/script&gt;');
  expect(textBody).toContain(`HR — ${projectName}`);
  expect(textBody).toContain(resolved.summary);
  expect(subject).not.toMatch(/[\r\n<]/);
});
