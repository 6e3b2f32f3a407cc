/**
 * The job that finishes a run builds the site's history entry, the diff and the
 * overview index from each desk's summary, never from every desk's whole report:
 * at 1,000 desks the whole reports are tens of MiB, more than the invocation's
 * memory. The e-mail still names each change by its title and summary.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { PROJECT_IDS } from '../../dev/simulator/sites/demo-workflows';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, KeyValueStore, ProjectJob } from '../../src/forge/deps';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { listHistory, lastDiff } from '../../src/forge/storage/history-repo';
import { KEYS } from '../../src/forge/storage/keys';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { loadDecoratedReport } from '../../src/forge/storage/load-report';
import { loadProject } from '../../src/forge/storage/report-repo';
import { mailEveryRun } from './helpers/mail-every-run';
import { toHistoryEntry } from '../../src/history/history-entry';
import { createHttpTransport } from '../../src/jira/http-transport';
import { custCoverage } from '../../src/requirements/customers/cust-coverage';
import type { Logger } from '../../src/shared/logger';

const MONDAY_9 = new Date('2026-11-30T09:00:00.000Z');
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Every key read (get, list, listPage) while `recording` is on. */
function readRecorder(store: MemoryStore): { storage: KeyValueStore; reads: string[]; recording: { on: boolean } } {
  const reads: string[] = [];
  const recording = { on: false };
  const note = (what: string) => recording.on && reads.push(what);
  return {
    reads,
    recording,
    storage: {
      get: (key) => (note(key), store.get(key)),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
      createIfAbsent: (key, value) => store.createIfAbsent(key, value),
      list: (prefix) => (note(`${prefix}*`), store.list(prefix)),
      listPage: (prefix, cursor) => (note(`${prefix}*`), store.listPage(prefix, cursor)),
    },
  };
}

let sim: RunningSimulator;
beforeEach(async () => {
  sim = await startSimulator({ site: buildDemoSite() });
});
afterEach(async () => sim?.close());

async function scheduledSite() {
  const queued: ProjectJob[] = [];
  const recorder = readRecorder(new MemoryStore());
  const asApp = createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
  const deps: AppDeps = { storage: recorder.storage, queue: { push: async (jobs) => void queued.push(...jobs) }, jiraAsApp: () => asApp, jiraAsUser: () => asApp, now: () => MONDAY_9, log: silent };
  await mailEveryRun(deps.storage, MONDAY_9);
  /** Runs a scheduled run's jobs one after another; the reads of its last job (the one that finishes it) are recorded. */
  const run = async () => {
    queued.length = 0;
    await startReadinessRun(deps, { reason: 'scheduled' });
    const jobs = [...queued];
    for (const job of jobs.slice(0, -1)) expect(await processProjectJob(deps, job)).toMatchObject({ state: 'done' });
    recorder.reads.length = 0;
    recorder.recording.on = true;
    expect(await processProjectJob(deps, jobs[jobs.length - 1]!)).toMatchObject({ state: 'done' });
    recorder.recording.on = false;
    return { runId: jobs[0]!.runId, finishingDesk: jobs[jobs.length - 1]!.projectKey, reads: [...recorder.reads] };
  };
  return { deps, run };
}

const wholeReportReads = (reads: readonly string[], except: string) =>
  reads.filter((k) => k.startsWith(KEYS.projectReportPrefix) && k !== KEYS.projectReport(except));

test('finishes a scheduled run from the desks’ summaries, reading whole only the desk of a check the e-mail names as fixed', async () => {
  const { deps, run } = await scheduledSite();
  const first = await run();
  // The finishing job stores its own desk's report; no other desk's whole report is read, nor listed.
  expect(wholeReportReads(first.reads, first.finishingDesk)).toEqual([]);
  expect(sim.notifications).toHaveLength(1);

  // Between the runs HR's missing end users become its customers: CUST-COVERAGE on HR is fixed.
  const hr = (await loadProject(deps.storage, 'HR'))!;
  const coverage = hr.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect(coverage.status).toBe('fail');
  const missing = (coverage.evidence as { missingUsers: { accountId: string }[] }).missingUsers.map((u) => u.accountId);
  expect(missing.length).toBeGreaterThan(0);
  sim.model.addCustomers(PROJECT_IDS.HR, missing);

  const second = await run();
  expect(await lastDiff(deps.storage)).toMatchObject({ fixed: expect.arrayContaining(['HR:CUST-COVERAGE']) });
  // Only HR, for the fixed check's words; HR is not the finishing desk in this run.
  expect(second.finishingDesk).not.toBe('HR');
  expect(wholeReportReads(second.reads, second.finishingDesk)).toEqual([KEYS.projectReport('HR')]);
  expect(second.reads).not.toContain(`${KEYS.projectReportPrefix}*`);

  // The e-mail names the fixed check by its title, as it would from the whole report.
  expect(sim.notifications).toHaveLength(2);
  const mail = sim.notifications[1]!;
  expect(mail.textBody).toContain(custCoverage.meta.title);
  expect(mail.textBody).not.toMatch(/^\s*CUST-COVERAGE\s*$/m);

  // The history entry built from the summaries is the one the whole report gives.
  const whole = (await loadDecoratedReport(deps.storage, MONDAY_9))!;
  const [newest] = await listHistory(deps.storage);
  expect(newest).toEqual({ ...toHistoryEntry(second.runId, whole), at: newest!.at });
}, 60_000);

test('a last job delivered again after it died while finishing the run finishes it then', async () => {
  const { deps, run } = await scheduledSite();
  const first = await run();
  expect((await listHistory(deps.storage)).map((e) => e.runId)).toEqual([first.runId]);
  // As if the finishing job's invocation had died before the history entry was written.
  await deps.storage.delete(`${KEYS.historyPrefix}site`);
  expect(await listHistory(deps.storage)).toEqual([]);
  const last = (await loadProject(deps.storage, first.finishingDesk))!;
  expect(await processProjectJob(deps, { runId: first.runId, projectKey: last.key, reason: 'scheduled' })).toMatchObject({ state: 'done' });
  expect((await listHistory(deps.storage)).map((e) => e.runId)).toEqual([first.runId]);
  // The e-mail still went out once.
  expect(sim.notifications).toHaveLength(1);
}, 60_000);
