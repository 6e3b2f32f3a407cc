/**
 * One truth on every surface. On the simulated demo site, through the real
 * resolvers and queue consumer (wired as the preview wires them): a full check,
 * the one-click "add missing customers" fix on HR, an attestation of MW-CONNECTOR,
 * an acknowledgement of an HR gap by HR's project admin, then a re-check of HR
 * alone. After the decisions, and again after the re-check, every surface must
 * show the same score, gate and failing list: the overview, the HR desk page on
 * the admin page and on HR's project settings page, History (newest site and HR
 * rows and the "what changed"), the test e-mail (its subject, text and HTML
 * bodies as the simulated Jira recorded them), every export (as the site admin
 * and as HR's project admin) and the CLI against the same simulated site with the
 * same attestation in its config file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL, GROUP_IDS } from '../../dev/simulator/sites/demo';
import { createInProcessQueue, type InProcessQueue } from '../../dev/preview/in-process-queue';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { buildResolvers, type Resolvers } from '../../src/forge/resolvers';
import type { AppDeps, InvocationContext } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import type { CheckResult, ProjectReport, Report, Score } from '../../src/shared/report-model';
import type { DataOf, Envelope, ResolverName } from '../../src/shared/resolver-api';
import { reportValidator } from '../../src/report/testing/report-validator';
import { messages } from '../../static/dashboard/src/messages';
import { runCli, siteArgs, tempDir } from '../cli/cli-harness';
import { demoCallers } from './helpers/demo-site-deps';
import { parseCsv } from '../../src/report/testing/parse-csv';

jest.setTimeout(120_000);

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ADMIN: InvocationContext = { accountId: DEMO_CREDENTIALS.admin.accountId, surface: 'admin' };
const HR_ADMIN: InvocationContext = { accountId: DEMO_CREDENTIALS.projectAdmin.accountId, surface: 'project', projectKey: 'HR' };
const ATTESTED_AT = '2026-11-27T10:00:00.000Z';

let sim: RunningSimulator;
let queue: InProcessQueue;
let resolvers: Resolvers;

async function call<K extends ResolverName>(name: K, payload: unknown, ctx: InvocationContext): Promise<DataOf<K>> {
  const answer = (await resolvers[name](payload, ctx)) as Envelope<DataOf<K>>;
  if (!answer.success) throw new Error(`${name}: ${JSON.stringify(answer.errors)}`);
  return answer.data;
}

beforeAll(async () => {
  sim = await startSimulator({ site: buildDemoSite() });
  const callers = demoCallers(sim);
  let deps: AppDeps;
  queue = createInProcessQueue((job) => processProjectJob(deps, job), { log: silent, maxDelayMs: 0 });
  deps = {
    storage: new MemoryStore(),
    queue,
    jiraAsApp: () => callers.asApp,
    jiraAsUser: callers.asUser,
    now: () => new Date(),
    log: silent,
  };
  resolvers = buildResolvers(deps);
  const current = await call('getSettings', {}, ADMIN);
  await call(
    'saveSettings',
    {
      settings: {
        ...current.settings,
        serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL,
        endUserGroups: [DEMO_END_USER_GROUP],
        recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: [sim.model.group(GROUP_IDS.hrAgents)!.name] },
        reportProjectKey: 'ITSD',
      },
      version: current.version,
    },
    ADMIN,
  );
});

afterAll(async () => {
  await queue?.idle();
  await sim?.close();
});

// ---- what a surface shows, read independently of the app's own helpers -------

/** The score as the dashboard shows it: one decimal, as the engine rounds it. */
const shown = (score: Score) => (score.percent === null ? 'Unknown' : `${score.percent}%`);

const key = (scope: string, id: string) => `${scope}:${id}`;

function failingOf(scope: string, checks: readonly CheckResult[]): string[] {
  return checks.filter((c) => c.status === 'fail').map((c) => key(scope, c.id));
}

function siteFailing(report: Report): string[] {
  return [...failingOf('site', report.checks), ...report.projects.flatMap((p) => failingOf(p.key, p.checks))].sort();
}

const sorted = (list: readonly string[]) => [...list].sort();

interface MailItem {
  key: string;
  status?: string;
}

interface MailSection {
  heading: string;
  count: number | null;
  items: MailItem[];
  lines: string[];
}

/** The scope words of the e-mail ("Site", "HR — Human Resources") back to the scope key. */
function scopeKeyOf(words: string): string {
  return words === 'Site' ? 'site' : words.split(' — ')[0];
}

/** The plain-text body cut at its unindented headings, each with the items listed under it. */
function mailSections(text: string): MailSection[] {
  const sections: MailSection[] = [];
  let scope = 'site';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (!line.startsWith(' ')) {
      const m = /^(.*) \((\d+)\)$/.exec(line);
      sections.push({ heading: m ? m[1] : line, count: m ? Number(m[2]) : null, items: [], lines: [] });
      continue;
    }
    const section = sections[sections.length - 1];
    section.lines.push(line);
    const change = /^ {2}- (.+?): .* \(([A-Z]+(?:-[A-Z]+)+)\)$/.exec(line);
    if (change) {
      section.items.push({ key: key(scopeKeyOf(change[1]), change[2]) });
      continue;
    }
    const group = /^ {2}(\S.*)$/.exec(line);
    if (group && !/^ {2}(…|Nothing|This is|\d)/.test(line)) scope = scopeKeyOf(group[1]);
    const blocking = /^ {4}- \[(.+?)\] .* \(([A-Z]+(?:-[A-Z]+)+)\)$/.exec(line);
    if (blocking) section.items.push({ key: key(scope, blocking[2]), status: blocking[1] });
  }
  return sections;
}

/** Every count the e-mail prints next to a heading equals the number of items it lists there. */
function expectCountsMatchLists(sections: MailSection[], text: string) {
  for (const s of sections) {
    const more = s.lines.map((l) => /…and (\d+) more/.exec(l)).find(Boolean);
    if (s.count !== null) expect({ heading: s.heading, count: s.count }).toEqual({ heading: s.heading, count: s.items.length + (more ? Number(more[1]) : 0) });
  }
  const blockingListed = sections.find((s) => s.heading.startsWith('What still blocks'))!.items;
  const said = /(\d+) (?:checks are|check is) still failing/.exec(text);
  if (said) expect(Number(said[1])).toBe(blockingListed.filter((i) => i.status === 'Failing').length);
}

function csvRows(csv: string): Record<string, string>[] {
  const [head, ...body] = parseCsv(csv);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

function parseValidReport(json: string): Report {
  const doc = JSON.parse(json);
  const validate = reportValidator();
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  return doc as Report;
}

// ---- the surfaces --------------------------------------------------------------

interface Truth {
  report: Report;
  hr: ProjectReport;
}

async function overviewTruth(): Promise<Truth> {
  const overview = await call('getOverview', {}, ADMIN);
  const report = overview.report!;
  const hr = report.projects.find((p) => p.key === 'HR')!;
  return { report, hr };
}

function expectOverviewShows({ report }: Truth) {
  expect(messages.overview.scoreValue(report.score)).toBe(`${shown(report.score)} (${report.score.requiredPassed} of ${report.score.requiredTotal} required checks pass)`);
}

async function expectDeskPagesAgree({ hr }: Truth) {
  for (const ctx of [ADMIN, HR_ADMIN]) {
    const view = await call('getProjectView', { projectKey: 'HR' }, ctx);
    const p = view.project!;
    expect(shown(p.score)).toBe(shown(hr.score));
    expect(p.ready).toBe(hr.ready);
    expect(sorted(failingOf('HR', p.checks))).toEqual(sorted(failingOf('HR', hr.checks)));
    // What the desk page prints is what the desk's export prints.
    expect(messages.overview.scoreValue(p.score)).toBe(`${shown(hr.score)} (${hr.score.requiredPassed} of ${hr.score.requiredTotal} required checks pass)`);
  }
}

async function expectHistoryAgrees({ report, hr }: Truth) {
  const site = await call('getHistory', {}, ADMIN);
  const newest = site.entries[0];
  expect({ ready: newest.ready, score: shown(newest.score), failing: sorted(newest.failing) }).toEqual({
    ready: report.ready,
    score: shown(report.score),
    failing: siteFailing(report),
  });
  expect(newest.score).toEqual(report.score);
  expect(messages.history.scoreValue(newest.score)).toBe(shown(report.score));
  for (const ctx of [ADMIN, HR_ADMIN]) {
    const desk = await call('getHistory', { projectKey: 'HR' }, ctx);
    const row = desk.entries[0];
    expect({ ready: row.ready, score: shown(row.score), failing: sorted(row.failing) }).toEqual({
      ready: hr.ready,
      score: shown(hr.score),
      failing: sorted(failingOf('HR', hr.checks)),
    });
  }
  return site.lastDiff;
}

async function expectEmailAgrees({ report }: Truth, lastDiff: Awaited<ReturnType<typeof expectHistoryAgrees>>) {
  const before = sim.notifications.length;
  const delivery = await call('sendTestReport', {}, ADMIN);
  expect(delivery.outcome).toBe('sent');
  expect(sim.notifications.length).toBe(before + 1);
  const mail = sim.notifications[sim.notifications.length - 1];
  const gate = report.ready === true ? 'Ready' : report.ready === false ? 'Not ready' : 'Unknown';
  expect(mail.subject).toContain(`: ${gate} (${shown(report.score)})`);
  const text = mail.textBody!;
  expect(text).toContain(`Readiness: ${gate}`);
  expect(text).toContain(`Score: ${shown(report.score)} (${report.score.requiredPassed} of ${report.score.requiredTotal} required checks pass)`);
  expect(mail.htmlBody).toContain(`${shown(report.score)} (${report.score.requiredPassed} of ${report.score.requiredTotal} required checks pass)`);

  const sections = mailSections(text);
  expectCountsMatchLists(sections, text);
  const blockingItems = sections.find((s) => s.heading.startsWith('What still blocks'))!.items;
  expect(sorted(blockingItems.filter((i) => i.status === 'Failing').map((i) => i.key))).toEqual(siteFailing(report));

  // What changed: the same diff History shows.
  const listed = (heading: string) => sorted(sections.find((s) => s.heading === heading)?.items.map((i) => i.key) ?? []);
  if (lastDiff) {
    expect(listed('Newly failing')).toEqual(sorted(lastDiff.newlyFailing));
    expect(listed('Fixed')).toEqual(sorted(lastDiff.fixed));
    expect(listed('Newly could not be checked')).toEqual(sorted(lastDiff.newlyErroring));
    const anyChange = lastDiff.newlyFailing.length + lastDiff.fixed.length + lastDiff.newlyErroring.length > 0;
    expect(mail.subject.includes('no changes')).toBe(!anyChange);
  }
}

async function expectExportsAgree({ report, hr }: Truth) {
  // The site admin's export of the whole site.
  const json = parseValidReport((await call('exportReport', { format: 'json' }, ADMIN)).content);
  expect({ ready: json.ready, score: shown(json.score), failing: siteFailing(json) }).toEqual({ ready: report.ready, score: shown(report.score), failing: siteFailing(report) });
  const csv = csvRows((await call('exportReport', { format: 'csv' }, ADMIN)).content);
  expect(sorted(csv.filter((r) => r.status === 'fail').map((r) => key(r.scope === 'site' ? 'site' : r.project_key, r.check_id)))).toEqual(siteFailing(report));
  const html = (await call('exportReport', { format: 'html' }, ADMIN)).content;
  expect(html).toContain(`${shown(report.score)} (${report.score.requiredPassed} of ${report.score.requiredTotal} required checks pass)`);

  // HR exported by its project admin, and by the site admin: headlined by the desk page's score.
  for (const ctx of [HR_ADMIN, ADMIN]) {
    const desk = parseValidReport((await call('exportReport', { format: 'json', projectKey: 'HR' }, ctx)).content);
    expect({ ready: desk.ready, score: shown(desk.score), percent: desk.score.percent }).toEqual({ ready: hr.ready, score: shown(hr.score), percent: hr.score.percent });
    expect(desk.projects.map((p) => p.key)).toEqual(['HR']);
    // The site checks' state is given beside the desk's, not mixed into it.
    expect(desk.scope).toEqual({ projectKey: 'HR' });
    expect(desk.siteChecksReadiness!.score.requiredTotal).toBe(report.checks.filter((c) => c.severity === 'required' && c.status !== 'not_applicable').length);
    expect(sorted(failingOf('HR', desk.projects[0].checks))).toEqual(sorted(failingOf('HR', hr.checks)));
    const deskCsv = csvRows((await call('exportReport', { format: 'csv', projectKey: 'HR' }, ctx)).content);
    expect(sorted(deskCsv.filter((r) => r.status === 'fail' && r.scope === 'project').map((r) => key(r.project_key, r.check_id)))).toEqual(sorted(failingOf('HR', hr.checks)));
    const deskHtml = (await call('exportReport', { format: 'html', projectKey: 'HR' }, ctx)).content;
    expect(deskHtml).toContain(`${shown(hr.score)} (${hr.score.requiredPassed} of ${hr.score.requiredTotal} required checks pass)`);
  }
}

/** The CLI against the same simulated site, with MW-CONNECTOR attested in its config file. */
async function expectCliAgrees({ report }: Truth) {
  const dir = tempDir();
  const config = path.join(dir, 'mw-readiness.json');
  fs.writeFileSync(config, JSON.stringify({ attestations: { 'MW-CONNECTOR': { by: 'Ada Admin', at: ATTESTED_AT } } }));
  const asJson = await runCli(siteArgs(sim, ['--config', config, '--format', 'json']));
  const cli = parseValidReport(asJson.stdout);
  expect({ ready: cli.ready, score: shown(cli.score), failing: siteFailing(cli) }).toEqual({ ready: report.ready, score: shown(report.score), failing: siteFailing(report) });
  expect(asJson.stderr).toContain(`score ${shown(report.score)} (`);
  const asText = await runCli(siteArgs(sim, ['--config', config]));
  expect(asText.stdout).toContain(`Score: ${shown(report.score)} (${report.score.requiredPassed} of ${report.score.requiredTotal} required checks pass)`);
  const hr = report.projects.find((p) => p.key === 'HR')!;
  expect(asText.stdout).toContain(`score ${shown(hr.score)} (${hr.score.requiredPassed} of ${hr.score.requiredTotal} required checks pass)`);
}

async function expectEverySurfaceAgrees(): Promise<Truth> {
  const truth = await overviewTruth();
  expectOverviewShows(truth);
  await expectDeskPagesAgree(truth);
  const lastDiff = await expectHistoryAgrees(truth);
  await expectEmailAgrees(truth, lastDiff);
  await expectExportsAgree(truth);
  await expectCliAgrees(truth);
  return truth;
}

it('shows the same score, gate and failing list on every surface after a fix, an attestation, an acknowledgement and a one-desk re-check', async () => {
  // Two full checks, as in the preview (its own first check, then Re-check): History has a run to compare with.
  for (let run = 0; run < 2; run++) {
    await call('startRecheck', {}, ADMIN);
    await queue.idle();
  }
  const first = await overviewTruth();
  const hrBefore = first.hr.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect(hrBefore.status).toBe('fail');
  expect(first.report.checks.find((c) => c.id === 'MW-CONNECTOR')!.status).toBe('manual');

  const fixed = await call('applyFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, ADMIN);
  expect(fixed.rechecked.flatMap((r) => r.checks).map((c) => [c.id, c.status])).toEqual([['CUST-COVERAGE', 'pass']]);
  await call('attest', { checkId: 'MW-CONNECTOR' }, ADMIN);
  // HR's admin accepts one of HR's remaining required gaps for now: listed, but it still blocks.
  const gap = first.hr.checks.find((c) => c.severity === 'required' && c.status === 'fail' && c.id !== 'CUST-COVERAGE')!;
  await call('acknowledge', { projectKey: 'HR', checkId: gap.id, reason: 'Fixed in the next sprint' }, HR_ADMIN);

  const afterDecisions = await expectEverySurfaceAgrees();
  // The fix shows in "what changed" (History and e-mail) against the run before, not as "no changes".
  expect((await call('getHistory', {}, ADMIN)).lastDiff).toMatchObject({ fixed: ['HR:CUST-COVERAGE'], newlyFailing: [], newlyErroring: [] });
  expect(afterDecisions.report.score.requiredPassed).toBe(first.report.score.requiredPassed + 2);
  expect(siteFailing(afterDecisions.report)).not.toContain('HR:CUST-COVERAGE');
  // Acknowledging changes neither gate nor score.
  expect(afterDecisions.hr.checks.find((c) => c.id === gap.id)!.status).toBe('fail');

  await call('startRecheck', { projectKeys: ['HR'] }, HR_ADMIN);
  await queue.idle();
  const afterRecheck = await expectEverySurfaceAgrees();
  expect(afterRecheck.report.score).toEqual(afterDecisions.report.score);
  const history = await call('getHistory', {}, ADMIN);
  // Newest first: the HR re-check, the second full check as the fix and attestation left it, the first full check as it ran.
  expect(history.entries.map((e) => shown(e.score))).toEqual([shown(afterRecheck.report.score), shown(afterRecheck.report.score), shown(first.report.score)]);
  expect(history.lastDiff).toEqual({ newlyFailing: [], fixed: [], stillFailing: expect.any(Array), newlyErroring: [] });
});
